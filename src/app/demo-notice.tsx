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
 * The server's hint in the HTML decides until a summary is at hand, so the banner is there at first
 * paint and never pushes the page down. The notice reads the summary the overview has loaded but
 * does not fetch one itself: on a target page that fetch competed with the target's own (the
 * server computing the whole province's summary first) for a flag the hint already gives (demo
 * data changes only when the server starts, which reloads the page).
 */
export function DemoNotice() {
  const { data } = useQuery({ ...summaryQueryOptions({}), enabled: false });
  return (data ? data.containsDemo : demoHint()) ? <DemoBanner /> : null;
}
