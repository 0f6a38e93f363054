import { Link, useParams } from 'react-router';
import { isNotFound } from '../../api/api-error';
import { useFreshness } from '../../api/use-freshness';
import { formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { DemoTag } from '../../ui/demo-tag';
import { FreshnessBadge } from '../../ui/freshness-badge';
import { NotFoundView } from '../../ui/not-found-view';
import { PageHeader } from '../../ui/page-header';
import { ProgressBar } from '../../ui/progress-bar';
import { QueryState } from '../../ui/query-state';
import { SourceQuote } from '../../ui/source-quote';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useProject } from './api/get-project';
import './projects.css';

export function ProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useProject(id);
  const freshness = useFreshness(query);
  const item = query.data?.item;
  useDocumentTitle(item?.name, t('app.title'));
  if (isNotFound(query.error) && !item) return <NotFoundView message={t('notFound.project', { id })} />;
  const money = (v: number | null) => formatQuantity(v, '亿元', locale);
  return (
    <div className="stack">
      <PageHeader
        crumbs={[
          { label: t('app.overview'), to: '/' },
          { label: t('projects.title'), to: '/projects' },
        ]}
        title={
          <>
            {item?.name ?? (query.isPending ? t('freshness.loading') : t('projects.pageTitle'))}
            {item?.demo && <DemoTag />}
          </>
        }
        meta={
          item && (
            <span className="stage" data-stage={item.stage}>
              {t(`stage.${item.stage}`)}
            </span>
          )
        }
        aside={<FreshnessBadge freshness={freshness} />}
      />
      <QueryState query={query} label={t('freshness.loading')} lines={6}>
        {({ item: p, targets }) => {
          const sector = SECTORS.find((s) => s.id === p.sectorId);
          const share =
            p.completedInvestment !== null && p.plannedInvestment ? p.completedInvestment / p.plannedInvestment : null;
          return (
            <div className="project-layout">
              <section className="card stack" aria-labelledby="project-facts">
                <h2 id="project-facts" className="card__title">
                  {t('projects.name')}
                </h2>
                <dl className="dl-grid">
                  <dt>{t('common.district')}</dt>
                  <dd>{p.district}</dd>
                  <dt>{t('common.sector')}</dt>
                  <dd>
                    {sector && (
                      <Link to={paths.sector(sector.id)}>{locale === 'en' ? sector.nameEn : sector.name}</Link>
                    )}
                  </dd>
                  <dt>{t('projects.owner')}</dt>
                  <dd>{p.owner ?? '—'}</dd>
                  <dt>{t('projects.total')}</dt>
                  <dd className="num">{money(p.totalInvestment)}</dd>
                  <dt>{t('projects.planned')}</dt>
                  <dd className="num">{money(p.plannedInvestment)}</dd>
                  <dt>{t('projects.completed')}</dt>
                  <dd className="num">{money(p.completedInvestment)}</dd>
                </dl>
                <ProgressBar
                  progress={share}
                  expected={null}
                  name={`${p.name} ${t('projects.investmentProgress')}`}
                  size="lg"
                />
                {p.source && <SourceQuote source={p.source} />}
              </section>
              <section className="card" aria-labelledby="project-targets">
                <h2 id="project-targets" className="card__title">
                  {t('projects.targets')}
                </h2>
                <ul className="project-targets">
                  {targets.map((target) => (
                    <li key={target.id}>
                      <Link to={paths.target(target.id)}>{target.title}</Link>
                      {target.target !== null && (
                        <span className="muted small num"> · {formatQuantity(target.target, target.unit, locale)}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
