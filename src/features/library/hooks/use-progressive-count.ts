import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` items to render: `first` at once, then `step` more after each commit, in a
 * transition started from a fresh task. A library of 1,000 articles paints its first screen at once
 * instead of after one long task rendering every row, and the rest follow in small tasks.
 */
export function useProgressiveCount(total: number, first = 40, step = 80): number {
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => startTransition(() => setCount((c) => c + step)), 0);
    return () => clearTimeout(timer);
  }, [count, total, step]);
  return Math.min(count, total);
}
