import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import { type FocusEvent, useCallback, useState } from 'react';

/**
 * A virtualised list drops the rows that leave the view; a row holding the keyboard focus must stay,
 * or the focus falls back to the page and a screen reader loses its place. Tracks the focused row by
 * its `data-key` (so a re-read that shifts the rows keeps the same row) and adds its index to the
 * rendered range.
 */
export function useKeptFocus(indexOf: (key: string) => number) {
  const [focused, setFocused] = useState<string | null>(null);
  const onFocus = useCallback((e: FocusEvent<HTMLElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-key]');
    setFocused(row?.dataset.key ?? null);
  }, []);
  const onBlur = useCallback((e: FocusEvent<HTMLElement>) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !e.currentTarget.contains(next)) setFocused(null);
  }, []);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const index = focused === null ? -1 : indexOf(focused);
      if (index < 0 || indexes.includes(index)) return indexes;
      return [...indexes, index].sort((a, b) => a - b);
    },
    [focused, indexOf],
  );
  return { rangeExtractor, onFocus, onBlur };
}
