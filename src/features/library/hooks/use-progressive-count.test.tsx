import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { useProgressiveCount } from '@/features/library/hooks/use-progressive-count';

describe('useProgressiveCount', () => {
  test('starts with the first items, then grows step by step to every item', async () => {
    const seen: number[] = [];
    const { result } = renderHook(() => {
      const n = useProgressiveCount(250, 40, 80);
      seen.push(n);
      return n;
    });
    expect(seen[0]).toBe(40);
    await waitFor(() => expect(result.current).toBe(250));
    expect(new Set(seen)).toEqual(new Set([40, 120, 200, 250]));
  });

  test('never more than the total, and a shorter list shows whole at once', () => {
    const { result, rerender } = renderHook(({ total }) => useProgressiveCount(total, 40, 80), {
      initialProps: { total: 12 },
    });
    expect(result.current).toBe(12);
    rerender({ total: 0 });
    expect(result.current).toBe(0);
  });
});
