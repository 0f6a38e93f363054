import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { useFailureText } from '../../i18n/use-issue-text';
import { useTranslation } from '../../i18n/use-translation';
import type { Decision, useDecision } from './api/decide';
import { ReturnForm } from './return-form';

/**
 * 通过 / 退回 for one report or one whole import: the refusal in the person's language, then either
 * the two buttons or the return reason's form in their place.
 */
export function DecisionControls({
  on,
  id,
  decision,
  labels,
}: {
  on: Decision['on'];
  id: string;
  decision: ReturnType<typeof useDecision>;
  /** The buttons' words and their accessible names (which say what is decided). */
  labels: { approve: string; approveAria: string; return: string; returnAria: string; confirmReturn: string };
}) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const [returning, setReturning] = useState(false);
  return (
    <>
      {decision.isError && (
        <div className="form-alert" role="alert">
          {t('reviewQueue.refused', {
            message: isApiError(decision.error) ? failureText(decision.error) : String(decision.error),
          })}
        </div>
      )}
      {returning ? (
        <ReturnForm
          id={on === 'report' ? `rq-reason-${id}` : `rq-import-reason-${id}`}
          submitLabel={labels.confirmReturn}
          pending={decision.isPending}
          onSubmit={(reason) => decision.mutate({ on, id, kind: 'return', reason })}
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
            aria-label={labels.approveAria}
            onClick={() => decision.mutate({ on, id, kind: 'approve' })}
          >
            {decision.isPending ? t('reviewQueue.sending') : labels.approve}
          </button>
          <button
            type="button"
            className="button"
            disabled={decision.isPending}
            aria-label={labels.returnAria}
            onClick={() => {
              decision.reset();
              setReturning(true);
            }}
          >
            {labels.return}
          </button>
        </div>
      )}
    </>
  );
}
