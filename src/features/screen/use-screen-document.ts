import { useEffect, useLayoutEffect } from 'react';
import type { Locale } from '../../domain/format';
import { useUiStore } from '../../stores/ui-store';

const BACKGROUND = '#02040a';

/**
 * What the screen changes outside its own tree, put back on unmount: a dark, unscrollable page
 * (also the background a reload shows), the language the bookmark asks for (for this page only), and a screen wake lock
 * where the browser offers one, so the TV does not go to sleep.
 */
export function useScreenDocument(lang: Locale | undefined) {
  useLayoutEffect(() => {
    const html = document.documentElement;
    const before = { bg: html.style.background, overflow: html.style.overflow, scheme: html.style.colorScheme };
    html.style.background = BACKGROUND;
    html.style.overflow = 'hidden';
    html.style.colorScheme = 'dark';
    return () => {
      html.style.background = before.bg;
      html.style.overflow = before.overflow;
      html.style.colorScheme = before.scheme;
    };
  }, []);

  // An override, not the saved choice: a wall display bookmarked in English must not switch the
  // desk dashboard of whoever set it up (the screen may be closed without ever unmounting).
  useLayoutEffect(() => {
    if (!lang) return;
    useUiStore.getState().setLocaleOverride(lang);
    return () => useUiStore.getState().setLocaleOverride(null);
  }, [lang]);

  useEffect(() => {
    let lock: { release: () => Promise<void> } | null = null;
    let live = true;
    const request = () => {
      const wl = (navigator as { wakeLock?: { request: (t: 'screen') => Promise<{ release: () => Promise<void> }> } })
        .wakeLock;
      if (!wl || document.visibilityState !== 'visible') return;
      wl.request('screen').then(
        (l) => {
          if (live) lock = l;
          else void l.release();
        },
        () => undefined,
      );
    };
    request();
    // The browser drops the lock when the page is hidden; take it again on return.
    document.addEventListener('visibilitychange', request);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', request);
      void lock?.release().catch(() => undefined);
    };
  }, []);
}
