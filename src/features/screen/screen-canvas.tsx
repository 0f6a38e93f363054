import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import { computeFit, DESIGN_HEIGHT, DESIGN_WIDTH, type Fit } from './fit';
import type { FitMode } from './screen-config';

/**
 * The fixed 1920×1080 design, scaled to its container with transform: scale(). The container is
 * measured with ResizeObserver in CSS pixels, so 150 % OS scaling, browser zoom and a window that is
 * not full screen all come out right (window.screen reports device pixels and does not).
 */
export function ScreenCanvas({ fit, children }: { fit: FitMode; children: ReactNode }) {
  const outer = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);

  useLayoutEffect(() => {
    const el = outer.current;
    if (!el) return;
    setSize({ width: el.clientWidth, height: el.clientHeight });
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) {
        setSize((s) =>
          s && s.width === box.width && s.height === box.height ? s : { width: box.width, height: box.height },
        );
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const f: Fit = size ? computeFit(size.width, size.height, fit) : { scaleX: 1, scaleY: 1, left: 0, top: 0 };
  return (
    <div ref={outer} className="screen-stage" data-fit={fit}>
      <div
        className="screen-canvas"
        style={{
          width: DESIGN_WIDTH,
          height: DESIGN_HEIGHT,
          transform: `translate(${f.left}px, ${f.top}px) scale(${f.scaleX}, ${f.scaleY})`,
          visibility: size ? 'visible' : 'hidden',
        }}
      >
        {children}
      </div>
    </div>
  );
}
