import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { shanghaiDate } from '../../domain/dates';
import { formatDate, formatTime, type Locale } from '../../domain/format';
import { paths } from '../../domain/paths';
import type { SupervisionItem, SupervisionStatus } from '../../domain/supervision-api';
import { daysPastDue } from '../../domain/supervision-review';
import { useTranslation } from '../../i18n/use-translation';

/** DejaVu has these three (emoji do not render on the wall's Chromium): a shape per status, never colour alone. */
export const STATUS_GLYPH: Record<SupervisionStatus, string> = { overdue: '⚑', open: '◷', done: '✓' };

export function instantText(iso: string, locale: Locale): string {
  const ms = Date.parse(iso);
  return `${formatDate(shanghaiDate(new Date(ms)), locale)} ${formatTime(ms, locale)}`;
}

/** ⚑ 逾期 · ◷ 办理中 · ✓ 已办结, with how far past (or before) the due date at `asOf`. */
export function SupervisionStatusTag({ item, asOf }: { item: SupervisionItem; asOf: string }) {
  const { t } = useTranslation();
  const days = daysPastDue(item, asOf);
  const timing =
    item.status === 'overdue'
      ? t('supervision.overdueDays', { days })
      : item.status === 'open'
        ? days === 0
          ? t('supervision.dueToday')
          : days < 0 && days >= -7
            ? t('supervision.dueInDays', { days: -days })
            : null
        : null;
  return (
    <span className="sv-status-line">
      <span className={`sv-status sv-status--${item.status}`}>
        <span aria-hidden="true">{STATUS_GLYPH[item.status]}</span> {t(`supervision.status.${item.status}`)}
      </span>
      {timing && <span className="sv-timing">{timing}</span>}
    </span>
  );
}

/**
 * One 督办事项: what is to be done, its status, target, lead (and supporting) departments, due date and
 * meeting, the latest progress, and once closed the closing note, its evidence, who closed it and when.
 * `actions`: what the reader may do with it (the department's 办结 at /report).
 */
export function SupervisionItemView({
  item,
  asOf,
  meetingAsOf,
  headingLevel = 3,
  showTarget = true,
  actions,
}: {
  item: SupervisionItem;
  asOf: string;
  /** The meeting the list is read at: an item decided there says 本次会议议定. */
  meetingAsOf?: string;
  headingLevel?: 3 | 4;
  /** Off on the target's own page. */
  showTarget?: boolean;
  actions?: ReactNode;
}) {
  const { t, locale } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const supporting = item.supportingDepartments.map((d) => d.name).join('、');
  const colon = locale === 'en' ? ':' : '：';
  return (
    <article className={`sv-item sv-item--${item.status}`} aria-labelledby={`sv-${item.id}-title`}>
      <div className="sv-item__head">
        <SupervisionStatusTag item={item} asOf={asOf} />
        <Heading id={`sv-${item.id}-title`} className="sv-item__title" tabIndex={-1}>
          {item.title}
        </Heading>
      </div>
      <dl className="sv-facts">
        {showTarget && (
          <div>
            <dt>
              {t('supervision.target')}
              {colon}
            </dt>
            <dd>
              {item.targetId ? (
                <Link to={paths.target(item.targetId, { asOf })}>{item.targetTitle ?? item.targetId}</Link>
              ) : (
                <span className="muted">{t('supervision.freeStanding')}</span>
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>
            {t('supervision.lead')}
            {colon}
          </dt>
          <dd>{item.leadDepartmentName}</dd>
        </div>
        {supporting && (
          <div>
            <dt>
              {t('supervision.supporting')}
              {colon}
            </dt>
            <dd>{supporting}</dd>
          </div>
        )}
        <div>
          <dt>
            {t('supervision.due')}
            {colon}
          </dt>
          <dd className="num nowrap">{formatDate(item.dueDate, locale)}</dd>
        </div>
        {item.meetingDate && (
          <div>
            <dt>
              {t('supervision.meeting')}
              {colon}
            </dt>
            <dd className="num">
              {item.meetingDate === meetingAsOf ? t('supervision.thisMeeting') : formatDate(item.meetingDate, locale)}
            </dd>
          </div>
        )}
      </dl>
      {item.progress && (
        <p className="sv-text">
          <span className="sv-text__label">{t('supervision.progress')}：</span>
          {item.progress}
        </p>
      )}
      {item.status === 'done' && (
        <div className="sv-closed">
          {item.note && (
            <p className="sv-text">
              <span className="sv-text__label">{t('supervision.note')}：</span>
              {item.note}
            </p>
          )}
          {item.evidenceUrl && (
            <p className="sv-text">
              <span className="sv-text__label">{t('supervision.evidence')}：</span>
              <a href={item.evidenceUrl} target="_blank" rel="noopener noreferrer">
                {item.evidenceUrl}
              </a>
            </p>
          )}
          {item.closedAt && (
            <p className="muted small">
              {item.closedByName
                ? t('supervision.closedByAt', { name: item.closedByName, time: instantText(item.closedAt, locale) })
                : t('supervision.closedAt', { time: instantText(item.closedAt, locale) })}
            </p>
          )}
        </div>
      )}
      {actions}
    </article>
  );
}
