import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadMeetingMessages, loadWorkMessages } from '../i18n/messages';

afterEach(() => cleanup());

// jsdom has no ResizeObserver, and Recharts silently renders nothing without one: give charts a
// fixed, realistic size so component tests see the SVG a person would see.
class FixedResizeObserver {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element) {
    const rect = { width: 800, height: 400, top: 0, left: 0, bottom: 400, right: 800, x: 0, y: 0, toJSON: () => ({}) };
    this.callback([{ target, contentRect: rect } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= FixedResizeObserver as unknown as typeof ResizeObserver;

// The report and admin pages' Chinese words arrive with those pages' routes (src/app/routes.tsx);
// component tests render pages directly, so they have them from the start.
await Promise.all([loadWorkMessages(), loadMeetingMessages()]);
// The client loads the problem schema with the first failed request; under a test's fake timers
// the module runner's first load of it would wait on fake time, so it is loaded here.
await import('../domain/problem');
