import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useCallback, useState } from 'react';
import type { ArticleSummary } from '@/db/queries';
import { ROW_ESTIMATE_PX, ROW_OVERSCAN } from '@/features/library/components/row-size';
import { useKeptFocus } from '@/features/library/hooks/use-kept-focus';
import { usePageTop } from '@/features/library/hooks/use-page-top';
import { measureAfterLayout } from '@/ui/measure-after-layout';

/** Draws one row (an `ArticleRow`; passed in, so this chunk holds only the virtualiser). */
export type RenderRow = (
  article: ArticleSummary,
  index: number,
  measureRef: (el: HTMLLIElement | null) => void,
  offset: number | null,
) => ReactNode;

type Props = Readonly<{ shown: readonly ArticleSummary[]; renderRow: RenderRow }>;

/**
 * The Library's rows, virtualised in the window: only the rows in view (and a few either side) are in
 * the page, so a library of thousands of articles renders as fast as one of twenty. Its own chunk
 * (with the virtualiser), fetched while the library is read; `FirstArticleRows` stands in until then.
 */
export function VirtualArticleRows({ shown, renderRow }: Props) {
  const [rowsEl, setRowsEl] = useState<HTMLUListElement | null>(null);
  const top = usePageTop(rowsEl);
  const kept = useKeptFocus(useCallback((id: string) => shown.findIndex((a) => a.id === id), [shown]));
  const virtualizer = useWindowVirtualizer({
    // no rows until the list is placed: the read of its place then lays out the page without them
    count: top === null ? 0 : shown.length,
    estimateSize: () => ROW_ESTIMATE_PX,
    measureElement: measureAfterLayout,
    overscan: ROW_OVERSCAN,
    rangeExtractor: kept.rangeExtractor,
    scrollMargin: top ?? 0,
    getItemKey: useCallback((i: number) => shown[i]?.id ?? i, [shown]),
  });
  return (
    <ul
      ref={setRowsEl}
      className="articles"
      onFocus={kept.onFocus}
      onBlur={kept.onBlur}
      style={{ position: 'relative', height: virtualizer.getTotalSize() }}
    >
      {virtualizer
        .getVirtualItems()
        .map((item) =>
          renderRow(
            shown[item.index]!,
            item.index,
            virtualizer.measureElement,
            item.start - virtualizer.options.scrollMargin,
          ),
        )}
    </ul>
  );
}
