import { memo } from 'react';
import { Link } from 'react-router';
import { formatNumber } from '../../domain/format';
import { paths } from '../../domain/paths';
import type { KeyProject } from '../../domain/schemas';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { CardRow, Cell } from '../../ui/card-table';
import { DemoTag } from '../../ui/demo-tag';
import { ProgressBar } from '../../ui/progress-bar';

/**
 * One row of the virtualized project table. Memoized: scrolling re-renders the table every frame,
 * and without it every row in view rendered again (its bar, link and labels) for the two or three
 * rows that came into view (a p95 frame of 50 ms scrolling 20,000 rows on a slow machine).
 */
export const ProjectRow = memo(function ProjectRow({
  project: p,
  rowIndex,
  index,
  measure,
}: {
  project: KeyProject;
  rowIndex: number;
  index: number;
  measure: (el: Element | null) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const sector = SECTORS.find((s) => s.id === p.sectorId);
  const share =
    p.completedInvestment !== null && p.plannedInvestment ? p.completedInvestment / p.plannedInvestment : null;
  return (
    <CardRow aria-rowindex={rowIndex} data-index={index} ref={measure}>
      <Cell className="projects-table__name" card="title">
        <Link to={paths.project(p.id)}>{p.name}</Link>
        {p.demo && <DemoTag />}
      </Cell>
      <Cell label={t('common.district')}>{p.district}</Cell>
      <Cell label={t('common.sector')}>{sector && (locale === 'en' ? sector.nameEn : sector.name)}</Cell>
      <Cell label={t('projects.stage')}>
        <span className="stage" data-stage={p.stage}>
          {t(`stage.${p.stage}`)}
        </span>
      </Cell>
      <Cell className="num" label={t('projects.totalUnit')}>
        {p.totalInvestment === null ? '—' : formatNumber(p.totalInvestment, locale)}
      </Cell>
      <Cell className="projects-table__bar" label={t('projects.investmentProgress')}>
        {share === null ? (
          <span className="muted">—</span>
        ) : (
          <ProgressBar progress={share} expected={null} name={p.name} size="sm" />
        )}
      </Cell>
      <Cell className="muted small" label={t('projects.owner')}>
        {p.owner ?? '—'}
      </Cell>
    </CardRow>
  );
});
