import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { unknownFilterOf } from '../../api/api-error';
import { plansQueryOptions } from '../../api/get-plans';
import { summaryQueryOptions } from '../../api/get-summary';
import { targetsQueryOptions } from '../../api/get-targets';
import type { SummaryParams, TargetsParams } from '../../api/query-keys';
import { useFreshness } from '../../api/use-freshness';
import type { SummaryResponse } from '../../domain/api';
import { SECTORS } from '../../domain/sectors';
import { loadSupervisionMessages } from '../../i18n/messages';
import { useTranslation } from '../../i18n/use-translation';
import { useDocumentTitle } from '../../ui/use-document-title';
import { NumberMemoryProvider } from './animated-number';
import { OverviewSlide } from './overview-slide';
import { buildPlaylist, type Slide, slideKey } from './playlist';
import { RankingsSlide } from './rankings-slide';
import { ScreenCanvas } from './screen-canvas';
import { parseScreenConfig, type ScreenConfig } from './screen-config';
import { ScreenErrorBoundary } from './screen-error-boundary';
import { ScreenFilterNotice } from './screen-filter-notice';
import { ScreenHeader } from './screen-header';
import { useInlineSummary, useScreenHandOver } from './screen-preview';
import { ScreenTicker } from './screen-ticker';
import { SectorSlide } from './sector-slide';
import { usePlaylist } from './use-playlist';
import { useScreenDocument } from './use-screen-document';
import { useScreenKeys } from './use-screen-keys';
import { useWallClock } from './use-wall-clock';
import { WarningsSlide } from './warnings-slide';
import './screen.css';

/** 逾期督办事项 (`supervision=1`): its code and words load only on a wall that shows them. */
const SupervisionSlide = lazy(() =>
  Promise.all([import('./supervision-slide'), loadSupervisionMessages()]).then(([m]) => ({
    default: m.SupervisionSlide,
  })),
);

const defaultReload = () => window.location.reload();
/** Long enough for the dark "reloading" notice to paint before the page goes. */
const RELOAD_DELAY_MS = 400;

function useScope(config: ScreenConfig): string {
  const { t } = useTranslation();
  // Plan titles hardly change: hourly, but retried at the refresh rate while they could not be loaded.
  const plans = useQuery({
    ...plansQueryOptions(),
    refetchInterval: (q) => (q.state.data ? 3_600_000 : config.refreshMs),
    refetchIntervalInBackground: true,
  });
  const plan = config.plan
    ? (plans.data?.items.find((p) => p.id === config.plan)?.title ?? config.plan)
    : t('screen.planAll');
  return `${plan} · ${config.district ?? t('screen.districtAll')}`;
}

function SlideView({
  slide,
  summary,
  params,
  refreshMs,
}: {
  slide: Slide;
  summary: SummaryResponse;
  params: TargetsParams;
  refreshMs: number;
}) {
  if (slide.kind === 'overview') return <OverviewSlide summary={summary} />;
  if (slide.kind === 'warnings') return <WarningsSlide warnings={summary.warnings} />;
  if (slide.kind === 'rankings')
    return (
      <RankingsSlide
        plan={params.plan}
        asOf={params.asOf}
        includePending={params.includePending}
        refreshMs={refreshMs}
      />
    );
  if (slide.kind === 'supervision')
    return (
      <Suspense fallback={null}>
        <SupervisionSlide plan={params.plan} asOf={params.asOf} refreshMs={refreshMs} />
      </Suspense>
    );
  const sector = summary.sectors.find((s) => s.id === slide.sectorId);
  return sector ? <SectorSlide sector={sector} params={params} refreshMs={refreshMs} /> : null;
}

