import { useWindowVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { type CSSProperties, memo, useCallback, useMemo, useRef } from 'react';
import { appScroll, followedWindowScroll, followLayout } from '@/features/article/follow-layout';
import type { Run } from '@/features/article/highlight-runs';
import { scrollsWithPage } from '@/features/article/hooks/use-list-virtualizer';
import { usePageBox } from '@/features/article/hooks/use-page-box';
import { SelectionFeed, useSelectionOf, useSelectionStore } from '@/features/article/hooks/use-selection';
import type { Selection, SelectionStore } from '@/features/article/selection-store';
import { blockAt, type TextBlock, textBlocks } from '@/features/article/text-blocks';
import { measureAfterLayout } from '@/ui/measure-after-layout';
import type { Swatch } from '@/ui/palette';

export type ClaimLook = Readonly<{
  swatch: Swatch;
  speaker: string;
  kind: string;
  /** The ids of every part of the claim's quotation (just the claim's own for a quotation of one part). */
  parts: readonly string[];
  /** "part 2 of 3" for a part of a quotation split around its cue or over paragraphs. */
  part: string | null;
}>;

type Props = Readonly<{ runs: readonly Run[]; looks: ReadonlyMap<string, ClaimLook> }>;

/**
 * Whether the screen's claim list runs on in the page under the text (phones; beside an open panel
 * on medium screens): the list then scrolls the page to the open claim's row, and the text leaves it.
 */
const listInPage = (text: Element) =>
  scrollsWithPage(text.closest('.article-screen')?.querySelector('.claim-list') ?? null);

/** From this length on, only the paragraphs on screen (and a few around them) are rendered. */
export const LONG_TEXT = 50_000;

/**
 * The verbatim article: plain React text, claims as highlighted spans in their speaker's colour.
 * Memoised: a verdict edit gives the screen new claims but the same runs and looks; opening another
 * claim renders the paragraphs it leaves and lights (they follow the selection's store), not the text.
 */
export const ArticleText = memo(function ArticleText({ runs, looks }: Props) {
  const store = useSelectionStore();
  const length = runs.at(-1)?.end ?? 0;
  if (length >= LONG_TEXT) return <LongText runs={runs} looks={looks} store={store} />;
  return <ShortText runs={runs} looks={looks} store={store} />;
});

type TextProps = Props & Readonly<{ store: SelectionStore }>;

function ShortText({ runs, looks, store }: TextProps) {
  const ref = useRef<HTMLDivElement>(null);
  const follow = useCallback(({ claimId, origin }: Selection) => {
    const text = ref.current;
    if (!claimId || origin === 'text' || !text) return;
    const mark = () => text.querySelector(`.claim-mark[data-claim-id="${CSS.escape(claimId)}"]`);
    appScroll(() => mark()?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), true);
    // The text wraps again when the panel opens beside it: the highlight is brought back into view.
    return followLayout(text, () => {
      if (!listInPage(text)) mark()?.scrollIntoView({ block: 'nearest' });
    });
  }, []);

  return (
    <div ref={ref} className="article-text">
      <SelectionFeed store={store} follow={follow} />
      <BlockRuns runs={runs} looks={looks} store={store} />
    </div>
  );
}

/** Lines of about 30 px, about 9.5 px a character: a first guess, replaced by the measured height. */
function estimateHeight(lineLengths: readonly number[], width: number): number {
  const perLine = Math.max(20, Math.floor(width / 9.5));
  return lineLengths.reduce((n, length) => n + Math.max(1, Math.ceil(length / perLine)), 0) * 30;
}

/** The lengths of a block's lines (its text split at line breaks, the last break dropped). */
function lineLengths(block: TextBlock): number[] {
  const text = block.runs.map((r) => r.text).join('');
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => line.length);
}

/**
 * A long article, one paragraph per block, only the blocks near the window's scroll position in the
 * page. Each block carries its offset in the text (`data-offset`), so a selection still maps to
 * offsets (article-selection.ts), and the selected claim's block is scrolled into view first.
 */
