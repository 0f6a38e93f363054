import { formatDate } from '../../domain/format';
import type { TargetDetailResponse } from '../../domain/target-api';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { KeepWhole } from '../../ui/keep-whole';

/** Milestones have stages, not numbers: which are done, which are due, which is overdue. */
export function MilestoneStages({ item }: { item: TargetDetailResponse['item'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const done = item.state.latest?.stagesDone ?? 0;
  const milestone = item.state.milestone;
  // The node the summary calls overdue ("逾期 20 天") is marked here too, not left a neutral circle.
  const overdue = (s: { name: string; plannedDate: string }) =>
    milestone !== null &&
    milestone.overdueDays > 0 &&
    milestone.next?.name === s.name &&
    milestone.next.plannedDate === s.plannedDate;
  return (
    <section className="card" aria-labelledby="stages-title">
      <h2 id="stages-title" className="card__title">
        {t('target.stages')}
      </h2>
      <ol className="stages">
        {item.stages.map((s, i) => (
          <li key={s.name} data-done={i < done || undefined} data-overdue={(i >= done && overdue(s)) || undefined}>
            <span className="stages__mark" aria-hidden="true">
              {i < done ? '✓' : i + 1}
            </span>
            <span>{s.name}</span>
            <span className="muted small num">
              {i < done ? (
                t('status.achieved')
              ) : (
                <KeepWhole
                  text={t(s.estimated ? 'target.plannedByEstimate' : 'target.plannedBy', {
                    date: formatDate(s.plannedDate, locale),
                  })}
                  pieces={[formatDate(s.plannedDate, locale)]}
                />
              )}
              {i >= done && overdue(s) && (
                <strong className="stages__overdue">
                  {' · '}
                  {t('target.overdue', { days: milestone?.overdueDays ?? 0 })}
                </strong>
              )}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
