import type { Approval, ApprovalState as State } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { instantText } from './narrative-parts';

/** A shape per state (a clock, a tick, an arrow back), drawn rather than an emoji a system may lack. */
const ICONS: Record<State, string> = {
  pending:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.4a5.1 5.1 0 1 1 0 10.2A5.1 5.1 0 0 1 8 2.9Zm.7 1.8H7.3v3.6l2.9 2 .8-1.2-2.3-1.5V4.7Z',
  approved:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3.2 4.6-3.9 4.6a.7.7 0 0 1-1 .05L4.6 9a.7.7 0 1 1 1-1l1.1 1.1 3.4-4a.7.7 0 0 1 1.1.95Z',
  returned: 'M6.3 3.2 2.2 6.6l4.1 3.4V7.6h3.2a2.6 2.6 0 0 1 0 5.2H5.8v1.4h3.7a4 4 0 0 0 0-8H6.3V3.2Z',
};

/** The state's mark, beside its word (never the only sign of it). */
export function ApprovalIcon({ state }: { state: State }) {
  return (
    <svg className="approval-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={ICONS[state]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}

/**
 * A version's review in words and an icon, never by colour alone: 待审核; 已审核 with who and when;
 * 退回 with who, when and the reason. A report that needed no review (a plan without it, seeded and
 * published figures) says so to a screen reader and shows a dash.
 */
export function ApprovalState({ approval }: { approval: Approval | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!approval || (approval.state === 'approved' && approval.by === null)) {
    return (
      <span className="muted">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('reportReview.notRequired')}</span>
      </span>
    );
  }
  const who = approval.byName ?? approval.by;
  return (
    <span className="approval-state" data-approval={approval.state}>
      <span className="approval-state__word">
        <ApprovalIcon state={approval.state} />
        {t(`reportReview.state.${approval.state}`)}
      </span>
      {who && approval.at && (
        <span className="muted small approval-state__by">
          {t('reportReview.byAt', { name: who, time: instantText(approval.at, locale) })}
        </span>
      )}
      {approval.state === 'pending' && (
        <span className="muted small approval-state__by">{t('reportReview.pendingHint')}</span>
      )}
      {approval.state === 'returned' && approval.reason && (
        <span className="approval-state__reason">{t('reportReview.reason', { reason: approval.reason })}</span>
      )}
    </span>
  );
}
