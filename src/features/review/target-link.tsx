import { Link } from 'react-router';
import { paths } from '../../domain/paths';
import type { ReviewTarget } from '../../domain/review-api';
import { DemoTag } from '../../ui/demo-tag';

/** A target's title linking to its page as of the meeting date. */
export function TargetLink({ target, asOf }: { target: ReviewTarget; asOf: string }) {
  return (
    <>
      <Link to={paths.target(target.id, { asOf })}>{target.title}</Link>
      {target.state.latest?.demo && <DemoTag />}
    </>
  );
}

export function targetIndex(targets: readonly ReviewTarget[]): (id: string) => ReviewTarget | undefined {
  const map = new Map(targets.map((t) => [t.id, t]));
  return (id) => map.get(id);
}
