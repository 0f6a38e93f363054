import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import type { TargetDetailResponse } from '../../domain/target-api';
import { renderTarget } from '../../entry-server';
import { NOW, renderApp, setupMockApi } from '../../test/render-app';
import { TARGET_DATA_ID, TARGET_PREVIEW_ID } from './inline-target';
import { FIGURES_PAINTED_MARK, TREND_PLOT_HEIGHT } from './trend-figure';

const { server } = setupMockApi();

const ID = 'qd-key-projects';

async function detailText(query = ''): Promise<string> {
  return (await fetch(`${window.location.origin}/api/v1/targets/${ID}${query}`)).text();
}

/** Counts the page's requests for this target's answer from now on. */
function countTargetRequests(): { count: () => number; stop: () => void } {
  let n = 0;
  const listener = ({ request }: { request: Request }) => {
    if (new URL(request.url).pathname === `/api/v1/targets/${ID}`) n++;
  };
  server.events.on('request:start', listener);
  return { count: () => n, stop: () => server.events.removeListener('request:start', listener) };
}

/** What the server puts before #root on a target page (server/http/landing.ts: targetShell), in short. */
function addPreview(json: string) {
  const preview = document.createElement('div');
  preview.id = TARGET_PREVIEW_ID;
  preview.textContent = 'server-rendered preview';
  const data = document.createElement('script');
  data.type = 'application/json';
  data.id = TARGET_DATA_ID;
  data.textContent = json;
  document.body.prepend(preview, data);
}

afterEach(() => {
  document.getElementById(TARGET_PREVIEW_ID)?.remove();
  document.getElementById(TARGET_DATA_ID)?.remove();
});

describe('target page, first paint', () => {
  it('starts from the answer that came with the page, asks the API for nothing, and then takes the preview away', async () => {
    const json = await detailText();
    const item = (JSON.parse(json) as TargetDetailResponse).item;
    addPreview(json);
    const requests = countTargetRequests();
    try {
      renderApp(`/targets/${ID}`);
      // The first render of the file imports the page's lazy chunk cold: seconds on a busy machine.
      expect(
        await screen.findByRole('heading', { level: 1, name: item.title }, { timeout: 15_000 }),
      ).toBeInTheDocument();
      expect(screen.getByRole('region', { name: '进度' })).toHaveTextContent('完成率');
      expect(requests.count()).toBe(0);
      expect(document.getElementById(TARGET_PREVIEW_ID)).toBeNull();
      expect(document.getElementById(TARGET_DATA_ID)).toBeNull();
    } finally {
      requests.stop();
    }
  });

  it('asks the API when the address names another view than the one inlined (an as-of date)', async () => {
    addPreview(await detailText());
    const requests = countTargetRequests();
    try {
      renderApp(`/targets/${ID}?asOf=2025-11-28`);
      await screen.findByRole('region', { name: '进度' }, { timeout: 15_000 });
      expect(requests.count()).toBe(1);
      // The preview showed another view: it goes once this one is rendered.
      expect(document.getElementById(TARGET_PREVIEW_ID)).toBeNull();
    } finally {
      requests.stop();
    }
  });

  it('ignores an inlined answer that does not parse, and fetches instead', async () => {
    addPreview('{"item": 1}');
    const requests = countTargetRequests();
    try {
      renderApp(`/targets/${ID}`);
      await screen.findByRole('region', { name: '进度' }, { timeout: 15_000 });
      expect(requests.count()).toBe(1);
    } finally {
      requests.stop();
    }
  });

  it('keeps the chart’s box from the first paint, and draws the chart in it after the figures are painted', async () => {
    const item = (JSON.parse(await detailText()) as TargetDetailResponse).item;
    renderApp(`/targets/${ID}`);
    const figure = await screen.findByRole('figure', { name: `进度趋势：${item.title}` }, { timeout: 15_000 });
    // With the figures: the caption and the box at the chart's height, whatever fills it.
    expect(figure).toHaveTextContent('空心虚线点为系统生成的演示数值');
    const box = figure.querySelector<HTMLElement>('.trend__plot');
    expect(box?.style.height).toBe(`${TREND_PLOT_HEIGHT}px`);
    await waitFor(() => expect(box?.querySelector('svg.recharts-surface')).not.toBeNull(), { timeout: 10_000 });
    await within(figure).findByText('序时进度');
    // The same box, the same height: nothing below it moved when the chart came.
    expect(figure.querySelector('.trend__plot')).toBe(box);
    expect(box?.style.height).toBe(`${TREND_PLOT_HEIGHT}px`);
    expect(performance.getEntriesByName(FIGURES_PAINTED_MARK).length).toBeGreaterThan(0);
  });
});

describe('target page, server-rendered (src/entry-server.tsx)', () => {
  it('renders the page’s figures, the chart’s box and caption from the API’s answer, without the chart', async () => {
    const detail = JSON.parse(await detailText()) as TargetDetailResponse;
    const html = await renderTarget(detail, NOW);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toBe(detail.item.title);
    const figure = doc.querySelector('figure.trend');
    expect(figure?.getAttribute('aria-label')).toBe(`进度趋势：${detail.item.title}`);
    expect(figure?.querySelector<HTMLElement>('.trend__plot')?.style.height).toBe(`${TREND_PLOT_HEIGHT}px`);
    expect(figure?.querySelector('.recharts-surface')).toBeNull();
    expect(figure?.textContent).toContain('空心虚线点为系统生成的演示数值');
    // The report history's words (loaded with the page's chunk in the browser) are there, not their keys.
    expect(doc.querySelector('table')).not.toBeNull();
    expect(html).not.toMatch(/approval\.\w+/);
  });

  it('carries the stylesheet of every module the page imports (preview-styles.ts)', () => {
    // Every CSS file imported by the modules target-page.tsx reaches statically (its chunk's CSS).
    const wanted = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^import (?:[^'"]* from )?'(\.[^']+)';$/gm)) {
        const target = path.resolve(path.dirname(file), m[1] as string);
        if (target.endsWith('.css')) wanted.add(target);
        else
          for (const ext of ['.ts', '.tsx', '/index.ts'])
            if (existsSync(target + ext)) {
              visit(target + ext);
              break;
            }
      }
    };
    visit(path.join(import.meta.dirname, 'target-page.tsx'));
    expect(wanted.size).toBeGreaterThan(0);
    const styles = readFileSync(path.join(import.meta.dirname, 'preview-styles.ts'), 'utf8');
    const inlined = new Set(
      [...styles.matchAll(/^import \w+ from '(\.[^']+\.css)\?inline';$/gm)].map((m) =>
        path.resolve(import.meta.dirname, m[1] as string),
      ),
    );
    expect([...wanted].filter((f) => !inlined.has(f))).toEqual([]);
  });
});
