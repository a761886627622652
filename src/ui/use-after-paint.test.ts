import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { useAfterPaint } from '@/ui/use-after-paint';

describe('useAfterPaint', () => {
  test('a new value shows after a frame, not in the render that brings it', async () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v), {
      initialProps: { v: 'a' as string | null },
    });
    expect(result.current).toBe('a');
    rerender({ v: 'b' });
    expect(result.current).toBe('a');
    await waitFor(() => expect(result.current).toBe('b'));
  });

  test('null shows at once, and the value before it never comes back', async () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v), {
      initialProps: { v: 'a' as string | null },
    });
    rerender({ v: null });
    expect(result.current).toBeNull();
    rerender({ v: 'c' });
    expect(result.current).toBeNull();
    await waitFor(() => expect(result.current).toBe('c'));
  });

  test('quick changes settle on the last value', async () => {
    const { result, rerender } = renderHook(({ v }) => useAfterPaint(v), {
      initialProps: { v: 'a' as string | null },
    });
    act(() => {
      rerender({ v: 'b' });
      rerender({ v: 'c' });
    });
    await waitFor(() => expect(result.current).toBe('c'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(result.current).toBe('c');
  });
});
