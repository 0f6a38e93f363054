// The stylesheets of the target page's own chunk (target-page.tsx and what it imports), as text for
// its server-rendered preview (src/entry-server.tsx): the first paint must not wait for the chunk.
// Kept in step with the CSS imports of the page's modules (target-preview.test.ts checks it).
import printCss from '../../ui/print.css?inline';
import historyTableCss from '../../ui/report-history-table.css?inline';
import targetCss from './target.css?inline';

export const TARGET_PAGE_CSS = [printCss, historyTableCss, targetCss].join('\n');
