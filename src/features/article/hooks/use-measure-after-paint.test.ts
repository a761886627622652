import type { Virtualizer } from '@tanstack/react-virtual';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { useMeasureAfterPaint } from '@/features/article/hooks/use-measure-after-paint';
import { countHeightReads, nextPaint } from '@/test/dom';

let heights: ReturnType<typeof countHeightReads> | null = null;
afterEach(() => heights?.restore());

/** A row at `index` and the parts of a virtualiser the measure reads (its estimate: 100 px a row). */
function rowAt(index: number, measured?: number) {
  const element = document.createElement('li');
  element.setAttribute('data-index', String(index));
  const instance = {
    indexFromElement: (el: Element) => Number(el.getAttribute('data-index')),
    itemSizeCache: new Map(measured === undefined ? [] : [[`row-${index}`, measured]]),
    options: { getItemKey: (i: number) => `row-${i}`, estimateSize: () => 100, horizontal: false },
  } as unknown as Virtualizer<Window, Element>;
  return { element, instance };
}

describe('useMeasureAfterPaint', () => {
  test('until the first frame is out, a mounted row keeps its estimate or its measured size, read without a layout', () => {
    heights = countHeightReads();
    const { result } = renderHook(() => useMeasureAfterPaint());
    const row = rowAt(3);
    expect(result.current(row.element, undefined, row.instance)).toBe(100);
    const measured = rowAt(4, 57);
    expect(result.current(measured.element, undefined, measured.instance)).toBe(57);
    expect(heights.reads()).toBe(0);
  });

  test('a ResizeObserver entry is its size at once; after the first frame a mounted row is measured', async () => {
    heights = countHeightReads();
    const { result } = renderHook(() => useMeasureAfterPaint());
    const row = rowAt(3);
    const entry = { borderBoxSize: [{ blockSize: 41.6, inlineSize: 300 }] } as unknown as ResizeObserverEntry;
    expect(result.current(row.element, entry, row.instance)).toBe(42);
    await act(nextPaint);
    // jsdom lays nothing out: the row's offsetHeight, 0, read as the library reads it.
    expect(result.current(row.element, undefined, row.instance)).toBe(0);
    expect(heights.reads()).toBe(1);
  });
});
