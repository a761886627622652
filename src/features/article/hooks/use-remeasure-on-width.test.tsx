import type { Virtualizer } from '@tanstack/react-virtual';
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useRemeasureOnWidth } from '@/features/article/hooks/use-remeasure-on-width';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A ResizeObserver whose first report the test sends (`report`), with a height per observed row. */
function stubObserver() {
  const observers: { callback: ResizeObserverCallback; targets: Element[]; disconnected: boolean }[] = [];
  vi.stubGlobal(
    'ResizeObserver',
    class {
      #self: (typeof observers)[number];
      constructor(callback: ResizeObserverCallback) {
        this.#self = { callback, targets: [], disconnected: false };
        observers.push(this.#self);
      }
      observe(target: Element) {
        this.#self.targets.push(target);
      }
      unobserve() {}
      disconnect() {
        this.#self.disconnected = true;
      }
    },
  );
  const report = (heights: Record<string, number>) => {
    for (const o of observers.filter((x) => !x.disconnected)) {
      const entries = o.targets.map((target) => ({
        target,
        borderBoxSize: [{ blockSize: heights[(target as HTMLElement).dataset.index!]!, inlineSize: 600 }],
      }));
      o.callback(entries as unknown as ResizeObserverEntry[], o as unknown as ResizeObserver);
    }
  };
  return { observers, report };
}

const virtualizer = () =>
  ({ measure: vi.fn(), resizeItem: vi.fn() }) as unknown as Virtualizer<Window, Element> & {
    measure: ReturnType<typeof vi.fn>;
    resizeItem: ReturnType<typeof vi.fn>;
  };

function Rows({ v, width }: Readonly<{ v: Virtualizer<Window, Element>; width: number }>) {
  const ref = useRef<HTMLDivElement>(null);
  useRemeasureOnWidth(v, ref, width);
  return (
    <div ref={ref}>
      <div data-index="4" />
      <div data-index="5" />
      <p>not a row</p>
    </div>
  );
}

describe('useRemeasureOnWidth', () => {
  test("a new width places the blocks afresh: every estimate again, and the rendered rows' heights read once after layout", () => {
    const { observers, report } = stubObserver();
    const v = virtualizer();
    const { rerender } = render(<Rows v={v} width={700} />);
    expect(v.measure).not.toHaveBeenCalled();
    expect(observers).toHaveLength(0);

    rerender(<Rows v={v} width={612} />);
    expect(v.measure).toHaveBeenCalledTimes(1);
    expect(observers[0]!.targets.map((t) => (t as HTMLElement).dataset.index)).toEqual(['4', '5']);
    act(() => report({ 4: 89.7, 5: 120.2 }));
    expect(v.resizeItem.mock.calls).toEqual([
      [4, 90],
      [5, 120],
    ]);
    expect(observers[0]!.disconnected).toBe(true);

    rerender(<Rows v={v} width={612} />);
    expect(v.measure).toHaveBeenCalledTimes(1);
  });
});
