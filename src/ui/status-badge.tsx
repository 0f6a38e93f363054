import { shownDifference } from '../domain/figures';
import { formatPercent, formatPp, type Locale } from '../domain/format';
import type { Status, TargetState } from '../domain/schemas';
import { useTranslation } from '../i18n/use-translation';
import { StatusIcon } from './status-icon';

/**
 * Status as text, icon and colour together. `forecastMiss`: the forecast's verdict beside it
 * ("正常 · 预计难完成"), so no view shows a calm status beside a projection that misses.
 */
export function StatusBadge({
  status,
  forecastMiss = false,
  projects,
  label,
}: {
  status: Status;
  forecastMiss?: boolean | undefined;
  /** A project-list target whose projects' investment lags: said beside the status it set. */
  projects?: TargetState['projects'];
  /** A shorter word where room is scarce (a wall's tile); the full one stays as its title. */
  label?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <span className="status-badges">
      <span className="status-badge" data-status={status} title={label ? t(`status.${status}`) : undefined}>
        <StatusIcon status={status} />
        <span>{label ?? t(`status.${status}`)}</span>
      </span>
      {forecastMiss && <ForecastBadge status={status} />}
      {projects && <ProjectsBadge projects={projects} />}
    </span>
  );
}

/**
 * The figures of "项目清单的年度投资完成 86.7%，投资序时进度 98.9%，差距 -12.2个百分点": the gap the
 * difference of the two percentages as printed, as every gap on a page is (figures.ts: shownGap).
 */
export function projectsHintParams(projects: NonNullable<TargetState['projects']>, locale: Locale) {
  return {
    investment: formatPercent(projects.investment, locale),
    expected: formatPercent(projects.expected, locale),
    gap: formatPp(shownDifference(projects.investment, projects.expected) ?? projects.gap, locale),
  };
}

/** "项目投资滞后": a project list's money behind the pace set the status; the figures on hover. */
export function ProjectsBadge({
  projects,
  label,
}: {
  projects: NonNullable<TargetState['projects']>;
  /** A shorter word where room is scarce (a wall's tile). */
  label?: string | undefined;
}) {
  const { t, locale } = useTranslation();
  return (
    <span
      className="status-badge status-badge--forecast"
      data-projects="behind"
      title={t('common.projectsBehindHint', projectsHintParams(projects, locale))}
    >
      <span aria-hidden="true">↘</span>
      <span>{label ?? t('common.projectsBehind')}</span>
    </span>
  );
}

/**
 * "预计难完成": the forecast's verdict, in words with an arrow, explained on hover. Beside 严重滞后 the
 * forecast may be what made it so (a target behind its pace and projected to miss by more than the
 * plan's margin is severe, status.ts): the hint says so there, and elsewhere that the status is the
 * gap's (a 滞后 target −12.2 个百分点 behind, projected to miss, is 严重滞后, not "still the gap's").
 */
export function ForecastBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  const hint = status === 'severe' ? t('common.forecastSevereHint') : t('common.forecastMissHint');
  return (
    <span className="status-badge status-badge--forecast" data-forecast="miss" title={hint}>
      <span aria-hidden="true">↘</span>
      <span>{t('common.forecastMiss')}</span>
    </span>
  );
}
