import { Link } from 'react-router';
import { paths } from '../../domain/paths';
import type { ReviewTarget } from '../../domain/review-api';
import { useIncludePending } from '../../stores/include-pending';
import { DemoTag } from '../../ui/demo-tag';
import { ProvisionalTag } from '../../ui/pending';

/** A target's title linking to its page as of the meeting date. */
export function TargetLink({ target, asOf }: { target: ReviewTarget; asOf: string }) {
  const [includePending] = useIncludePending();
  return (
    <>
      <Link to={paths.target(target.id, { asOf, includePending })}>{target.title}</Link>
      {target.state.latest?.demo && <DemoTag />}
      <ProvisionalTag latest={target.state.latest} />
    </>
  );
}

export function targetIndex(targets: readonly ReviewTarget[]): (id: string) => ReviewTarget | undefined {
  const map = new Map(targets.map((t) => [t.id, t]));
  return (id) => map.get(id);
}
