import { Link } from 'react-router';
import { formatDate } from '../../domain/format';
import type { MyTargetsResponse } from '../../domain/write-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { StatusBadge } from '../../ui/status-badge';
import { ApprovalTag } from './approval-tag';
import { reportFigure } from './report-figure';

type Item = MyTargetsResponse['items'][number];

/** A report a reviewer returned and nobody revised yet: the reporter's to-do, newest first. */
const returnedOf = (i: Item) =>
  i.returned[0] ?? (i.lastReport?.approval?.state === 'returned' ? i.lastReport : undefined);
const returned = (i: Item) => returnedOf(i) !== undefined;

/**
 * The reporter's targets: a returned report first (it waits for them), then what is due this week
 * (the server sorts overdue, due, then by severity), then the rest.
 */
export function MyTargetList({ items, selected }: { items: Item[]; selected: string | null }) {
  const { t } = useTranslation();
  const back = items.filter(returned);
  const due = items.filter((i) => !returned(i) && (i.due || i.overdue));
  const rest = items.filter((i) => !returned(i) && !i.due && !i.overdue);
  return (
    <nav aria-label={t('report.myTargets')} className="my-targets">
      {back.length > 0 && <Group title={t('report.desk.returnedGroup')} items={back} selected={selected} />}
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
          const back = returnedOf(i);
          // The returned one is what waits for this person, whatever was reported after it.
          const approval = back ? 'returned' : last?.approval?.state;
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
                  {(approval === 'pending' || approval === 'returned') && <ApprovalTag state={approval} />}
                  <span className="muted small">
                    {last
                      ? t('report.lastReport', {
                          date: formatDate(last.asOf, locale),
                          value: reportFigure(last, i, locale),
                        })
                      : t('report.neverReported')}
                  </span>
                </span>
                {back && (
                  <span className="my-target__reason">
                    {t('report.desk.returnedReason', { reason: back.approval?.reason || '—' })}
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
