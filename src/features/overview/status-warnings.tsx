import { useTargets } from '../../api/get-targets';
import type { SummaryParams } from '../../api/query-keys';
import { aggregate, WARNING_STATUSES } from '../../domain/aggregate';
import type { TargetWithStateDto } from '../../domain/api';
import type { Status } from '../../domain/schemas';
import { GapWarnings } from './gap-warnings';

/** As many as the summary's own warnings list. */
const WARNING_COUNT = 8;

/** The furthest behind of `items`, ranked by the same domain rule as the summary's warnings. */
function laggardsOf(items: TargetWithStateDto[]): TargetWithStateDto[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  return aggregate(
    items.map((i) => ({ target: i, state: i.state })),
    WARNING_COUNT,
  )
    .laggards.map((l) => byId.get(l.target.id))
    .filter((i) => i !== undefined);
}

/**
 * The warnings panel under the overview's status filter. The summary's warnings mix lagging and
 * severe targets (and stop at eight), so filtering them would hide lagging targets behind severe
 * ones: the panel ranks the targets of the chosen status instead (the same query as the status list).
 * Until they arrive, the summary's warnings of that status stand in.
 */
export function StatusWarnings({
  params,
  status,
  summaryWarnings,
  onShowAll,
}: {
  params: SummaryParams;
  status: Status;
  summaryWarnings: TargetWithStateDto[];
  onShowAll: () => void;
}) {
  const warns = WARNING_STATUSES.has(status);
  const targets = useTargets({ ...params, status });
  const warnings = !warns
    ? []
    : targets.data
      ? laggardsOf(targets.data.items)
      : summaryWarnings.filter((w) => w.state.status === status);
  return <GapWarnings warnings={warnings} status={status} onShowAll={onShowAll} />;
}
