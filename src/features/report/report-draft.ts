import { parseNumberText } from '../../domain/cells';
import { isIsoDate } from '../../domain/dates';
import type { ProgressReport, StatusThresholds, Target, TargetState } from '../../domain/schemas';
import { parseUnit } from '../../domain/units';
import {
  type Confirmation,
  type CorrectionInput,
  checkReport,
  previewState,
  type ReportInput,
  reportInputSchema,
} from '../../domain/write-api';

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
export type DraftErrors = Partial<Record<DraftField, string>>;

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
  confirmations: Confirmation[];
  /** The request body when nothing is wrong. */
  input: (ReportInput & { reason?: string }) | null;
  /** The state with this report counted, when it can be computed. */
  preview: TargetState | null;
}

const first = (errors: DraftErrors, field: DraftField, message: string) => {
  errors[field] ??= message;
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
    else first(errors, 'value', n.message);
  }
  if (!isIsoDate(draft.asOf)) {
    first(errors, 'asOf', draft.asOf === '' ? '请填写截至日期' : '日期格式应为 YYYY-MM-DD');
  }
  let confirmations: Confirmation[] = [];
  if (isIsoDate(draft.asOf)) {
    const check = checkReport(
      target,
      history,
      { asOf: draft.asOf, value, unit: draft.unit === target.unit ? '' : draft.unit, stagesDone },
      today,
      correcting?.id,
    );
    for (const e of check.errors) first(errors, e.field as DraftField, e.message);
    confirmations = check.confirmations;
  }
  if (draft.evidence.trim() !== '') {
    const ok = reportInputSchema.shape.evidence.safeParse(draft.evidence);
    if (!ok.success) first(errors, 'evidence', ok.error.issues[0]?.message ?? '佐证格式不正确');
  }
  if (draft.note.length > 2000) first(errors, 'note', '说明不能超过 2000 个字符');
  if (confirmations.length && draft.confirmReason.trim() === '') first(errors, 'confirmReason', '请填写确认理由');
  if (correcting && draft.reason.trim() === '') first(errors, 'reason', '请填写更正原因');
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
