import { usePlans } from '../api/get-plans';
import { formatDate } from '../domain/format';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';
import './print.css';

/**
 * The header of a printed page (hidden on screen): what it is, for which plan, as of when, and
 * whether it holds demo values. Importing it brings the print style sheet along.
 */
export function PrintHeader({
  title,
  planId,
  asOf,
  demo,
  compact = false,
}: {
  title: string;
  /** Omitted: all plans. */
  planId?: string | null | undefined;
  asOf: string;
  demo: boolean;
  /** One line, for the top of each printed section. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const plans = usePlans();
  const plan = planId ? (plans.data?.items.find((p) => p.id === planId)?.title ?? planId) : t('app.allPlans');
  return (
    <div className={`print-header${compact ? ' print-header--compact' : ''}`} data-print-only="">
      <span className="print-header__app">{t('app.title')}</span>
      <strong className="print-header__title">{title}</strong>
      <span>
        {t('common.plan')}：{plan}
      </span>
      <span className="num">
        {t('common.asOf')} {formatDate(asOf, locale)}
      </span>
      {demo && <span className="print-header__demo">{t('app.containsDemo')}</span>}
    </div>
  );
}
