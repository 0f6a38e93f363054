import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/use-translation';

/**
 * The tables behind the meeting (by department, the lagging targets' run-rates, every target by
 * sector): on screen as always, on paper an appendix from a new sheet, left out with `appendix=0`
 * (the switch here sets it, so whoever prints with Ctrl+P chooses too).
 */
export function ReviewAppendix({
  on,
  onChange,
  children,
}: {
  on: boolean;
  onChange: (on: boolean) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="review-appendix stack" data-print-hide={on ? undefined : ''}>
        <div className="review-appendix__head">
          <h2 className="review-appendix__title">{t('review.appendix')}</h2>
          <span className="card__hint">{t('review.appendixHint')}</span>
          <label className="review-appendix__toggle" data-print-hide="">
            <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
            {t('review.printAppendix')}
          </label>
        </div>
        {children}
      </div>
      {!on && (
        <p className="review-appendix__left-out" data-print-only="">
          {t('review.appendixLeftOut')}
        </p>
      )}
    </>
  );
}
