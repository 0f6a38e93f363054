import type { z } from 'zod';

/**
 * What a check found wrong, as a stable code with the figures it needs (dates, limits, units): the
 * domain never words it. `src/i18n` turns a code into a sentence in the person's language (the
 * `validation` block of both message files), and the server into the API's Chinese with the same
 * words, sending the code and params beside them.
 */
export const ISSUE_CODES = [
  // a report
  'as_of_required',
  'date_format',
  'as_of_future',
  'as_of_before_start',
  'as_of_after_deadline',
  'stages_required',
  'stages_too_many',
  'milestone_value',
  'numeric_stages',
  'value_required',
  'cumulative_negative',
  'count_not_whole',
  'confirm_reason_required',
  'reason_required',
  // units
  'invalid_unit',
  'incompatible_units',
  'invalid_value',
  'value_too_large',
  // a number or a date as typed (forms and spreadsheet cells)
  'required',
  'percent_sign',
  'not_number',
  'number_out_of_range',
  'not_date',
  'no_such_date',
  'date_spelling',
  // what a schema refuses
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'too_many',
  'not_finite',
  'unstorable_text',
  'username_chars',
  'evidence_link',
  'date_or_instant',
  'invalid_type',
  'invalid_choice',
  'invalid',
  // an imported spreadsheet's cells and rows
  'cell_merged',
  'cell_formula_error',
  'date_cell_not_number',
  'unknown_target',
  'milestone_stages_integer',
  'no_lead_department',
  'not_your_target',
  'duplicate_row',
  'reason_to_confirm',
  'reason_to_correct',
  'unknown_sector',
  'catalog_kind',
  'catalog_comparator',
  'catalog_pacing',
  'stage_format',
  'plan_incomplete',
  'unknown_plan',
  'duplicate_id',
  // departments (the registry) and the division of tasks
  'unknown_department',
  'department_merged',
  'lead_also_supporting',
  // a target whose figures or dates contradict each other (a domain error: its Chinese says which)
  'target_invalid',
  // what the server refuses (a problem document's code)
  // a request that failed without a code of its own (src/api/client.ts)
  'network_unsaved',
  'server_error',
  'request_failed',
  'response_invalid',
  'unauthenticated',
  'forbidden',
  'admin_only',
  'reporter_only',
  'viewer_cannot_report',
  'too_many_rows',
  'not_found',
  'csrf',
  'bad_credentials',
  'rate_limited',
  'payload_too_large',
  'file_too_large',
  'unsupported_media_type',
  'bad_file',
  'import_invalid',
  'invalid_report',
  'confirmation_required',
  'username_taken',
  'last_admin',
  'target_exists',
  'department_exists',
  'already_corrected',
  'corrected_just_now',
  'published_figure',
  'exists_same_date',
  // review of reports (issue 23)
  'reviewer_only',
  'own_report',
  'not_in_review_scope',
  'not_pending',
  'report_superseded',
  'nothing_to_review',
  'bidi_control',
  'unit_in_value',
  // 督办事项 (issue 24)
  'due_date_range',
  'note_required',
  'note_without_close',
  'not_your_supervision',
  'supervision_office_only',
  'supervision_create_office_only',
  'supervision_lead_only',
  'supervision_done',
  'supervision_not_done',
  'supervision_out_of_scope',
  // a report that needs a reason before it is saved
  'below_last',
  'far_beyond',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const CONFIRMATION_CODES = ['below_last', 'far_beyond'] as const satisfies readonly IssueCode[];
export type ConfirmationCode = (typeof CONFIRMATION_CODES)[number];

/** The figures a sentence needs: numbers stay numbers (the words format them), dates are ISO. */
export type IssueParams = Record<string, string | number>;

export interface Issue {
  code: IssueCode;
  params?: IssueParams;
}

/** An issue of one field of a form or request body. */
export interface FieldCheckIssue extends Issue {
  field: string;
}

/** A finding that does not block a report but wants a reason: below the last value, far beyond the target. */
export interface ConfirmationIssue extends Issue {
  code: ConfirmationCode;
  params: IssueParams;
}

const CODES: ReadonlySet<string> = new Set(ISSUE_CODES);
export const isIssueCode = (code: unknown): code is IssueCode => typeof code === 'string' && CODES.has(code);

/** `params` of a schema refinement: the code the UI words it by (`{ message: 'API Chinese', params: code('x') }`). */
export const issueCode = (code: IssueCode): { code: IssueCode } => ({ code });

/**
 * A schema's issue as a code: refinements name theirs in `params.code`, zod's own checks are known by
 * their kind and limit (a string's minimum of 1 is "required"), anything else is "invalid".
 */
export function issueOfZod(i: z.core.$ZodIssue): Issue {
  switch (i.code) {
    case 'custom': {
      const { code, ...params } = (i.params ?? {}) as Record<string, unknown>;
      if (!isIssueCode(code)) return { code: 'invalid' };
      const figures = Object.entries(params).filter(
        (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
      );
      return figures.length ? { code, params: Object.fromEntries(figures) } : { code };
    }
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'too_short', params: { min } };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'string') return { code: 'too_long', params: { max } };
      if (i.origin === 'array' || i.origin === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_big', params: { max } };
    }
    case 'invalid_type':
      // zod 4 keeps the input off its issues; an absent field is "received undefined" in its message.
      return i.input === undefined && /received undefined/.test(i.message)
        ? { code: 'required' }
        : { code: 'invalid_type' };
    case 'invalid_value':
      return { code: 'invalid_choice' };
    default:
      return { code: 'invalid' };
  }
}

export { issueParamsSchema } from './issue-params';
