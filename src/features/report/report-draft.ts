import { isIsoDate } from '../../domain/dates';
import { type ConfirmationIssue, issueOfZod } from '../../domain/issues';
import { NARRATIVE_FIELDS } from '../../domain/report-schema';
import type { NarrativeField, ProgressReport, StatusThresholds, Target, TargetState } from '../../domain/schemas';
import { parseUnit, parseValueWithUnit } from '../../domain/units';
import {
  type CorrectionInput,
  checkReport,
  narrativeInputSchema,
  previewState,
  type ReportInput,
  reportInputSchema,
} from '../../domain/write-api';
import type { Worded } from '../../i18n/validation';

/**
 * What the report form holds (strings, as typed) and what it means: the same checks the server runs
 * (`checkReport`), run on every keystroke, and the state the target would have with it saved.
 */
export const DRAFT_FIELDS = [
  'value',
  'unit',
  'stagesDone',
  'asOf',
  'note',
  'evidence',
  'confirmReason',
  'reason',
  // 进展情况 / 存在问题 / 下步措施 / 需协调事项 (the report's narrative)
  ...NARRATIVE_FIELDS,
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type Draft = Record<DraftField, string>;
/** A field's problem: a code found here, or the server's issue (its words, and its code when it has one). */
export type DraftErrors = Partial<Record<DraftField, Worded>>;

export const emptyDraft = (today: string): Draft => ({
  value: '',
  unit: '',
  stagesDone: '',
  asOf: today,
  note: '',
  evidence: '',
  confirmReason: '',
  reason: '',
  progress: '',
  problems: '',
  nextSteps: '',
  coordination: '',
});

/** The draft's narrative as a report's (for prefilling a correction from the report it corrects). */
export const narrativeDraft = (r: Pick<ProgressReport, 'narrative'>): Pick<Draft, NarrativeField> => ({
  progress: r.narrative?.progress ?? '',
  problems: r.narrative?.problems ?? '',
  nextSteps: r.narrative?.nextSteps ?? '',
  coordination: r.narrative?.coordination ?? '',
});

/** A server's field path (`narrative.progress`) as the draft field it is about, or null. */
export function draftFieldOf(path: string): DraftField | null {
  const field = path.startsWith('narrative.') ? path.slice('narrative.'.length) : path;
  return (DRAFT_FIELDS as readonly string[]).includes(field) ? (field as DraftField) : null;
}

export interface DraftCheck {
  errors: DraftErrors;
  confirmations: ConfirmationIssue[];
  /** The request body when nothing is wrong. */
  input: (ReportInput & { reason?: string }) | null;
  /** The state with this report counted, when it can be computed. */
  preview: TargetState | null;
  /** The unit typed with the value (20家, 1.2万人), '' when none was: it overrides the unit chosen. */
  typedUnit: string;
}

const first = (errors: DraftErrors, field: DraftField, issue: Worded) => {
  errors[field] ??= issue;
};

/** Units a value may be entered in: the target's own, and its base unit with 万/亿 when it counts money or people. */
export function unitOptions(unit: string): string[] {
  if (unit === '') return [''];
  try {
    const parsed = parseUnit(unit);
    if (parsed.factor === 1 && parsed.base !== '元') return [unit];
    return [...new Set([unit, parsed.base, `万${parsed.base}`, `亿${parsed.base}`])];
  } catch {
    return [unit];
  }
}

/** The longest note reportInputSchema takes. */
const NOTE_MAX = 2000;

export function checkDraft(
  target: Target,
  history: readonly ProgressReport[],
  draft: Draft,
  today: string,
  thresholds: StatusThresholds | undefined,
  correcting: ProgressReport | null,
  who = 'me',
  recordedAt = new Date(0).toISOString(),
): DraftCheck {
  const errors: DraftErrors = {};
  const milestone = target.kind === 'milestone';
  let value: number | null = null;
  let stagesDone: number | null = null;
  let typedUnit = '';
  if (milestone) {
    if (draft.stagesDone !== '') stagesDone = Number(draft.stagesDone);
  } else if (draft.value.trim() !== '') {
    const n = parseValueWithUnit(draft.value, target.unit);
    // A value that is not a number is reported as such; the date is still checked.
    if (n.ok) {
      value = n.value;
      typedUnit = n.unit;
    } else first(errors, 'value', n.issue);
  }
  // The unit typed with the value wins over the one chosen beside it.
  const written = typedUnit || draft.unit;
  const unit = written === '' || written === target.unit ? undefined : written;
  if (!isIsoDate(draft.asOf)) {
    first(errors, 'asOf', { code: draft.asOf === '' ? 'as_of_required' : 'date_format' });
  }
  let confirmations: ConfirmationIssue[] = [];
  if (isIsoDate(draft.asOf)) {
    const check = checkReport(
      target,
      history,
      { asOf: draft.asOf, value, unit: unit ?? '', stagesDone },
      today,
      correcting?.id,
    );
    // A unit typed with the value that does not convert is the value's problem, not the select's.
    for (const e of check.errors) first(errors, e.field === 'unit' && typedUnit ? 'value' : e.field, e);
    confirmations = check.confirmations;
  }
  if (draft.evidence.trim() !== '') {
    const ok = reportInputSchema.shape.evidence.safeParse(draft.evidence);
    if (!ok.success) {
      const issue = ok.error.issues[0];
      first(errors, 'evidence', issue ? issueOfZod(issue) : { code: 'invalid' });
    }
  }
  if (draft.note.length > NOTE_MAX) first(errors, 'note', { code: 'too_long', params: { max: NOTE_MAX } });
  // The server's own checks of each part (length, text it cannot keep, direction controls).
  for (const f of NARRATIVE_FIELDS) {
    if (draft[f] === '') continue;
    const ok = narrativeInputSchema.shape[f].safeParse(draft[f]);
    const issue = ok.success ? undefined : ok.error.issues[0];
    if (issue) first(errors, f, issueOfZod(issue));
  }
  if (confirmations.length && draft.confirmReason.trim() === '')
    first(errors, 'confirmReason', { code: 'confirm_reason_required' });
  if (correcting && draft.reason.trim() === '') first(errors, 'reason', { code: 'reason_required' });
  if (Object.keys(errors).length) return { errors, confirmations, input: null, preview: null, typedUnit };

  const narrative = {
    progress: draft.progress.trim(),
    problems: draft.problems.trim(),
    nextSteps: draft.nextSteps.trim(),
    coordination: draft.coordination.trim(),
  };
  const input: ReportInput & { reason?: string } = {
    asOf: draft.asOf,
    note: draft.note.trim(),
    ...(milestone ? { stagesDone } : { value, ...(unit ? { unit } : {}) }),
    narrative,
    evidence: draft.evidence.trim() || null,
    ...(confirmations.length ? { confirmReason: draft.confirmReason.trim() } : {}),
    ...(correcting ? { reason: draft.reason.trim() } : {}),
  };
  const report: ProgressReport = {
    id: 'draft',
    targetId: target.id,
    asOf: draft.asOf,
    recordedAt,
    value: milestone ? null : value,
    unit: unit ?? target.unit,
    stagesDone: milestone ? stagesDone : null,
    note: input.note,
    narrative,
    evidence: input.evidence ?? null,
    source: null,
    reportedBy: who,
    supersedes: correcting?.id ?? null,
    correctionReason: correcting ? draft.reason : null,
    demo: false,
  };
  return {
    errors,
    confirmations,
    input,
    preview: previewState(target, history, report, thresholds),
    typedUnit,
  };
}

export type { CorrectionInput };
