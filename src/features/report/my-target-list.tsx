import { Link } from 'react-router';
import { formatDate, formatQuantity } from '../../domain/format';
import type { MyTargetsResponse } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { StatusBadge } from '../../ui/status-badge';

type Item = MyTargetsResponse['items'][number];

/** The reporter's targets: what is due this week first (the server sorts overdue, due, then by severity). */
export function MyTargetList({ items, selected }: { items: Item[]; selected: string | null }) {
  const { t } = useTranslation();
  const due = items.filter((i) => i.due || i.overdue);
  const rest = items.filter((i) => !i.due && !i.overdue);
  return (
    <nav aria-label={t('report.myTargets')} className="my-targets">
      {due.length > 0 && <Group title={t('report.dueThisWeek')} items={due} selected={selected} />}
      {rest.length > 0 && <Group title={t('report.others')} items={rest} selected={selected} />}
    </nav>
  );
}

function Group({ title, items, selected }: { title: string; items: Item[]; selected: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `my-targets-${title}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="my-targets__heading">
        {title} <span className="muted small">({items.length})</span>
      </h2>
      <ul className="my-targets__list">
        {items.map((i) => {
          const last = i.lastReport;
          return (
            <li key={i.id}>
              <Link
                to={`?target=${encodeURIComponent(i.id)}`}
                className="my-target"
                aria-current={i.id === selected ? 'true' : undefined}
              >
                <span className="my-target__title">{i.title}</span>
                <span className="my-target__meta">
                  <StatusBadge status={i.state.status} forecastMiss={i.state.forecastMiss} />
                  {i.overdue ? (
                    <span className="rtag rtag--warn">{t('report.overdue')}</span>
                  ) : i.due ? (
                    <span className="rtag">{t('report.due')}</span>
                  ) : null}
                  <span className="muted small">
                    {last
                      ? t('report.lastReport', {
                          date: formatDate(last.asOf, locale),
                          value:
                            i.kind === 'milestone'
                              ? `${last.stagesDone ?? 0}/${i.stages.length}`
                              : formatQuantity(last.value, last.unit || i.unit, locale),
                        })
                      : t('report.neverReported')}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
