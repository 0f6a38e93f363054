import { Suspense, useEffect, useRef } from 'react';
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
