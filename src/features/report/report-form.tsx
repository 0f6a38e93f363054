import { type FormEvent, useState } from 'react';
import { type ApiError, isApiError } from '../../api/api-error';
import type { ProgressReport, StatusThresholds, Target } from '../../domain/schemas';
import type { ReportResponse } from '../../domain/write-api';
import { useIssueText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import type { Worded } from '../../i18n/validation';
import { ErrorSummary, type FieldError, useErrorSummaryFocus } from '../../ui/form-errors';
import { usePostReport } from './api/post-report';
import { CorrectingNotice } from './correcting-notice';
import { checkDraft, type Draft, type DraftErrors, type DraftField, draftFieldOf } from './report-draft';
import { ReportFields } from './report-fields';
import { ReportPreview } from './report-preview';
import { FailedNotice, SavedNotice } from './save-outcome';
import { SubmitBar } from './submit-bar';

export const fieldId = (f: DraftField) => `report-${f}`;

export interface ReportFormProps {
  target: Target;
  history: readonly ProgressReport[];
  thresholds: StatusThresholds | undefined;
  today: string;
  now: Date;
  draft: Draft;
  onDraftChange: (d: Draft) => void;
  correcting: ProgressReport | null;
  /** The plan's reports wait for a reviewer before the board counts them. */
  approval: boolean;
  onCancelCorrection: () => void;
  /** After a 409: reload the history and correct the report the server named. */
  onLoadLatest: (reportId: string) => Promise<void>;
  onSaved: (saved: ReportResponse) => void;
}

/**
 * One report (or a correction): checked as it is typed with the server's own rules, the resulting
 * progress shown before saving, and on any failure the inputs stay exactly as they were.
 */
export function ReportForm(props: ReportFormProps) {
  const { target, draft, correcting } = props;
  const { t } = useTranslation();
  const save = usePostReport();
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<DraftErrors>({});
  const [serverConfirmations, setServerConfirmations] = useState<Worded[]>([]);
  const [saved, setSaved] = useState<ReportResponse | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const summary = useErrorSummaryFocus();
  const words = useIssueText();

  const check = checkDraft(
    target,
    props.history,
    draft,
    props.today,
    props.thresholds,
    correcting,
    'me',
    props.now.toISOString(),
  );
  const confirmations = (check.confirmations.length ? check.confirmations : serverConfirmations).map(words);
  const errors: DraftErrors = { ...check.errors, ...serverErrors };
  // Messages appear from the first save on (then live as the fields change), never on blur: a
  // message appearing on blur shifts the layout under a pointer that is about to click "save".
  const label = (f: DraftField): string =>
    ({
      value: t('report.value'),
      unit: t('report.unit'),
      stagesDone: t('report.stagesDone'),
      asOf: t('report.asOf'),
      note: t('report.note'),
      evidence: t('report.evidence'),
      confirmReason: t('report.confirmReason'),
      reason: t('report.reason'),
      progress: t('report.desk.narrative.progress'),
      problems: t('report.desk.narrative.problems'),
      nextSteps: t('report.desk.narrative.nextSteps'),
      coordination: t('report.desk.narrative.coordination'),
    })[f];
  // An issue that names its field (bidi_control) names it as this form labels it, in the person's language.
  const wordsOf = (f: DraftField, issue: Worded) =>
    words(issue.params && 'field' in issue.params ? { ...issue, params: { ...issue.params, field: label(f) } } : issue);
  // The server's issues in the failure notice say which field they are about when the words do not.
  const serverWords = (issue: Worded & { field?: string }) => {
    const f = issue.field ? draftFieldOf(issue.field) : null;
    if (!f) return words(issue);
    const named = issue.params !== undefined && 'field' in issue.params;
    return named ? wordsOf(f, issue) : t('common.fieldMessage', { label: label(f), message: wordsOf(f, issue) });
  };
  const visible = (f: DraftField) => {
    const e = showAll || serverErrors[f] ? errors[f] : undefined;
    return e ? wordsOf(f, e) : undefined;
  };
  const summaryErrors: FieldError[] = showAll
    ? (Object.entries(errors) as [DraftField, Worded][]).map(([f, issue]) => ({
        id: fieldId(f === 'unit' && target.kind === 'milestone' ? 'stagesDone' : f),
        label: label(f),
        message: wordsOf(f, issue),
      }))
    : [];

  const change = (f: DraftField, v: string) => {
    setServerErrors(({ [f]: _gone, ...rest }) => rest);
    setSaved(null);
    props.onDraftChange({ ...draft, [f]: v });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShowAll(true);
    setSaved(null);
    setFailed(null);
    if (!check.input) {
      summary.focusSummary();
      return;
    }
    // A confirmation only the server found (a figure saved since the history was loaded) is answered
    // like one found here: with the reason typed for it.
    const reason = draft.confirmReason.trim();
    const body =
      serverConfirmations.length && reason && !check.input.confirmReason
        ? { ...check.input, confirmReason: reason }
        : check.input;
    const request = correcting
      ? { kind: 'correction' as const, reportId: correcting.id, body: { ...body, reason: body.reason ?? '' } }
      : { kind: 'new' as const, targetId: target.id, body };
    save.mutate(request, {
      onSuccess: (res) => {
        setSaved(res);
        setShowAll(false);
        setServerConfirmations([]);
        props.onSaved(res);
      },
      onError: (err) => {
        if (!isApiError(err)) throw err;
        setFailed(err);
        const p = err.problem;
        if (p?.confirmations?.length) setServerConfirmations(p.confirmations);
        const fieldErrors: DraftErrors = {};
        for (const fe of p?.errors ?? []) {
          const f = draftFieldOf(fe.field);
          if (f) fieldErrors[f] ??= fe;
        }
        setServerErrors(fieldErrors);
      },
    });
  };

  const loadLatest = async (reportId: string) => {
    setLoadingLatest(true);
    try {
      await props.onLoadLatest(reportId);
      setFailed(null);
    } finally {
      setLoadingLatest(false);
    }
  };
  const conflictId = failed?.status === 409 ? (failed.problem?.reportId ?? null) : null;

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="report-form-title">
      <h2 id="report-form-title" className="card__title">
        {!correcting
          ? t('report.formTitle')
          : correcting.approval?.state === 'returned'
            ? t('report.desk.reviseTitle')
            : t('report.correctTitle')}
      </h2>
      {correcting && <CorrectingNotice report={correcting} target={target} onCancel={props.onCancelCorrection} />}
      <ErrorSummary
        ref={summary.ref}
        title={t('report.errorSummary', { count: summaryErrors.length })}
        errors={summaryErrors}
      />
      {saved && <SavedNotice saved={saved} unit={target.unit} />}
      {failed && (
        <FailedNotice
          error={failed}
          loading={loadingLatest}
          onLoadLatest={conflictId ? () => void loadLatest(conflictId) : null}
          fieldWords={serverWords}
        />
      )}
      <ReportFields
        target={target}
        draft={draft}
        errors={visible}
        correcting={correcting !== null}
        confirmations={confirmations}
        typedUnit={check.typedUnit}
        onChange={change}
      />
      <ReportPreview title={target.title} asOf={draft.asOf} state={check.preview} />
      <SubmitBar pending={save.isPending} correcting={correcting !== null} approval={props.approval} />
    </form>
  );
}
