import { useRef } from 'react';
import type { WarningDto } from '../../domain/api';
import { useTranslation } from '../../i18n/use-translation';
import { TargetRow } from './target-row';
import { useFitCount } from './use-fit-count';

/**
 * The targets furthest behind their pace, with the gap, the run-rate now needed and what the
 * department says is stuck (the summary's short form; the whole text is on the target page).
 */
export function WarningsSlide({ warnings }: { warnings: WarningDto[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLOListElement>(null);
  const shown = useFitCount(warnings, 8, box);
  return (
    <section className="s-panel s-warnings" aria-labelledby="s-warnings-title">
      <div className="s-panel__head">
        <h2 id="s-warnings-title" className="s-panel__title">
          {warnings.length === 0 ? t('screen.noWarnings') : t('screen.warningsShownOf', { shown })}
        </h2>
      </div>
      <ol className="s-rows s-rows--grid" ref={box}>
        {warnings.slice(0, shown).map((w) => (
          <TargetRow key={w.id} item={w} detail="warning" />
        ))}
      </ol>
    </section>
  );
}
