import { type FormEvent, useState } from 'react';
import { type ApiError, isApiError } from '../../api/api-error';
import { formatDate, formatQuantity } from '../../domain/format';
import type { ProgressReport, StatusThresholds, Target } from '../../domain/schemas';
import type { ReportResponse } from '../../domain/write-api';
import { useIssueText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import type { Worded } from '../../i18n/validation';
import { useLocale } from '../../stores/ui-store';
import { ErrorSummary, type FieldError, useErrorSummaryFocus } from '../../ui/form-errors';
import { usePostReport } from './api/post-report';
import { checkDraft, type Draft, type DraftErrors, type DraftField } from './report-draft';
import { ReportFields } from './report-fields';
import { ReportPreview } from './report-preview';
import { FailedNotice, SavedNotice } from './save-outcome';

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
  const locale = useLocale();
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
  const visible = (f: DraftField) => {
    const e = showAll || serverErrors[f] ? errors[f] : undefined;
    return e ? words(e) : undefined;
  };
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
    })[f];
  const summaryErrors: FieldError[] = showAll
    ? (Object.entries(errors) as [DraftField, Worded][]).map(([f, issue]) => ({
        id: fieldId(f === 'unit' && target.kind === 'milestone' ? 'stagesDone' : f),
        label: label(f),
        message: words(issue),
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
          const f = fe.field as DraftField;
          if (f in draft) fieldErrors[f] ??= fe;
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
        {correcting ? t('report.correctTitle') : t('report.formTitle')}
      </h2>
      {correcting && (
        <div className="form-notice">
          <p>
            {t('report.correcting', {
              date: formatDate(correcting.asOf, locale),
              value:
                correcting.value === null
                  ? String(correcting.stagesDone ?? 0)
                  : formatQuantity(correcting.value, correcting.unit || target.unit, locale),
              by: correcting.reportedBy,
            })}
          </p>
          <button type="button" className="button" onClick={props.onCancelCorrection}>
            {t('report.cancelCorrection')}
          </button>
        </div>
      )}
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
        />
      )}
      <ReportFields
        target={target}
        draft={draft}
        errors={visible}
        correcting={correcting !== null}
        confirmations={confirmations}
        onChange={change}
      />
      <ReportPreview title={target.title} asOf={draft.asOf} state={check.preview} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('report.saving') : correcting ? t('report.saveCorrection') : t('report.save')}
        </button>
      </div>
    </form>
  );
}
