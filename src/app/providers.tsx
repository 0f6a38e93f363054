import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useLocale } from '../stores/ui-store';
import { useResolvedTheme } from '../stores/use-resolved-theme';
import { NowProvider } from '../ui/use-now';

/** Applies the chosen theme and language to <html>, so CSS variables and screen readers follow. */
function DocumentSync() {
  const locale = useLocale();
  const resolved = useResolvedTheme();
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    document.documentElement.style.colorScheme = resolved;
  }, [resolved]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  // Tells the server how this person reads the board (server/http/landing.ts): the landing page's
  // server-rendered preview is Chinese and the page's theme goes on <html> before any script runs.
  useEffect(() => {
    // biome-ignore lint/suspicious/noDocumentCookie: two fixed tokens, nothing to escape; the Cookie Store API is missing from older Firefox and Safari
    document.cookie = `tb-ui=${locale}.${resolved}; path=/; max-age=31536000; samesite=lax`;
  }, [locale, resolved]);
  return null;
}

export function Providers({
  queryClient,
  now = () => new Date(),
  children,
}: {
  queryClient: QueryClient;
  now?: () => Date;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <NowProvider now={now}>
        <DocumentSync />
        {children}
      </NowProvider>
    </QueryClientProvider>
  );
}
