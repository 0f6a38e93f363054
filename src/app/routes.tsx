import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { OverviewPage } from '../features/overview/overview-page';
import { loadApprovalMessages, loadMeetingMessages, loadWorkMessages } from '../i18n/messages';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';
import { ReportSupervision, ReviewSupervision, TargetSupervision } from './supervision-slots';

/**
 * The overview is the landing page and comes with the entry chunk (a lazy chunk would cost one more
 * round trip before the first numbers). Every other view is its own lazily loaded chunk: the overview's first load carries no chart library,
 * and Recharts arrives only with the target view. Declarative routes: the data-router half of
 * react-router (loaders, actions, fetchers) would add ~17 KB gzip that this app does not use.
 */
const SectorPage = lazy(() => import('../features/sector/sector-page').then((m) => ({ default: m.SectorPage })));
/** The words of report review (history versions, narratives) arrive with the target page and the queue. */
const withApproval = <M,>(page: Promise<M>): Promise<M> => Promise.all([page, loadApprovalMessages()]).then(([m]) => m);
const TargetPage = lazy(() =>
  withApproval(import('../features/target/target-page')).then((m) => ({ default: m.TargetPage })),
);
const ProjectsPage = lazy(() =>
  import('../features/projects/projects-page').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() => import('../features/projects/project-page').then((m) => ({ default: m.ProjectPage })));
/** The wall and the weekly review render once their words (zh-cn-meeting.ts) have arrived with their code. */
const withMeeting = <M,>(page: Promise<M>): Promise<M> => Promise.all([page, loadMeetingMessages()]).then(([m]) => m);
/** A page that writes renders once its words (zh-cn-work.ts) have arrived with its code. */
const withWork = <M,>(page: Promise<M>): Promise<M> => Promise.all([page, loadWorkMessages()]).then(([m]) => m);
const SignInPage = lazy(() =>
  withWork(import('../features/report/sign-in-page')).then((m) => ({ default: m.SignInPage })),
);
const ReportPage = lazy(() =>
  withWork(import('../features/report/report-page')).then((m) => ({ default: m.ReportPage })),
);
const ImportPage = lazy(() =>
  withWork(import('../features/report/import-page')).then((m) => ({ default: m.ImportPage })),
);
const AdminPage = lazy(() => withWork(import('../features/admin/admin-page')).then((m) => ({ default: m.AdminPage })));
/** The reviewer's queue (issue 23): its words are the work pages' and review's. */
const ReviewQueuePage = lazy(() =>
  withApproval(withWork(import('../features/review-queue/review-queue-page'))).then((m) => ({
    default: m.ReviewQueuePage,
  })),
);
const ReviewPage = lazy(() =>
  withMeeting(import('../features/review/review-page')).then((m) => ({ default: m.ReviewPage })),
);
/** Accountability (issue 22): the league tables and each department's page, with the meeting's words. */
const RankingsPage = lazy(() =>
  withMeeting(import('../features/rankings/rankings-page')).then((m) => ({ default: m.RankingsPage })),
);
const DepartmentPage = lazy(() =>
  withMeeting(import('../features/department/department-page')).then((m) => ({ default: m.DepartmentPage })),
);
/** A wall has nobody to press reload: if the big screen's code cannot load, try the whole page again in 30 s. */
const ScreenPage = lazy(() =>
  withMeeting(import('../features/screen/screen-page')).then(
    (m) => ({ default: m.ScreenPage }),
    () => new Promise<never>(() => setTimeout(() => window.location.reload(), 30_000)),
  ),
);

export function AppRoutes() {
  return (
    <Routes>
      {/* The big screen has no desk chrome: its own full-window canvas, dark while its code loads. */}
      <Route
        path="screen"
        element={
          <Suspense fallback={<div style={{ position: 'fixed', inset: 0, background: '#02040a' }} />}>
            <ScreenPage />
          </Suspense>
        }
      />
      <Route element={<AppLayout />}>
        <Route index element={<OverviewPage />} />
        <Route path="sectors/:id" element={<SectorPage />} />
        <Route path="targets/:id" element={<TargetPage supervision={TargetSupervision} />} />
        <Route path="projects" element={<ProjectsPage />} />
        <Route path="projects/:id" element={<ProjectPage />} />
        <Route path="review" element={<ReviewPage supervision={ReviewSupervision} />} />
        <Route path="rankings" element={<RankingsPage />} />
        <Route path="departments/:id" element={<DepartmentPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="report" element={<ReportPage supervision={ReportSupervision} />} />
        <Route path="report/import" element={<ImportPage />} />
        <Route path="admin" element={<AdminPage />} />
        <Route path="review-queue" element={<ReviewQueuePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
