import { useQuery } from '@tanstack/react-query';
import { summaryQueryOptions } from '../api/get-summary';
import { DemoBanner } from '../ui/demo-tag';

/** The server's hint in index.html: whether the database holds generated demo data. */
function demoHint(): boolean {
  if (typeof document === 'undefined') return false; // rendered on the server: the summary decides
  return document.querySelector('meta[name="x-contains-demo"]')?.getAttribute('content') === '1';
}

/**
 * The banner on every view whenever the data holds generated demo progress (summary.containsDemo).
 * Until the summary arrives the server's hint decides, so the banner is there at first paint and
 * never pushes the page down when the data lands.
 */
export function DemoNotice() {
  const { data } = useQuery(summaryQueryOptions({}));
  return (data ? data.containsDemo : demoHint()) ? <DemoBanner /> : null;
}
