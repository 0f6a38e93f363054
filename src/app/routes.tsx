import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

/**
 * Every view is its own lazily loaded chunk: the overview's first load carries no chart library,
 * and Recharts arrives only with the target view. Declarative routes: the data-router half of
 * react-router (loaders, actions, fetchers) would add ~17 KB gzip that this app does not use.
 */
const OverviewPage = lazy(() =>
  import('../features/overview/overview-page').then((m) => ({ default: m.OverviewPage })),
);
const SectorPage = lazy(() => import('../features/sector/sector-page').then((m) => ({ default: m.SectorPage })));
const TargetPage = lazy(() => import('../features/target/target-page').then((m) => ({ default: m.TargetPage })));
const ProjectsPage = lazy(() =>
  import('../features/projects/projects-page').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() => import('../features/projects/project-page').then((m) => ({ default: m.ProjectPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<OverviewPage />} />
        <Route path="sectors/:id" element={<SectorPage />} />
        <Route path="targets/:id" element={<TargetPage />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<ProjectPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
