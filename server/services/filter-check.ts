import { type CatalogFilter, hasCatalogFilter, unknownFilterValue } from '../../src/domain/query';
import { ProblemAnswer } from '../http/problem';
import type { StateMemo } from './state-memo';

/**
 * Throws a 400 (`ProblemAnswer`) when a filter names no plan, district or department of the
 * catalog. Called where an answer is computed, not on every request: a cached answer was checked
 * when it was computed, at the same data version (a change of plans or targets bumps it), so a
 * cache hit costs nothing more; a miss costs a Set lookup in values held per catalog version.
 */
export async function checkFilters(memo: StateMemo, q: CatalogFilter): Promise<void> {
  if (!hasCatalogFilter(q)) return;
  const p = unknownFilterValue(q, await memo.filterValues());
  if (p) throw new ProblemAnswer(p);
}
