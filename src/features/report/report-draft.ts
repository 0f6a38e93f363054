import { parseNumberText } from '../../domain/cells';
import { isIsoDate } from '../../domain/dates';
import { type ConfirmationIssue, issueOfZod } from '../../domain/issues';
import type { ProgressReport, StatusThresholds, Target, TargetState } from '../../domain/schemas';
import { parseUnit } from '../../domain/units';
import {
  type CorrectionInput,
  checkReport,
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
});

export interface DraftCheck {
  errors: DraftErrors;
  confirmations: ConfirmationIssue[];
  /** The request body when nothing is wrong. */
  input: (ReportInput & { reason?: string }) | null;
  /** The state with this report counted, when it can be computed. */
  preview: TargetState | null;
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
  if (milestone) {
    if (draft.stagesDone !== '') stagesDone = Number(draft.stagesDone);
  } else if (draft.value.trim() !== '') {
    const n = parseNumberText(draft.value);
    // A value that is not a number is reported as such; the date is still checked.
    if (n.ok) value = n.value;
    else first(errors, 'value', n);
  }
  if (!isIsoDate(draft.asOf)) {
    first(errors, 'asOf', { code: draft.asOf === '' ? 'as_of_required' : 'date_format' });
  }
  let confirmations: ConfirmationIssue[] = [];
  if (isIsoDate(draft.asOf)) {
    const check = checkReport(
      target,
      history,
      { asOf: draft.asOf, value, unit: draft.unit === target.unit ? '' : draft.unit, stagesDone },
      today,
      correcting?.id,
    );
    for (const e of check.errors) first(errors, e.field, e);
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
  if (confirmations.length && draft.confirmReason.trim() === '')
    first(errors, 'confirmReason', { code: 'confirm_reason_required' });
  if (correcting && draft.reason.trim() === '') first(errors, 'reason', { code: 'reason_required' });
  if (Object.keys(errors).length) return { errors, confirmations, input: null, preview: null };

  const unit = draft.unit === '' || draft.unit === target.unit ? undefined : draft.unit;
  const input: ReportInput & { reason?: string } = {
    asOf: draft.asOf,
    note: draft.note.trim(),
    ...(milestone ? { stagesDone } : { value, ...(unit ? { unit } : {}) }),
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
    evidence: input.evidence ?? null,
    source: null,
    reportedBy: who,
    supersedes: correcting?.id ?? null,
    correctionReason: correcting ? draft.reason : null,
    demo: false,
  };
  return { errors, confirmations, input, preview: previewState(target, history, report, thresholds) };
}

export type { CorrectionInput };
