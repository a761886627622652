import { vi } from 'vitest';

/** Observes nothing: jsdom lays nothing out, and has no ResizeObserver. */
class InertResizeObserver implements ResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

/** Puts in the inert ResizeObserver (undone by `vi.unstubAllGlobals()`). */
export const stubResizeObserver = () => vi.stubGlobal('ResizeObserver', InertResizeObserver);

/** A ResizeObserver whose callbacks run when the test says the layout changed (`changed()`). */
export function stubManualResizeObserver(): { changed: () => void } {
  const observers = new Set<() => void>();
  vi.stubGlobal(
    'ResizeObserver',
    class {
      #notify: () => void;
      constructor(callback: ResizeObserverCallback) {
        this.#notify = () => callback([], this as unknown as ResizeObserver);
      }
      observe() {
        observers.add(this.#notify);
      }
      unobserve() {}
      disconnect() {
        observers.delete(this.#notify);
      }
    },
  );
  return {
    changed: () => {
      for (const notify of [...observers]) notify();
    },
  };
}
