// The wall's stylesheets, as text for its server-rendered first slide (src/entry-server.tsx:
// renderScreen): the first paint must not wait for the screen's lazy chunk. Kept in step with the
// CSS imports of the screen's modules (screen-page.tsx, screen-filter-notice.tsx).

import screenCss from './screen.css?inline';
import noticeCss from './screen-filter-notice.css?inline';
import { SCREEN_PREVIEW_ID } from './screen-preview';

/**
 * With the preview's own rules: on top of the live page until it goes (its stage is fixed, as the
 * live one is), its animations (the slide-time line, the ticker) held at their start for the live
 * page to start them, and the page dark from the first paint (useScreenDocument does it later).
 */
export const SCREEN_PAGE_CSS = [
  screenCss,
  noticeCss,
  `#${SCREEN_PREVIEW_ID} .screen-stage{z-index:1}`,
  `#${SCREEN_PREVIEW_ID} .ticker__track,#${SCREEN_PREVIEW_ID} .screen-head__progress-fill{animation-play-state:paused!important}`,
  'html{background:#02040a;overflow:hidden;color-scheme:dark}',
].join('\n');
