import type { FitMode } from './screen-config';

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

export interface Fit {
  scaleX: number;
  scaleY: number;
  /** Offset of the scaled canvas inside its container, CSS px. */
  left: number;
  top: number;
}

/**
 * How the fixed 1920×1080 design sits in a container of `width`×`height` CSS px:
 * contain — whole design visible, centred, letterboxed;
 * width — fills the width; on a screen wider than 16:9 the design's top and bottom are cut off;
 * stretch — fills both axes, distorting the design.
 */
export function computeFit(width: number, height: number, mode: FitMode): Fit {
  if (width <= 0 || height <= 0) return { scaleX: 1, scaleY: 1, left: 0, top: 0 };
  const sx = width / DESIGN_WIDTH;
  const sy = height / DESIGN_HEIGHT;
  if (mode === 'stretch') return { scaleX: sx, scaleY: sy, left: 0, top: 0 };
  const s = mode === 'width' ? sx : Math.min(sx, sy);
  return {
    scaleX: s,
    scaleY: s,
    left: (width - DESIGN_WIDTH * s) / 2,
    top: (height - DESIGN_HEIGHT * s) / 2,
  };
}
