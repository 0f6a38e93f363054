import { useTranslation } from '../i18n/use-translation';
import { useUiStore } from '../stores/ui-store';
import { useResolvedTheme } from '../stores/use-resolved-theme';

export function HeaderControls() {
  const { t } = useTranslation();
  const locale = useUiStore((s) => s.locale);
  const setLocale = useUiStore((s) => s.setLocale);
  const setTheme = useUiStore((s) => s.setTheme);
  const dark = useResolvedTheme() === 'dark';
  return (
    <div className="topbar__controls">
      <button
        type="button"
        className="button button--ghost"
        lang={locale === 'en' ? 'zh-CN' : 'en'}
        aria-label={t('app.languageLabel')}
        onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
      >
        {t('app.language')}
      </button>
      <button
        type="button"
        className="button button--ghost"
        aria-label={dark ? t('app.themeToLight') : t('app.themeToDark')}
        title={dark ? t('app.themeToLight') : t('app.themeToDark')}
        onClick={() => setTheme(dark ? 'light' : 'dark')}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          {dark ? (
            <path
              d="M8 3.2V1.5M8 14.5v-1.7M3.2 8H1.5M14.5 8h-1.7M4.6 4.6 3.4 3.4M12.6 12.6l-1.2-1.2M4.6 11.4l-1.2 1.2M12.6 3.4l-1.2 1.2M8 10.8a2.8 2.8 0 1 0 0-5.6 2.8 2.8 0 0 0 0 5.6Z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinecap="round"
            />
          ) : (
            <path
              d="M13.5 9.6A5.6 5.6 0 0 1 6.4 2.5a5.6 5.6 0 1 0 7.1 7.1Z"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.4"
              strokeLinejoin="round"
            />
          )}
        </svg>
        {/* In the phone's menu the button says what it does; in the bar the icon alone (and its name). */}
        <span className="topbar__label" aria-hidden="true">
          {dark ? t('app.themeToLight') : t('app.themeToDark')}
        </span>
      </button>
    </div>
  );
}
