import { useEffect, useState } from 'react';

/**
 * Runs `fn` once the next frame is out; returns the cancel. rAF runs just before a frame is
 * painted; the timeout after it runs once that frame is out. A hidden page paints no frames: there,
 * the timeout alone.
 */
export function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    timer = setTimeout(fn, 0);
  };
  let frame = 0;
  if (document.visibilityState === 'hidden') later();
  else frame = requestAnimationFrame(later);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * `value`, one painted frame after it changes to something other than null (null at once): a part
 * of the screen that follows `value` renders after the frame that shows the change elsewhere, so a
 * costly part (the claim panel mounting) does not hold back a cheap one (the list's highlight).
 */
export function useAfterPaint<T>(value: T | null): T | null {
  const [shown, setShown] = useState(value);
  // Cleared at once, so a later value never shows what was there before the clearing.
  if (value === null && shown !== null) setShown(null);
  useEffect(() => {
    if (value === null || Object.is(shown, value)) return;
    return afterNextPaint(() => setShown(value));
  }, [value, shown]);
  return value === null ? null : shown;
}

/**
 * False until the first task after the frame that follows `ready` turning true, then true for good:
 * a costly part of a screen (the compare view's tables, the Claims grid's whole row count) waits
 * for the frame that shows the screen's first content.
 */
export function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    return afterNextPaint(() => setPainted(true));
  }, [ready, painted]);
  return painted;
}
