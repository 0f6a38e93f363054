import type { IsoDate } from './dates';
import { DomainError } from './errors';
import type { ProgressReport } from './schemas';

/**
 * The two time axes of a report: `asOf` (the date the value is true for) and `recordedAt` (when
 * it entered the system). "As of date D, known at time K" keeps only reports recorded by K, then
 * lets every correction (a report with `supersedes`) replace the report it corrects. Reports are
 * never edited or deleted, so any past view can be reproduced exactly.
 */
export interface KnowledgeCut {
  /** Reports about dates after this one are ignored. */
  asOf: IsoDate;
  /** Reports recorded after this instant are ignored (ISO 8601). Omit for "everything known now". */
  knownAt?: string | undefined;
}

export function recordedBy(report: ProgressReport, knownAt: string | undefined): boolean {
  return knownAt === undefined || Date.parse(report.recordedAt) <= Date.parse(knownAt);
}

/** Reports known at `knownAt` that are not superseded by another report known at that time. */
export function effectiveReports(reports: readonly ProgressReport[], knownAt?: string): ProgressReport[] {
  return knownEffective(reports, knownAt, undefined);
}

/**
 * `effectiveReports`, optionally only those about dates on or before `asOf`, in one pass over the
 * reports (the engine's hot path: most lists carry no corrections and need no second look).
 */
function knownEffective(
  reports: readonly ProgressReport[],
  knownAt: string | undefined,
  asOf: IsoDate | undefined,
): ProgressReport[] {
  let limit = Number.POSITIVE_INFINITY;
  if (knownAt !== undefined) {
    limit = Date.parse(knownAt);
    // An unreadable instant would otherwise hide every report and look like "no data".
    if (Number.isNaN(limit)) {
      throw new DomainError(
        'invalid_date',
        `时间格式不正确：“${knownAt}”，应为 ISO 8601`,
        `Invalid instant "${knownAt}", expected ISO 8601`,
      );
    }
  }
  // Plain loops, no closures: this runs for every report of every target on each summary.
  const all = knownAt === undefined;
  let superseded: Set<string> | undefined;
  for (const r of reports) {
    if (r.supersedes && (all || Date.parse(r.recordedAt) <= limit)) {
      if (!superseded) superseded = new Set();
      superseded.add(r.supersedes);
    }
  }
  const out: ProgressReport[] = [];
  for (const r of reports) {
    if (asOf !== undefined && r.asOf > asOf) continue;
    if (!all && Date.parse(r.recordedAt) > limit) continue;
    if (superseded?.has(r.id)) continue;
    out.push(r);
  }
  return out;
}

const byAsOfThenRecorded = (a: ProgressReport, b: ProgressReport) =>
  a.asOf === b.asOf ? Date.parse(a.recordedAt) - Date.parse(b.recordedAt) : a.asOf < b.asOf ? -1 : 1;

/** Effective reports on or before the cut's as-of date, oldest first (ties: earlier recorded first). */
export function reportsAsOf(reports: readonly ProgressReport[], cut: KnowledgeCut): ProgressReport[] {
  const out = knownEffective(reports, cut.knownAt, cut.asOf);
  // Reports usually arrive in order (the database sorts them): sort only when they are not.
  for (let i = 1; i < out.length; i++) {
    if (byAsOfThenRecorded(out[i - 1] as ProgressReport, out[i] as ProgressReport) > 0)
      return out.sort(byAsOfThenRecorded);
  }
  return out;
}

/**
 * For each as-of date, the last recorded report wins: two reports about the same week are one
 * figure revised, not two data points.
 */
export function onePerDate(sorted: readonly ProgressReport[]): ProgressReport[] {
  const out: ProgressReport[] = [];
  for (const r of sorted) {
    if (out.length > 0 && out[out.length - 1]?.asOf === r.asOf) out[out.length - 1] = r;
    else out.push(r);
  }
  return out;
}
