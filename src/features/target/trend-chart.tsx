import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { fromDayNumber } from '../../domain/dates';
import { formatFigurePeriod } from '../../domain/figure-period';
import { formatCompact, formatQuantity, formatShortDate } from '../../domain/format';
import { useTranslation } from '../../i18n/use-translation';
import { useLocale } from '../../stores/ui-store';
import type { Trend, TrendPoint } from './trend-series';

/**
 * The plot of the trend chart: reported values, the expected-pace line, the target and the
 * projection to the deadline, drawn in the figure's fixed box (trend-figure.tsx, which loads this
 * module lazily once the page's figures are painted: Recharts is the heaviest dependency). Never
 * animated: a refresh must not replay it.
 */
export function TrendPlot({ trend, unit, height }: { trend: Trend; unit: string; height: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (day: number) => formatShortDate(fromDayNumber(day), locale);
  const quantity = (v: number) => formatQuantity(v, unit, locale);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart margin={{ top: 16, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis
          dataKey="day"
          type="number"
          domain={[trend.start, trend.end]}
          tickFormatter={date}
          tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
          stroke="var(--border-strong)"
          allowDuplicatedCategory={false}
        />
        <YAxis
          dataKey="value"
          domain={[trend.floor, 'auto']}
          tickFormatter={(v: number) => formatCompact(v, locale)}
          tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
          stroke="var(--border-strong)"
          width={64}
        />
        <Tooltip
          labelFormatter={(v, payload) => {
            // A reported figure of a period is labelled with its period as the source gives it.
            const period = payload?.map((p) => (p.payload as TrendPoint | undefined)?.period).find(Boolean);
            return period ? formatFigurePeriod(fromDayNumber(Number(v)), period, locale) : date(Number(v));
          }}
          formatter={(v) => quantity(Number(v))}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
        />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {trend.target !== null && (
          <ReferenceLine
            y={trend.target}
            stroke="var(--achieved)"
            strokeDasharray="6 4"
            label={{
              value: `${t('target.targetLine')} ${quantity(trend.target)}`,
              position: 'insideTopLeft',
              fill: 'var(--achieved)',
              fontSize: 12,
            }}
          />
        )}
        {/* The two guides: the expected pace and the projection to the deadline, dashed, without dots. */}
        {[
          { data: trend.expected, name: t('target.expectedLine'), stroke: 'var(--text-muted)', strokeDasharray: '4 4' },
          {
            data: trend.projection,
            name: t('target.projectionLine'),
            stroke: 'var(--lagging-fill)',
            strokeDasharray: '2 4',
            strokeWidth: 2,
          },
        ].map((guide) => (
          <Line key={guide.name} dataKey="value" dot={false} isAnimationActive={false} {...guide} />
        ))}
        <Line
          data={trend.reported}
          dataKey="value"
          name={t('target.reported')}
          stroke="var(--accent)"
          strokeWidth={2.5}
          dot={ReportedDot}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: TrendPoint;
}

/** A published figure is a filled dot; a generated demo value a hollow dashed one in the demo colour. */
function ReportedDot({ cx, cy, index, payload }: DotProps) {
  if (cx === undefined || cy === undefined) return <g key={index} />;
  return payload?.demo ? (
    <circle
      key={index}
      className="trend__dot trend__dot--demo"
      cx={cx}
      cy={cy}
      r={3}
      fill="var(--surface)"
      stroke="var(--demo)"
      strokeWidth={1.5}
      strokeDasharray="2 1.5"
    />
  ) : (
    <circle key={index} className="trend__dot" cx={cx} cy={cy} r={3} fill="var(--accent)" stroke="var(--accent)" />
  );
}
