import { useSupervision } from '../../api/get-supervision';
import { useTranslation } from '../../i18n/use-translation';
import { SupervisionItemView } from './supervision-item';
import './supervision.css';

/**
 * The target's 督办事项 (what the weekly meeting decided on it), with their status at the date the
 * page is read for. A target without any shows nothing; a failed load says so quietly.
 */
export function TargetSupervision({ targetId, asOf }: { targetId: string; asOf: string }) {
  const { t } = useTranslation();
  const list = useSupervision({ targetId, asOf });
  if (list.isError && !list.data)
    return (
      <p className="muted small" role="alert">
        {t('supervision.loadFailed', { message: (list.error as Error).message })}
      </p>
    );
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  const { counts } = list.data ?? { counts: { open: 0, done: 0, overdue: 0 } };
  return (
    <section className="card sv-target" aria-labelledby="sv-target-title">
      <div className="card__head">
        <h2 id="sv-target-title" className="card__title">
          {t('supervision.title')}
        </h2>
        <span className="card__hint">
          {(['overdue', 'open', 'done'] as const)
            .filter((s) => counts[s] > 0)
            .map((s) => `${t(`supervision.status.${s}`)} ${counts[s]}`)
            .join(' · ')}
        </span>
      </div>
      <ul className="sv-list">
        {items.map((item) => (
          <li key={item.id}>
            <SupervisionItemView item={item} asOf={asOf} showTarget={false} />
          </li>
        ))}
      </ul>
    </section>
  );
}
