/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `1` runs the app on the in-browser MSW mock (preview without a server). */
  readonly VITE_MOCK?: string;
}
