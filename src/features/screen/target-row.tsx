import type { TargetWithStateDto, WarningDto } from '../../domain/api';
import { completionText, gapText } from '../../domain/figures';
import { formatQuantity } from '../../domain/format';
import { SECTORS } from '../../domain/sectors';
import { useTranslation } from '../../i18n/use-translation';
import { leadDepartmentText } from '../../ui/lead-department';
import { ProgressBar } from '../../ui/progress-bar';
import { formatRunRate } from '../../ui/run-rate';
import { StatusBadge } from '../../ui/status-badge';
import { AnimatedNumber } from './animated-number';

/**
 * One target on a sector or warnings slide: title, status, value against target, pace, gap; on the
 * warnings slide also what its department says is stuck (存在问题, one line).
 */
export function TargetRow({
  item,
  detail,
}: {
  item: TargetWithStateDto & Pick<WarningDto, 'problems'>;
  detail: 'sector' | 'warning';
}) {
  const { t, locale } = useTranslation();
  const { state } = item;
  const sector = SECTORS.find((s) => s.id === item.sectorId);
  const sectorName = sector && (locale === 'en' ? sector.nameEn : sector.name);
  const reached =
    item.kind === 'milestone' ? (
      String(state.milestone?.done ?? 0)
    ) : (
      <AnimatedNumber
        id={`target:${item.id}`}
        value={state.latest?.value ?? null}
        format={(v) => formatQuantity(v, item.unit, locale)}
      />
    );
  const goal =
    item.kind === 'milestone'
      ? t('target.stagesTotal', { total: item.stages.length })
      : formatQuantity(item.target, item.unit, locale);
  const gap = (
    <p className="s-row__gap num" data-status={state.status}>
      {state.latest === null ? '' : gapText(item, state, locale)}
    </p>
  );
  return (
    <li className="s-row" data-detail={detail} data-status={state.status}>
      <div className="s-row__head">
        <h3 className="s-row__title">{item.title}</h3>
        <StatusBadge status={state.status} forecastMiss={state.forecastMiss} projects={state.projects} />
      </div>
      {detail === 'warning' && (
        <div className="s-row__sub">
          <p className="s-row__meta">
            {[sectorName, item.district, leadDepartmentText(item, t)].filter(Boolean).join(' · ')}
          </p>
          {gap}
        </div>
      )}
      <div className="s-row__figures">
        <p className="s-row__value num">
          <strong>{reached}</strong>
          <span className="s-row__goal"> / {goal}</span>
          {state.latest?.demo && <span className="s-demo-mark">{t('demo.tag')}</span>}
          {state.latest?.provisional && <span className="s-demo-mark s-provisional-mark">{t('pending.tag')}</span>}
        </p>
        <ProgressBar
          progress={state.progress}
          expected={state.expected}
          name={item.title}
          status={state.status}
          valueText={item.kind === 'milestone' ? completionText(item, state, locale) : undefined}
        />
        {detail === 'sector' && gap}
      </div>
      {detail === 'warning' && state.requiredRate && (
        <p className="s-row__rate num">{formatRunRate(state.requiredRate, locale, t)}</p>
      )}
      {detail === 'warning' && item.problems && (
        <p className="s-row__problems" title={item.problems}>
          <span className="s-row__problems-label">{t('meetingNarrative.problems')}</span>
          <span className="s-row__problems-text">{item.problems}</span>
        </p>
      )}
    </li>
  );
}
