import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Locale } from '../domain/format';

export type ThemeChoice = 'light' | 'dark';

interface UiState {
  /** null: follow the operating system. */
  theme: ThemeChoice | null;
  locale: Locale;
  /** A language a view asks for (a `/screen?lang=` bookmark): shown while it is set, never saved. */
  localeOverride: Locale | null;
  setTheme: (theme: ThemeChoice) => void;
  setLocale: (locale: Locale) => void;
  setLocaleOverride: (locale: Locale | null) => void;
}

/** Personal display preferences; they belong to the person, not the view, so they stay out of the URL. */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      theme: null,
      locale: 'zh-CN',
      localeOverride: null,
      setTheme: (theme) => set({ theme }),
      setLocale: (locale) => set({ locale }),
      setLocaleOverride: (localeOverride) => set({ localeOverride }),
    }),
    {
      name: 'target-board.ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ theme: s.theme, locale: s.locale }),
    },
  ),
);

/** The language shown: a view's temporary override, else the person's saved choice. */
export const useLocale = (): Locale => useUiStore((s) => s.localeOverride ?? s.locale);
