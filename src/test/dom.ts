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

/**
 * Counts the reads of `offsetHeight` (what a virtualiser measures a row with, a forced layout in a
 * browser) until `restore()`; jsdom's value (0) is returned as before.
 */
export function countHeightReads(): { reads: () => number; restore: () => void } {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!;
  let reads = 0;
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      reads++;
      return original.get!.call(this);
    },
  });
  return {
    reads: () => reads,
    restore: () => Object.defineProperty(HTMLElement.prototype, 'offsetHeight', original),
  };
}

/** Resolves once a frame is out (a requestAnimationFrame, then a task), as `afterNextPaint` waits. */
export const nextPaint = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
