import type { Virtualizer } from '@tanstack/react-virtual';
import { describe, expect, test } from 'vitest';
import { measureAfterLayout } from './measure-after-layout';

/** A row whose geometry may not be read: reading it would force a layout in React's commit. */
function row(index: number): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('data-index', String(index));
  const forbidden = () => {
    throw new Error('read the layout');
  };
  el.getBoundingClientRect = forbidden;
  Object.defineProperty(el, 'offsetHeight', { get: forbidden });
  return el;
}

const virtualizer = {
  indexFromElement: (el: Element) => Number(el.getAttribute('data-index')),
  // row 2 was measured (88) since its place by index (120) was worked out
  measurementsCache: [
    { index: 0, size: 41 },
    { index: 1, size: 50 },
    { index: 2, size: 120 },
  ],
  itemSizeCache: new Map([['row-2', 88]]),
  options: { estimateSize: (i: number) => 70 + i, getItemKey: (i: number) => `row-${i}`, horizontal: false },
} as unknown as Virtualizer<Window, HTMLElement>;

describe('measureAfterLayout', () => {
  test('on mount a row keeps the size it is placed at (its last measure, else its estimate), its layout unread', () => {
    expect(measureAfterLayout(row(0), undefined, virtualizer)).toBe(41);
    expect(measureAfterLayout(row(2), undefined, virtualizer)).toBe(88);
    expect(measureAfterLayout(row(3), undefined, virtualizer)).toBe(73);
  });

  test("the ResizeObserver's entry, after the browser's layout, gives its size", () => {
    const entry = { borderBoxSize: [{ blockSize: 57.6, inlineSize: 300 }] } as unknown as ResizeObserverEntry;
    expect(measureAfterLayout(row(0), entry, virtualizer)).toBe(58);
  });
});
