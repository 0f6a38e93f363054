import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { Skeleton } from '../../ui/skeleton';
import type { Trend } from './trend-series';

/**
 * The chart itself (Recharts, ~120 KB gzip, the heaviest dependency of the app): fetched only once
 * the page's figures are on screen (see useFiguresPainted), so the first paint never waits for it.
 */
const TrendPlot = lazy(() => import('./trend-chart').then((m) => ({ default: m.TrendPlot })));

/**
 * The chart's box, in pixels: the plot is drawn at this height (trend-chart.tsx), and until it has
 * arrived the placeholder fills the same box, so nothing below it moves when the chart comes.
 */
export const TREND_PLOT_HEIGHT = 320;

/** Marked when a target page's figures have been painted; the chart's code is requested after it. */
export const FIGURES_PAINTED_MARK = 'tb:figures-painted';

/** Whether this document has painted a target page's figures once: later pages draw their chart at once. */
let figuresPainted = false;

/**
 * True once the page's figures have been painted (the frame after the one that showed them), with a
 * performance mark at that moment: the bench counts the JavaScript requested before it as the target
 * page's first load (tests/bench/client.bench.ts, docs/BENCHMARKS.md).
 */
export function useFiguresPainted(): boolean {
  const [painted, setPainted] = useState(figuresPainted);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (!figuresPainted) performance.mark?.(FIGURES_PAINTED_MARK);
        figuresPainted = true;
        setPainted(true);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}

/**
 * The trend chart of a target: reported values, the expected pace, the target and the projection to
 * the deadline. The figure (its accessible name, its caption) is drawn with the page, on the server
 * too; the plot inside its fixed box follows once the page's figures are painted.
 */
export function TrendFigure({ trend, unit, label }: { trend: Trend; unit: string; label: string }) {
  const { t } = useTranslation();
  const painted = useFiguresPainted();
  const placeholder = (
    <div className="trend__placeholder">
      <Skeleton label={t('target.chartLoading')} lines={6} height="2.6rem" />
    </div>
  );
  return (
    <figure className="trend" aria-label={label}>
      <div className="trend__plot" style={{ height: TREND_PLOT_HEIGHT }}>
        {painted ? (
          <Suspense fallback={placeholder}>
            <TrendPlot trend={trend} unit={unit} height={TREND_PLOT_HEIGHT} />
          </Suspense>
        ) : (
          placeholder
        )}
      </div>
      {trend.reported.some((p) => p.demo) && (
        <figcaption className="trend__caption small muted">
          <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
            <circle
              cx="6"
              cy="6"
              r="4"
              fill="var(--surface)"
              stroke="var(--demo)"
              strokeWidth="1.5"
              strokeDasharray="2 1.5"
            />
          </svg>{' '}
          {t('target.demoPoints')}
        </figcaption>
      )}
    </figure>
  );
}
