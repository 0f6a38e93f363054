import { useEffect } from 'react';

/**
 * The browser tab's title: "<page> · <app>". Pages with figures pass the same wording their link
 * preview carries (src/domain/page-meta.ts: "民生 · 滞后 4 项 · 严重滞后 6 项 · 截至 12月26日"), so a
 * tab, a bookmark and a shared link say the same; the server writes it for the first load
 * (server/http/page-meta.ts) and this keeps it as the app navigates.
 */
export function useDocumentTitle(title: string | undefined, app: string) {
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
