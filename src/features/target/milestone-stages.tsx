import type { TargetDetailResponse } from '../../domain/api';
import { formatDate } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';

/** Milestones have stages, not numbers: which are done, which are due. */
export function MilestoneStages({ item }: { item: TargetDetailResponse['item'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const done = item.state.latest?.stagesDone ?? 0;
  return (
    <section className="card" aria-labelledby="stages-title">
      <h2 id="stages-title" className="card__title">
        {t('target.stages')}
      </h2>
      <ol className="stages">
        {item.stages.map((s, i) => (
          <li key={s.name} data-done={i < done || undefined}>
            <span className="stages__mark" aria-hidden="true">
              {i < done ? '✓' : i + 1}
            </span>
            <span>{s.name}</span>
            <span className="muted small num">
              {i < done ? t('status.achieved') : t('target.plannedBy', { date: formatDate(s.plannedDate, locale) })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
