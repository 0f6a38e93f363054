import { type SummaryResponse, WARNING_PROBLEMS_MAX } from '../../src/domain/api';
import { latestReportAt, oneLine } from '../../src/domain/review';
import type { Cut } from '../../src/domain/views';
import type { Store } from '../repositories/store';

/**
 * The summary's warned targets (a handful: the wall's warning slide) with the short form of their
 * 存在问题 (issue 23): the state windows of those targets only, in one read, and the report each
 * state rests on, as the weekly review finds it. The status engine never reads the narrative, so the
 * summary's computation over every target stays as it was; this adds one small read per data version
 * (the summary is cached per version).
 */
export async function withWarningProblems(store: Store, summary: SummaryResponse, cut: Cut): Promise<SummaryResponse> {
  if (summary.warnings.length === 0) return summary;
  const reports = await store.reportsForStates(
    summary.warnings.map((w) => w.id),
    cut.asOf,
    { knownAt: cut.knownAt, view: cut.view, withSource: true },
  );
  const byTarget = new Map<string, typeof reports>();
  for (const r of reports) {
    const list = byTarget.get(r.targetId);
    if (list) list.push(r);
    else byTarget.set(r.targetId, [r]);
  }
  return {
    ...summary,
    warnings: summary.warnings.map((w) => {
      const said = latestReportAt(w, byTarget.get(w.id) ?? [], cut, true)?.narrative?.problems ?? '';
      const problems = oneLine(said, WARNING_PROBLEMS_MAX);
      return problems === '' ? w : { ...w, problems };
    }),
  };
}
