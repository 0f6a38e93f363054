import { Link } from 'react-router';
import type { Headline } from '../domain/api';
import { changeDigits, completionText } from '../domain/figures';
import { formatQuantity } from '../domain/format';
import { useTranslation } from '../i18n/use-translation';
import { useLocale } from '../stores/ui-store';
import { Delta } from './delta';
import { DemoTag } from './demo-tag';
import { ProvisionalTag } from './pending';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from './status-badge';

/** A headline target: the value reached, the target as written, progress against pace, status. */
export function KpiTile({ headline, compare, href }: { headline: Headline; compare: boolean; href: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { target, change } = headline;
  const { state } = target;
  const reached =
    target.kind === 'milestone'
      ? completionText(target, state, locale)
      : formatQuantity(state.latest?.value ?? null, target.unit, locale);
  return (
    <article className="kpi" aria-labelledby={`kpi-${target.id}`}>
      <h3 className="kpi__title" id={`kpi-${target.id}`}>
        <Link to={href}>{target.title}</Link>
      </h3>
      <p className="kpi__value">
        <span className="visually-hidden">{t('overview.reached')} </span>
        <span className="num">{reached}</span>
        {state.latest?.demo && <DemoTag />}
        <ProvisionalTag latest={state.latest} />
      </p>
      <p className="kpi__goal num">
        {t('overview.targetOf', { value: formatQuantity(target.target, target.unit, locale) })}
      </p>
      <ProgressBar progress={state.progress} expected={state.expected} name={target.title} status={state.status} />
      <div className="kpi__foot">
        <StatusBadge status={state.status} forecastMiss={state.forecastMiss} projects={state.projects} />
        {compare && <Delta change={change} digits={changeDigits(target)} />}
      </div>
    </article>
  );
}
