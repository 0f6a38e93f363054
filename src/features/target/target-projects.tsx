import { Link } from 'react-router';
import { formatQuantity } from '../../domain/format';
import { paths } from '../../domain/paths';
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
