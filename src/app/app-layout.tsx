import { type ReactNode, Suspense, useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { paths } from '../domain/paths';
import { useTranslation } from '../i18n/use-translation';
import { Legend } from '../ui/demo-tag';
import { Skeleton } from '../ui/skeleton';
import { DemoNotice } from './demo-notice';
import { HeaderControls } from './header-controls';
import { RouteErrorBoundary } from './route-error';
import { SessionMenu, SessionNavLinks } from './session-menu';

/** Moves focus to the new page's heading after client-side navigation, as a page load would for a screen reader. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation, which `pathname` stands for
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const heading = document.querySelector<HTMLElement>('main h1');
      heading?.focus({ preventScroll: false });
    });
    document.documentElement.scrollTop = 0;
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

/**
 * On a phone the navigation, language, theme and sign-in fold behind a 菜单 button (a disclosure:
 * focus moves to the first link, Escape closes it and returns focus, a new page or a tap outside
 * closes it); on wide screens the stylesheet lays the same elements out in the bar as always, and
 * the button is not shown. One copy of the links, so the server-rendered preview matches.
 */
function TopbarMenu({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // Open on the page it was opened on: another page (a link in it) closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const menu = wrap.current;
    if (!open || !menu) return;
    menu.querySelector<HTMLElement>('#site-menu a[href], #site-menu button')?.focus();
    const away = (e: PointerEvent) => {
      if (!menu.contains(e.target as Node)) setOpenOn(null);
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    // Tabbing out of the menu closes it (it would otherwise cover what focus went to).
    const left = (e: FocusEvent) => {
      if (e.relatedTarget instanceof Node && !menu.contains(e.relatedTarget)) setOpenOn(null);
    };
    document.addEventListener('pointerdown', away);
    menu.addEventListener('keydown', onEscape);
    menu.addEventListener('focusout', left);
    return () => {
      document.removeEventListener('pointerdown', away);
      menu.removeEventListener('keydown', onEscape);
      menu.removeEventListener('focusout', left);
    };
  }, [open]);
  return (
    <div ref={wrap} className="topbar__menu-wrap">
      <button
        ref={button}
        type="button"
        className="button button--ghost topbar__menu-button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        <svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true">
          <path d="M2 4h12M2 8h12M2 12h12" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        {t('app.menu')}
      </button>
      <div id="site-menu" className="topbar__menu" data-open={open || undefined}>
        {children}
      </div>
    </div>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useFocusOnNavigate();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <NavLink to={paths.overview()} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__text">
              <span className="brand__title">{t('app.title')}</span>
              <span className="brand__subtitle">{t('app.subtitle')}</span>
            </span>
          </NavLink>
          <TopbarMenu>
            <nav aria-label={t('app.nav')} className="topnav">
              <NavLink to={paths.overview()} end>
                {t('app.overview')}
              </NavLink>
              <NavLink to={paths.projects()}>{t('app.projects')}</NavLink>
              <NavLink to={paths.review()}>{t('app.reviewNav')}</NavLink>
              <NavLink to={paths.rankings()}>{t('app.rankingsNav')}</NavLink>
              <SessionNavLinks />
            </nav>
            <HeaderControls />
            <SessionMenu />
          </TopbarMenu>
        </div>
      </header>
      <DemoNotice />
      <main id="main" tabIndex={-1} className="main">
        <RouteErrorBoundary resetKey={pathname} title={t('error.section')}>
          <Suspense fallback={<Skeleton label={t('freshness.loading')} lines={8} />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </main>
      <footer className="footer">
        <Legend />
        <p className="footer__sources">{t('app.footer')}</p>
      </footer>
    </div>
  );
}
