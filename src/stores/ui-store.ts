import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Locale } from '../domain/format';

export type ThemeChoice = 'light' | 'dark';

interface UiState {
  /** null: follow the operating system. */
  theme: ThemeChoice | null;
  locale: Locale;
  setTheme: (theme: ThemeChoice) => void;
  setLocale: (locale: Locale) => void;
}

/** Personal display preferences; they belong to the person, not the view, so they stay out of the URL. */
export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      theme: null,
      locale: 'zh-CN',
      setTheme: (theme) => set({ theme }),
      setLocale: (locale) => set({ locale }),
    }),
    {
      name: 'target-board.ui',
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ theme: s.theme, locale: s.locale }),
    },
  ),
);

export const useLocale = (): Locale => useUiStore((s) => s.locale);
