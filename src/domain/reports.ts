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
  /** Which reports count (default: the approved ones). */
  view?: ReportView | undefined;
}

/**
 * Which reports count (issue 23): `approved`, what the board, the wall and the exports show by
 * default (a report counts from the moment it was approved); `pending`, the "含待审核" switch (reports
 * waiting for review count too, from when they were recorded, until returned); `all`, every version
 * (the write side's checks: a pending or returned report for a date still needs a correction).
 */
export type ReportView = 'approved' | 'pending' | 'all';

/** The view a read asks for with `includePending`. */
export const viewOf = (includePending: boolean | undefined): ReportView => (includePending ? 'pending' : 'approved');

/** Whether `r` counts in `view` at the instant `limit` (ms; +∞: now). */
function counts(r: ProgressReport, view: ReportView, limit: number): boolean {
  const a = r.approval;
  if (view === 'all' || a === undefined) return Date.parse(r.recordedAt) <= limit;
  if (view === 'approved') return a.state === 'approved' && Date.parse(a.at ?? r.recordedAt) <= limit;
  if (a.state === 'approved') return Date.parse(r.recordedAt) <= limit;
  // Pending view: a pending report counts from when it was recorded; a returned one until it was returned.
  if (a.state === 'returned' && (a.at === null || Date.parse(a.at) <= limit)) return false;
  return Date.parse(r.recordedAt) <= limit;
}

export function recordedBy(
  report: ProgressReport,
  knownAt: string | undefined,
  view: ReportView = 'approved',
): boolean {
  return counts(report, view, knownAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(knownAt));
}

/** Reports that count at `knownAt` in the view that are not superseded by another one that counts then. */
export function effectiveReports(
  reports: readonly ProgressReport[],
  knownAt?: string,
  view: ReportView = 'approved',
): ProgressReport[] {
  return knownEffective(reports, knownAt, undefined, view);
}

/**
 * `effectiveReports`, optionally only those about dates on or before `asOf`, in one pass over the
 * reports (the engine's hot path: most lists carry no corrections and need no second look).
 */
function knownEffective(
  reports: readonly ProgressReport[],
  knownAt: string | undefined,
  asOf: IsoDate | undefined,
  view: ReportView,
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
  // Plain loops, no closures: this runs for every report of every target on each summary. Most
  // reports carry no approval (seeded, generated) or are approved: the view costs one check each.
  const all = knownAt === undefined;
  let hidden: Set<string> | undefined;
  for (const r of reports) {
    if (r.approval !== undefined && view !== 'all' && r.approval.state !== 'approved') {
      if (!counts(r, view, limit)) {
        if (!hidden) hidden = new Set();
        hidden.add(r.id);
      }
    }
  }
  // Versions that do not count, by the version each corrects: a version that counts replaces the
  // whole chain behind it through them (an approved revision of a returned correction replaces
  // what the returned one corrected).
  let chain: Map<string, string> | undefined;
  if (hidden !== undefined) {
    for (const r of reports) {
      if (r.supersedes && hidden.has(r.id)) {
        if (!chain) chain = new Map();
        chain.set(r.id, r.supersedes);
      }
    }
  }
  let superseded: Set<string> | undefined;
  for (const r of reports) {
    if (!r.supersedes || hidden?.has(r.id)) continue;
    if (!all && !counts(r, view, limit)) continue;
    if (!superseded) superseded = new Set();
    superseded.add(r.supersedes);
    let at = chain?.get(r.supersedes);
    for (let hops = 0; at !== undefined && hops < 100; hops++) {
      superseded.add(at);
      at = chain?.get(at);
    }
  }
  const out: ProgressReport[] = [];
  for (const r of reports) {
    if (asOf !== undefined && r.asOf > asOf) continue;
    if (hidden?.has(r.id)) continue;
    if (!all && !counts(r, view, limit)) continue;
    if (superseded?.has(r.id)) continue;
    out.push(r);
  }
  return out;
}

const byAsOfThenRecorded = (a: ProgressReport, b: ProgressReport) =>
  a.asOf === b.asOf ? Date.parse(a.recordedAt) - Date.parse(b.recordedAt) : a.asOf < b.asOf ? -1 : 1;

/** Effective reports on or before the cut's as-of date, oldest first (ties: earlier recorded first). */
export function reportsAsOf(reports: readonly ProgressReport[], cut: KnowledgeCut): ProgressReport[] {
  const out = knownEffective(reports, cut.knownAt, cut.asOf, cut.view ?? 'approved');
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