function LongText({ runs, looks, store }: TextProps) {
  const ref = useRef<HTMLDivElement>(null);
  const blocks = useMemo(() => textBlocks(runs), [runs]);
  const claimStarts = useMemo(() => {
    const starts = new Map<string, number>();
    for (const r of runs) if (r.claimId && !starts.has(r.claimId)) starts.set(r.claimId, r.start);
    return starts;
  }, [runs]);
  const box = usePageBox(ref);
  // A paragraph's line lengths are read once: the blocks are cut again when the rest of the claims
  // arrive (same paragraphs), and the width changes once the text's box is measured after the first
  // render; only the arithmetic of the estimate is done again for a new width.
  const lines = useRef(new Map<string, readonly number[]>());
  const estimates = useMemo(
    () =>
      blocks.map((block) => {
        const key = `${block.start}-${block.end}`;
        let lengths = lines.current.get(key);
        if (lengths === undefined) {
          lengths = lineLengths(block);
          lines.current.set(key, lengths);
        }
        return estimateHeight(lengths, box.width);
      }),
    [blocks, box.width],
  );
  // Each block's height as its observer last reported it (by its offset), equal to its estimate or
  // not: the virtualiser keeps a measure only where it differs from the estimate of the moment, so a
  // block that matched its estimate at one width was placed by the next width's estimate once the
  // claim panel narrowed the text, though its height had not changed (gaps of 30 px under it).
  const heights = useRef(new Map<number, number>());
  const estimateSize = useCallback(
    (i: number) => {
      const block = blocks[i];
      return (block && heights.current.get(block.start)) ?? estimates[i] ?? 30;
    },
    [blocks, estimates],
  );
  const measureBlock = useCallback(
    (el: Element, entry: ResizeObserverEntry | undefined, v: Virtualizer<Window, Element>) => {
      const size = measureAfterLayout(el, entry, v);
      if (entry) heights.current.set(Number((el as HTMLElement).dataset.offset), size);
      return size;
    },
    [],
  );
  const virtualizer = useWindowVirtualizer({
    count: blocks.length,
    estimateSize,
    overscan: 6,
    measureElement: measureBlock,
    scrollMargin: box.top,
    scrollToFn: followedWindowScroll,
  });

  const follow = useCallback(
    ({ claimId, origin }: Selection) => {
      const text = ref.current;
      if (!claimId || origin === 'text' || !text) return;
      const start = claimStarts.get(claimId);
      if (start === undefined) return;
      const mark = () => text.querySelector(`.claim-mark[data-claim-id="${CSS.escape(claimId)}"]`);
      const toBlock = () => virtualizer.scrollToIndex(blockAt(blocks, start), { align: 'center' });
      // The text wraps again when the panel opens beside it, and its blocks are measured as they
      // render: each time its box changes, the highlight is brought back into view.
      const stop = followLayout(text, () => {
        if (listInPage(text)) return;
        const shown = mark();
        if (shown) shown.scrollIntoView({ block: 'nearest' });
        else toBlock();
      });
      const shown = mark();
      if (shown) {
        appScroll(() => shown.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), true);
        return stop;
      }
      toBlock();
      let frame = requestAnimationFrame(() => {
        frame = requestAnimationFrame(() => appScroll(() => mark()?.scrollIntoView({ block: 'nearest' })));
      });
      return () => {
        cancelAnimationFrame(frame);
        stop();
      };
    },
    [claimStarts, blocks, virtualizer],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={ref}
      className="article-text"
      data-length={runs.at(-1)?.end ?? 0}
      style={{ position: 'relative', height: virtualizer.getTotalSize() }}
    >
      <SelectionFeed store={store} follow={follow} />
      {items.map((item) => {
        const block = blocks[item.index]!;
        return (
          <div
            key={block.start}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-offset={block.start}
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
            }}
          >
            <BlockRuns runs={block.runs} looks={looks} store={store} />
          </div>
        );
      })}
    </div>
  );
}

/** The open claim if it (or another part of its quotation) is lit in these runs, else null. */
function selectedIn(runs: readonly Run[], looks: ReadonlyMap<string, ClaimLook>, selected: string | null) {
  if (selected === null) return null;
  const lit = runs.some(
    (r) => r.claimId && (r.claimId === selected || (looks.get(r.claimId)?.parts.includes(selected) ?? false)),
  );
  return lit ? selected : null;
}

type RunsProps = Readonly<{
  runs: readonly Run[];
  looks: ReadonlyMap<string, ClaimLook>;
  store: SelectionStore;
}>;

/** A paragraph's runs: opening another claim renders again only the paragraphs it leaves or lights. */
const BlockRuns = memo(function BlockRuns({ runs, looks, store }: RunsProps) {
  const selected = useSelectionOf(store, (s) => selectedIn(runs, looks, s.claimId));
  const onSelect = store.select;
  return runs.map((run) => {
    if (!run.claimId) {
      return run.boilerplate ? (
        <span key={run.start} className="boilerplate">
          {run.text}
        </span>
      ) : (
        run.text
      );
    }
    const id = run.claimId;
    const look = looks.get(id);
    // The parts of one quotation light up together: selecting one shows the whole quotation.
    const lit = selected !== null && (selected === id || (look?.parts.includes(selected) ?? false));
    return (
      <ClaimMark
        key={run.start}
        run={run}
        id={id}
        look={look}
        selected={lit}
        current={selected === id}
        onSelect={onSelect}
      />
    );
  });
});

type MarkProps = Readonly<{
  run: Run;
  id: string;
  look: ClaimLook | undefined;
  /** The claim or another part of its quotation is open. */
  selected: boolean;
  /** This very claim is open. */
  current: boolean;
  onSelect: (id: string, origin: 'text') => void;
}>;

/** One highlighted run; memoised, so a new selection re-renders two claims, not the whole article. */
const ClaimMark = memo(function ClaimMark({ run, id, look, selected, current, onSelect }: MarkProps) {
  const style = look
    ? ({ '--hl-bg': look.swatch.background, '--hl-border': look.swatch.border } as CSSProperties)
    : undefined;
  // Tab stops at a quotation once, on its first part; the list's part buttons reach the others.
  const firstPart = !look || look.parts[0] === id;
  const about =
    look && (look.part ? `${look.speaker}, ${look.kind}, ${look.part}` : `${look.speaker}, ${look.kind}`);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <button> cannot hold text that wraps across lines like prose.
    <span
      role="button"
      tabIndex={run.claimStart && firstPart ? 0 : -1}
      aria-pressed={selected}
      aria-label={about ? `${about}: ${run.text}` : undefined}
      title={look ? [look.speaker, look.kind, look.part].filter(Boolean).join(' · ') : undefined}
      className={`claim-mark${run.boilerplate ? ' boilerplate' : ''}`}
      data-claim-id={id}
      data-quotation={look && look.parts.length > 1 ? look.parts[0] : undefined}
      data-selected={selected || undefined}
      data-current={(current && look && look.parts.length > 1) || undefined}
      style={style}
      onClick={() => onSelect(id, 'text')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(id, 'text');
        }
      }}
    >
      {run.text}
    </span>
  );
});
