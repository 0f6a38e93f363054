import { useEffect, useState } from 'react';
import { type ThemeChoice, useUiStore } from './ui-store';

function systemQuery(): MediaQueryList | null {
  // typeof window: the overview is also rendered on the server (src/entry-server.tsx).
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)')
    : null;
}

/** The theme in effect: the person's choice, else the operating system's. */
export function useResolvedTheme(): ThemeChoice {
  const choice = useUiStore((s) => s.theme);
  const [systemDark, setSystemDark] = useState(() => systemQuery()?.matches ?? false);
  useEffect(() => {
    const query = systemQuery();
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setSystemDark(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return choice ?? (systemDark ? 'dark' : 'light');
}
