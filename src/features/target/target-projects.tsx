import { Link } from 'react-router';
import { formatNumber, formatPercent, formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
import { type ProjectRollup, rollupMeasure, rollupValue } from '../../domain/project-rollup';
import type { TargetDetailResponse } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { DemoTag } from '../../ui/demo-tag';

const SHOWN = 12;

/** The key projects a project-count or investment target counts. */
export function TargetProjects({ item }: { item: TargetDetailResponse['item'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (item.projectCount === 0) return null;
  return (
    <section className="card" aria-labelledby="projects-title">
      <div className="card__head">
        <h2 id="projects-title" className="card__title">
          {t('target.projects')}
        </h2>
        <Link to={paths.projects({ target: item.id })}>{t('target.allProjects', { count: item.projectCount })}</Link>
      </div>
      {item.projectRollup && rollupMeasure(item, item.projectRollup) && <Rollup item={item} r={item.projectRollup} />}
      <ul className="project-mini">
        {item.projects.slice(0, SHOWN).map((p) => (
          <li key={p.id}>
            <span>
              <Link to={paths.project(p.id)}>{p.name}</Link>
              {p.demo && <DemoTag />}
            </span>
            <span className="muted small">{t(`stage.${p.stage}`)}</span>
            <span className="num small">{formatQuantity(p.totalInvestment, '亿元', locale)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What the list adds up to, every share beside the two numbers it divides, each count a link to the
 * projects it counts (the project table then shows the same number), and which of them is the
 * target's own figure.
 */
function Rollup({ item, r }: { item: TargetDetailResponse['item']; r: ProjectRollup }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const measure = rollupMeasure(item, r);
  // A department's figure that the list does not bear out is said, not hidden.
  const listed = rollupValue(item, r);
  const reported = item.state.latest?.value ?? undefined;
  const n = (v: number) => formatNumber(v, locale);
  const share = (v: number, total: number, write: (x: number) => string = n) =>
    t('target.rollupOf', {
      value: write(v),
      total: write(total),
      percent: formatPercent(total > 0 ? v / total : null, locale),
    });
  const yi = (x: number) => formatQuantity(x, '亿元', locale);
  const list = (stage?: 'preparation' | 'construction') => paths.projects({ target: item.id, stage });
  return (
    <div className="rollup">
      <h3 className="rollup__title">{t('target.rollupTitle')}</h3>
      {measure && (
        <p className="muted small">
          {measure === 'started'
            ? t('target.rollupMeasureStarted')
            : measure === 'completed'
              ? t('target.rollupMeasureCompleted')
              : t('target.rollupMeasureInvestment')}
        </p>
      )}
      <dl className="rollup__figures">
        <div className="rollup__wide" data-measure={measure === 'started' || undefined}>
          <dt>{t('target.rollupStarted')}</dt>
          <dd className="num">
            <Link to={list()}>{share(r.started, r.projects)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('target.rollupNotStarted')}</dt>
          <dd className="num">
            <Link to={list('preparation')}>{n(r.projects - r.started)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('target.rollupUnderConstruction')}</dt>
          <dd className="num">
            <Link to={list('construction')}>{n(r.underConstruction)}</Link>
          </dd>
        </div>
        <div data-measure={measure === 'completed' || undefined}>
          <dt>{t('target.rollupCompleted')}</dt>
          <dd className="num">{n(r.completed)}</dd>
        </div>
        {r.plannedInvestment !== null && r.completedInvestment !== null && (
          <div className="rollup__wide" data-measure={measure === 'investment' || undefined}>
            <dt>{t('target.rollupInvestment')}</dt>
            <dd className="num">{share(r.completedInvestment, r.plannedInvestment, yi)}</dd>
          </div>
        )}
      </dl>
      {listed !== null && reported !== undefined && reported !== listed && (
        <p className="form-alert" role="note">
          {t('target.rollupMismatch', {
            reported: formatQuantity(reported, item.unit, locale),
            listed: formatQuantity(listed, item.unit, locale),
          })}
        </p>
      )}
      {r.demoProjects > 0 && (
        <p className="muted small">
          <DemoTag /> {t('target.rollupDemo', { count: n(r.demoProjects) })}
        </p>
      )}
    </div>
  );
}
