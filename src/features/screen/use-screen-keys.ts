import { useEffect, useRef } from 'react';

function toggleFullscreen() {
  if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** ←/→ previous/next slide, space pause, f full screen: for the times a keyboard is plugged in. */
export function useScreenKeys(actions: { next: () => void; prev: () => void; togglePause: () => void }) {
  const ref = useRef(actions);
  ref.current = actions;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      if (e.key === 'ArrowRight') ref.current.next();
      else if (e.key === 'ArrowLeft') ref.current.prev();
      else if (e.key === ' ' || e.key === 'Spacebar') ref.current.togglePause();
      else if (e.key === 'f' || e.key === 'F') toggleFullscreen();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