function Screen({ config, reload }: { config: ScreenConfig; reload: () => void }) {
  const { t, locale } = useTranslation();
  const queryClient = useQueryClient();
  const params: SummaryParams = useMemo(
    () => ({ plan: config.plan, district: config.district, asOf: config.asOf, includePending: config.includePending }),
    [config.plan, config.district, config.asOf, config.includePending],
  );
  // A wall that came server-rendered starts from the summary its first slide was drawn from.
  useInlineSummary(params);
  const summary = useQuery({
    ...summaryQueryOptions(params),
    refetchInterval: config.refreshMs,
    refetchIntervalInBackground: true,
  });
  const freshness = useFreshness(summary);
  const slides = useMemo(
    () =>
      buildPlaylist(config.sectors, summary.data?.sectors, {
        rankings: config.rankings,
        supervision: config.supervision,
      }),
    [config.sectors, summary.data?.sectors, config.rankings, config.supervision],
  );
  const playlist = usePlaylist(slides.length, config.rotateMs);
  useScreenKeys(playlist);

  const [reloading, setReloading] = useState(false);
  const requestReload = useCallback(() => setReloading(true), []);
  useEffect(() => {
    if (!reloading) return;
    const timer = setTimeout(reload, RELOAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [reloading, reload]);
  useEffect(() => {
    if (config.loops > 0 && playlist.loops >= config.loops) requestReload();
  }, [playlist.loops, config.loops, requestReload]);

  const clock = useWallClock({
    nightlyMinute: config.nightlyMinute,
    // A new day: what "as of" means may have moved, so ask again now rather than at the next refresh.
    onDayChange: () => void queryClient.invalidateQueries(),
    onNightly: requestReload,
  });

  // The next sector's targets load while the current slide is on screen, so no slide opens empty.
  const next = slides[(playlist.index + 1) % slides.length];
  useEffect(() => {
    if (next?.kind !== 'sector') return;
    void queryClient.prefetchQuery({
      ...targetsQueryOptions({ ...params, sector: next.sectorId }),
      staleTime: config.refreshMs / 2,
    });
  }, [next, params, config.refreshMs, queryClient]);

  const slide = slides[playlist.index] ?? { kind: 'overview' };
  const sector = slide.kind === 'sector' ? SECTORS.find((s) => s.id === slide.sectorId) : undefined;
  const title =
    slide.kind === 'overview'
      ? t('screen.overview')
      : slide.kind === 'warnings'
        ? t('screen.warnings')
        : slide.kind === 'rankings'
          ? t('rankings.slideTitle')
          : slide.kind === 'supervision'
            ? t('screen.supervision')
            : locale === 'en'
              ? (sector?.nameEn ?? '')
              : (sector?.name ?? '');
  useDocumentTitle(t('screen.docTitle'), t('app.title'));
  const scope = useScope(config);
  // The server-rendered first slide stays on top until this render shows an answer (or the lack of one).
  useScreenHandOver(summary.data !== undefined || summary.isError || config.unknown !== null);

  if (reloading) {
    return (
      <div className="screen-blank" role="status">
        <p>{t('screen.reloading')}</p>
      </div>
    );
  }
  const data = summary.data;
  // A filter naming nothing: no slides (an empty board would read as all-clear). The summary keeps
  // being asked for at the refresh rate, so a district added to the catalog brings the slides back.
  const unknown = config.unknown ?? (data ? null : unknownFilterOf(summary.error));
  if (unknown) {
    return (
      <ScreenCanvas fit={config.fit}>
        <ScreenFilterNotice filter={unknown} />
      </ScreenCanvas>
    );
  }
  return (
    <ScreenCanvas fit={config.fit}>
      <div
        className="screen"
        data-slide={slide.kind}
        // The soak bench counts rotations and refreshes by these; only in debug mode.
        data-moves={config.debug ? playlist.moves : undefined}
        data-updated={config.debug ? summary.dataUpdatedAt : undefined}
      >
        <ScreenHeader
          title={title}
          scope={scope}
          pending={config.includePending}
          asOf={data?.asOf}
          newestAsOf={data?.freshness.latestReportAsOf}
          freshness={freshness}
          clock={clock}
          position={{
            index: playlist.index,
            total: slides.length,
            paused: playlist.paused,
            moves: playlist.moves,
            rotateMs: config.rotateMs,
          }}
        />
        <main className="screen-main" aria-label={t('screen.canvas', { title })}>
          {data ? (
            <SlideView
              key={slideKey(slide)}
              slide={slide}
              summary={data}
              params={params}
              refreshMs={config.refreshMs}
            />
          ) : (
            <p className="screen-wait" role="status">
              {summary.isError
                ? t('screen.offline', { seconds: Math.round((config.refreshMs * config.speed) / 1000) })
                : t('screen.connecting')}
            </p>
          )}
        </main>
        <ScreenTicker warnings={data?.warnings} loading={!data} demo={data?.containsDemo ?? false} />
      </div>
    </ScreenCanvas>
  );
}

/**
 * `/screen`: the dashboard for a wall or a TV, set up entirely by its URL, rotating through the
 * overview, each sector and the warnings, refreshing in the background for days.
 */
export function ScreenPage({ reload = defaultReload }: { reload?: () => void }) {
  const { search } = useLocation();
  const config = useMemo(() => parseScreenConfig(new URLSearchParams(search)), [search]);
  useScreenDocument(config.lang);
  return (
    <ScreenErrorBoundary reload={reload}>
      <NumberMemoryProvider>
        <Screen config={config} reload={reload} />
      </NumberMemoryProvider>
    </ScreenErrorBoundary>
  );
}
