// The entry: the styles, linked in the HTML head so that a server-rendered first paint is styled
// (overview.css too: the landing page is the overview), then the app (boot.tsx).
import './app/styles/base.css';
import './app/styles/layout.css';
import './app/styles/controls.css';
import './ui/ui.css';
import './features/overview/overview.css';

/**
 * Resolves once the browser has reported the first contentful paint (the preview is on screen, not
 * just committed to a frame: in a browser without a GPU the two can be 100 ms apart), or after a
 * second in a tab that paints nothing (opened in the background). Not `document.hidden`: headless
 * browsers report pages as hidden, and starting the app early there held the first paint back
 * again (Lighthouse LCP 283 → 431 ms).
 */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      resolve();
    };
    setTimeout(done, 1000);
    if (performance.getEntriesByName('first-contentful-paint').length > 0) return done();
    try {
      observer = new PerformanceObserver(() => setTimeout(done, 0));
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing (an old browser): the next frame, as the nearest stand-in.
      requestAnimationFrame(() => setTimeout(done, 0));
    }
  });

async function main() {
  // A server-rendered landing page (server/http/landing.ts) is painted before the app's code is even
  // fetched (its preload links are left out there): fetching, compiling and running it first held
  // that paint back until React had rendered the page again (Lighthouse LCP ~630 ms; ~330 ms with
  // the paint first). Every other page preloads the app from its HTML and starts it at once.
  const preview = document.getElementById('ssr');
  if (preview) await afterFirstPaint();
  try {
    await import('./boot');
  } catch (e) {
    // The app's code did not load (a deploy replaced it, the network dropped): the preview becomes
    // the page, its links plain links, rather than a picture nobody can use.
    preview?.removeAttribute('inert');
    preview?.removeAttribute('aria-hidden');
    throw e;
  }
}

void main();
