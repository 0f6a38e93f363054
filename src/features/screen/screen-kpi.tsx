import type { Headline } from '../../domain/api';
import { completionText } from '../../domain/figures';
import { formatQuantity } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { ProgressBar } from '../../ui/progress-bar';
import { ForecastBadge, ProjectsBadge, StatusBadge } from '../../ui/status-badge';
import { AnimatedNumber } from './animated-number';

/**
 * "29.7万人" → 29.7万 + 人, "7,762 PFLOPS" → 7,762 + PFLOPS: the figure large, its unit smaller, the
 * way wall dashboards set them. Only splits text format.ts produced; a string it cannot read stays whole.
 */
export function splitFigure(text: string): { figure: string; unit: string } {
  const m = /^([-+−]?[\d.,]+(?:[万亿]|[KMBT](?=\s|$))?%?)(.*)$/u.exec(text);
  return m?.[1] ? { figure: m[1], unit: (m[2] ?? '').trim() } : { figure: text, unit: '' };
}

/** A headline figure sized for a wall: the value reached (≥ 64 px), the target, pace and status. */
export function ScreenKpi({ headline }: { headline: Headline }) {
  const { t, locale } = useTranslation();
  const { target } = headline;
  const { state } = target;
  const titleId = `screen-kpi-${target.id}`;
  return (
    <article className="s-kpi" aria-labelledby={titleId} data-status={state.status}>
      <h3 className="s-kpi__title" id={titleId}>
        {target.title}
      </h3>
      <p className="s-kpi__value num">
        <span className="visually-hidden">{t('overview.reached')} </span>
        {target.kind === 'milestone' ? (
          completionText(target, state, locale)
        ) : (
          <AnimatedNumber
            id={`kpi:${target.id}`}
            value={state.latest?.value ?? null}
            format={(v) => formatQuantity(v, target.unit, locale)}
            render={(text) => {
              const { figure, unit } = splitFigure(text);
              return (
                <>
                  {figure}
                  {unit && <span className="s-kpi__unit">{unit}</span>}
                </>
              );
            }}
          />
        )}
        {state.latest?.demo && <span className="s-demo-mark">{t('demo.tag')}</span>}
        {state.latest?.provisional && <span className="s-demo-mark s-provisional-mark">{t('pending.tag')}</span>}
      </p>
      <div className="s-kpi__foot">
        <span className="s-kpi__goal num">
          {t('screen.targetOf', { value: formatQuantity(target.target, target.unit, locale) })}
        </span>
        <StatusBadge status={state.status} label={t(`screen.status.${state.status}`)} />
      </div>
      <div className="s-kpi__bar">
        <ProgressBar
          progress={state.progress}
          expected={state.expected}
          name={target.title}
          status={state.status}
          valueText={target.kind === 'milestone' ? completionText(target, state, locale) : undefined}
        />
      </div>
      {/* Under the bar, not beside it: a bar that gave way to a chip would draw 99.6 % shorter than
          93.9 % on the next tile. A project list's money behind the pace is why its status is what
          it is: said before the forecast. */}
      {state.projects ? (
        <p className="s-kpi__note">
          <ProjectsBadge projects={state.projects} label={t('screen.projectsBehind')} />
        </p>
      ) : (
        state.forecastMiss && (
          <p className="s-kpi__note">
            <ForecastBadge status={state.status} />
          </p>
        )
      )}
    </article>
  );
}
