import { lazy } from 'react';
import { loadSupervisionMessages } from '../i18n/messages';

/**
 * 督办事项 (issue 24) on other features' pages: the review's section, the target's panel and the
 * department's list at /report. The app hands each page its part (a feature does not import another),
 * loaded with its words only when the page renders it, so no page's first load grows.
 */
const withWords = <M,>(code: Promise<M>): Promise<M> => Promise.all([code, loadSupervisionMessages()]).then(([m]) => m);

export const ReviewSupervision = lazy(() =>
  withWords(import('../features/supervision/review-supervision')).then((m) => ({ default: m.ReviewSupervision })),
);
export const TargetSupervision = lazy(() =>
  withWords(import('../features/supervision/target-supervision')).then((m) => ({ default: m.TargetSupervision })),
);
export const ReportSupervision = lazy(() =>
  withWords(import('../features/supervision/report-supervision')).then((m) => ({ default: m.ReportSupervision })),
);
