import { vi } from 'vitest';

/** Observes nothing: jsdom lays nothing out, and has no ResizeObserver. */
class InertResizeObserver implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

/** Puts in the inert ResizeObserver (undone by `vi.unstubAllGlobals()`). */
export const stubResizeObserver = () => vi.stubGlobal('ResizeObserver', InertResizeObserver);
