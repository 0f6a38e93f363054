import type { TargetDetailResponse } from '../../domain/api';
import { formatDate, formatPercent, formatPp, formatQuantity } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { Delta } from '../../ui/delta';
import { DemoTag } from '../../ui/demo-tag';
import { ProgressBar } from '../../ui/progress-bar';
import { formatRunRate } from '../../ui/run-rate';

type Item = TargetDetailResponse['item'];

/** The figures a person looks for first: where it is, where it should be, where it is heading. */
export function TargetSummary({ item }: { item: Item }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { state } = item;
  const milestone = item.kind === 'milestone';
  const current = milestone
    ? t('target.done', { done: state.latest?.stagesDone ?? 0, total: item.stages.length })
    : formatQuantity(state.latest?.value ?? null, item.unit, locale);
  const goal = milestone
    ? t('target.stagesTotal', { total: item.stages.length })
    : `${formatQuantity(item.target, item.unit, locale)} ${t(`target.comparator.${item.comparator}`)}`;
  return (
    <section className="card target-summary" aria-label={t('common.progress')}>
      <dl className="stat-row">
        <div className="stat">
          <dt>{t('common.value')}</dt>
          <dd className="stat__big num">
            {current}
            {state.latest?.demo && <DemoTag />}
          </dd>
          {state.latest && (
            <dd className="muted small num">
              {t('common.asOf')} {formatDate(state.latest.asOf, locale)}
            </dd>
          )}
        </div>
        <div className="stat">
          <dt>{t('common.goal')}</dt>
          <dd className="stat__big num">{goal}</dd>
          <dd className="muted small num">
            {t('target.deadline')} {formatDate(item.deadline, locale)}
          </dd>
        </div>
        <div className="stat">
          <dt>{t('common.gap')}</dt>
          <dd className="stat__big num" data-negative={(state.gap ?? 0) < 0 || undefined}>
            {formatPp(state.gap, locale)}
          </dd>
          <dd className="small">
            <Delta now={state.progress} before={item.previousState?.progress ?? null} />
          </dd>
        </div>
        {state.projection && (
          <div className="stat">
            <dt>{t('common.projection')}</dt>
            <dd className="stat__big num">{formatQuantity(state.projection.value, item.unit, locale)}</dd>
            <dd className="muted small num">
              {formatPercent(state.projection.progress, locale, 0)} ·{' '}
              {state.projection.willMeet ? t('common.willMeet') : t('common.willMiss')}
            </dd>
          </div>
        )}
      </dl>
      <ProgressBar
        progress={state.progress}
        expected={state.expected}
        name={item.title}
        status={state.status}
        size="lg"
      />
      {state.requiredRate && <p className="target-summary__rate num">{formatRunRate(state.requiredRate, locale, t)}</p>}
    </section>
  );
}
