import { contextPeriodText } from '../../domain/figure-period';
import { formatQuantity } from '../../domain/format';
import type { ContextFigure } from '../../domain/schemas';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import { SourceQuote } from '../../ui/source-quote';

/** Figures beside the target that do not measure it exactly; never counted as its progress. */
export function ContextFigures({ figures }: { figures: ContextFigure[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (figures.length === 0) return null;
  return (
    <section className="card" aria-labelledby="context-title">
      <h2 id="context-title" className="card__title">
        {t('target.context')}
      </h2>
      <p className="muted small context-hint">{t('target.contextHint')}</p>
      <ul className="context-list">
        {figures.map((f) => (
          <li key={f.id}>
            <p>
              <span>{f.label}</span>：<strong className="num">{formatQuantity(f.value, f.unit, locale)}</strong>{' '}
              <span className="muted small num">（{contextPeriodText(f, locale)}）</span>
            </p>
            <p className="muted small">{f.relation}</p>
            <SourceQuote source={f.source} compact />
          </li>
        ))}
      </ul>
    </section>
  );
}
