import type { ReviewQueueResponse } from '../../domain/approval-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { type Decision, useDecision } from './api/decide';
import { DecisionControls } from './decision-controls';
import { instantText } from './figures';

type Import = ReviewQueueResponse['imports'][number];

/** A whole import, approved or returned at once (all or nothing, on the server). */
export function ImportGroup({ imp, onDecided }: { imp: Import; onDecided: (d: Decision, message: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = { file: imp.fileName, count: imp.pending };
  const decision = useDecision((d) =>
    onDecided(d, t(d.kind === 'approve' ? 'reviewQueue.importApproved' : 'reviewQueue.importReturned', words)),
  );
  const headingId = `rq-import-${imp.id}`;
  return (
    <li className="rq-import">
      <h3 id={headingId} className="rq-import__title" tabIndex={-1}>
        {t('reviewQueue.importGroup', words)}
      </h3>
      <p className="muted small">
        {t('reviewQueue.importMeta', { name: imp.importedBy, time: instantText(imp.importedAt, locale) })}
      </p>
      {imp.outOfScope > 0 ? (
        // All or nothing: a file with rows outside the reviewer's scope (or their own) is decided row by row.
        <p className="muted small">{t('reviewQueue.importMixed', { count: imp.outOfScope })}</p>
      ) : (
        <DecisionControls
          on="import"
          id={imp.id}
          decision={decision}
          labels={{
            approve: t('reviewQueue.approveAll'),
            approveAria: t('reviewQueue.approveAllLabel', words),
            return: t('reviewQueue.returnAll'),
            returnAria: t('reviewQueue.returnAllLabel', words),
            confirmReturn: t('reviewQueue.returnAll'),
          }}
        />
      )}
    </li>
  );
}
