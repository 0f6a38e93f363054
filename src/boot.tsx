// First: configures zod before any schema module is evaluated.
import './app/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { type SummaryResponse, summaryResponseSchema } from './domain/api';
import { loadMessages } from './i18n/messages';
import { useUiStore } from './stores/ui-store';

/** The summary inlined with a server-rendered landing page (server/http/landing.ts), if it is one and it parses. */
function ssrSummary(): SummaryResponse | undefined {
  const text = document.getElementById('ssr-summary')?.textContent;
  if (!text) return undefined;
  try {
    const parsed = summaryResponseSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function start() {
  // Someone who chose English gets English on the first paint, not Chinese for a moment.
  const { locale } = useUiStore.getState();
  if (locale !== 'zh-CN') await loadMessages(locale).catch(() => undefined);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App initialSummary={ssrSummary()} />
    </StrictMode>,
  );
}

void start();
