import { Link } from 'react-router';
import type { DepartmentViewResponse } from '../../domain/department-api';
import { formatCount } from '../../domain/figures';
import { formatPercent } from '../../domain/format';
import { paths } from '../../domain/paths';
import { STATUSES, type Status } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { useIncludePending } from '../../stores/include-pending';
import { DemoTag } from '../../ui/demo-tag';
import { StatusIcon } from '../../ui/status-icon';

/** Its standing in the department league (达标率), the figures behind it, and the way to the table. */
function RankLine({ data }: { data: DepartmentViewResponse }) {
  const { t, locale } = useTranslation();
  const [includePending] = useIncludePending();
  const r = data.ranking;
  if (!r || r.rank === null) return <p className="muted">{t('departmentView.unranked')}</p>;
  const sentence = t(r.tied ? 'departmentView.rankTied' : 'departmentView.rank', { rank: r.rank, total: data.ranked });
  return (
    <div className="dept-rank">
      <p className="dept-rank__place">
        <Link to={paths.rankings({ asOf: data.asOf, includePending })}>{sentence}</Link>
      </p>
      <p className="muted small num">
        {t('departmentView.rankFigures', {
          good: formatCount(r.good, locale),
          judged: formatCount(r.judged, locale),
          share: formatPercent(r.share, locale),
        })}
        {r.demo && <DemoTag />}
      </p>
    </div>
  );
}

/** How many of the targets it leads are in each status, in words and shapes (never colour alone). */
function StatusCounts({ data }: { data: DepartmentViewResponse }) {
  const { t, locale } = useTranslation();
  const counts = new Map<Status, number>();
  for (const x of data.lead) counts.set(x.state.status, (counts.get(x.state.status) ?? 0) + 1);
  const shown = STATUSES.filter((s) => (counts.get(s) ?? 0) > 0);
  return (
    <ul className="dept-counts" aria-label={t('departmentView.statusTitle')}>
      {shown.map((s) => (
        <li key={s} data-status={s}>
          <StatusIcon status={s} />
          <span>{t(`status.${s}`)}</span> <span className="num">{formatCount(counts.get(s) ?? 0, locale)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Under the name: short name, kind, 分管领导, and how many targets it leads and supports. */
export function DepartmentMeta({ data }: { data: DepartmentViewResponse }) {
  const { t, locale } = useTranslation();
  const d = data.item;
  return (
    <span className="dept-meta">
      <span>{t('departmentView.shortName', { name: d.shortName })}</span>
      <span>{t(`departmentView.kind.${d.kind}`)}</span>
      {d.leader && <span>{t('departmentView.leader', { name: d.leader })}</span>}
      <span className="num">
        {t('departmentView.leadCount', { count: formatCount(data.lead.length, locale) })} ·{' '}
        {t('departmentView.supportCount', { count: formatCount(data.supporting.length, locale) })}
      </span>
    </span>
  );
}

/** How its targets stand and where it ranks; a merged or unchecked department says so first. */
export function DepartmentProfile({ data }: { data: DepartmentViewResponse }) {
  const { t } = useTranslation();
  const [includePending] = useIncludePending();
  return (
    <section className="card dept-profile" aria-labelledby="dept-profile-title">
      <h2 id="dept-profile-title" className="card__title">
        {t('departmentView.statusTitle')}
      </h2>
      {data.mergedInto && (
        <p className="dept-note" role="note">
          {t('departmentView.merged', { name: data.mergedInto.name })}{' '}
          <Link
            className="lead-department"
            to={paths.department(data.mergedInto.id, { asOf: data.asOf, includePending })}
          >
            {data.mergedInto.name}
          </Link>
        </p>
      )}
      {data.item.unmatched && (
        <p className="dept-note" role="note">
          {t('departmentView.unmatched')}
        </p>
      )}
      <StatusCounts data={data} />
      <RankLine data={data} />
    </section>
  );
}
