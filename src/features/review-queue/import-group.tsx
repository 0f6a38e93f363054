import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import type { ReviewQueueResponse } from '../../domain/approval-api';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { type Decision, useDecision } from './api/decide';
import { instantText } from './figures';
import { ReturnForm } from './return-form';

type Import = ReviewQueueResponse['imports'][number];

/** A whole import, approved or returned at once (all or nothing, on the server). */
export function ImportGroup({ imp, onDecided }: { imp: Import; onDecided: (d: Decision, message: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const failureText = useFailureText();
  const [returning, setReturning] = useState(false);
  const words = { file: imp.fileName, count: imp.pending };
  const decision = useDecision((d) =>
    onDecided(d, t(d.kind === 'approve' ? 'reviewQueue.importApproved' : 'reviewQueue.importReturned', words)),
  );
  const headingId = `rq-import-${imp.id}`;
  const decide = (d: Decision) => decision.mutate(d);
  return (
    <li className="rq-import">
      <h3 id={headingId} className="rq-import__title" tabIndex={-1}>
        {t('reviewQueue.importGroup', words)}
      </h3>
      <p className="muted small">
        {t('reviewQueue.importMeta', { name: imp.importedBy, time: instantText(imp.importedAt, locale) })}
      </p>
      {decision.isError && (
        <div className="form-alert" role="alert">
          {t('reviewQueue.refused', {
            message: isApiError(decision.error) ? failureText(decision.error) : String(decision.error),
          })}
        </div>
      )}
      {imp.outOfScope > 0 ? (
        // All or nothing: a file with rows outside the reviewer's scope (or their own) is decided row by row.
        <p className="muted small">{t('reviewQueue.importMixed', { count: imp.outOfScope })}</p>
      ) : returning ? (
        <ReturnForm
          id={`rq-import-reason-${imp.id}`}
          submitLabel={t('reviewQueue.returnAll')}
          pending={decision.isPending}
          onSubmit={(reason) => decide({ on: 'import', id: imp.id, kind: 'return', reason })}
          onCancel={() => {
            setReturning(false);
            decision.reset();
          }}
        />
      ) : (
        <div className="rq-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={decision.isPending}
            aria-label={t('reviewQueue.approveAllLabel', words)}
            onClick={() => decide({ on: 'import', id: imp.id, kind: 'approve' })}
          >
            {decision.isPending ? t('reviewQueue.sending') : t('reviewQueue.approveAll')}
          </button>
          <button
            type="button"
            className="button"
            disabled={decision.isPending}
            aria-label={t('reviewQueue.returnAllLabel', words)}
            onClick={() => {
              decision.reset();
              setReturning(true);
            }}
          >
            {t('reviewQueue.returnAll')}
          </button>
        </div>
      )}
    </li>
  );
}
