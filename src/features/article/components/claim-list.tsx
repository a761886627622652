import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import {
  type ComponentProps,
  type ComponentType,
  type CSSProperties,
  memo,
  useCallback,
  useMemo,
  useReducer,
  useRef,
} from 'react';
import { Link } from 'react-router';
import type { Claim, Verdict } from '@/core/model/types';
import type { Quotations } from '@/core/review/quotations';
import { type ClaimBadgeProps, ClaimItem } from '@/features/article/components/claim-item';
import { appScroll, followLayout } from '@/features/article/follow-layout';
import { scrollsWithPage, useListVirtualizer } from '@/features/article/hooks/use-list-virtualizer';
import { SelectionFeed, useSelectionOf, useSelectionStore } from '@/features/article/hooks/use-selection';
import type { Selection, SelectionStore } from '@/features/article/selection-store';
import type { SpeakerGroup } from '@/features/article/speaker-groups';
import { NEUTRAL_SWATCH, swatchAt } from '@/ui/palette';
import { useFocusFallback } from '@/ui/use-focus-fallback';

type Props = Readonly<{
  groups: readonly SpeakerGroup<Claim>[];
  numbers: ReadonlyMap<string, number>;
  /** Claims that are parts of one quotation show as one item. */
  quotations: Quotations<Claim>;
  /** False while only the article's first claims are read: the speakers' counts wait for the rest. */
  complete?: boolean;
  ClaimBadge?: ComponentType<ClaimBadgeProps>;
  onVerdict: (claim: Claim, verdict: Verdict, parts?: readonly Claim[]) => void;
  /** The speaker's profile, linked from the speaker's name. */
  speakerHref?: (speakerId: string) => string;
  /**
   * The same object as long as the rows are the same (the speakers, their quotations and their order):
   * a verdict edit gives new `groups` and `quotations` but keeps it, and the long list's rows are not
   * built again (only the edited claim's item renders). Without it, the rows follow `groups`.
   */
  layout?: object;
  /** What an empty list says (default: no claims were found). */
  emptyText?: string;
}>;

/** From this many claims on, only the rows in view (and a few around them) are rendered. */
export const LONG_LIST = 150;

const groupStyle = (g: SpeakerGroup<Claim>) => {
  const swatch = g.colourIndex < 0 ? NEUTRAL_SWATCH : swatchAt(g.colourIndex);
  return { '--hl-bg': swatch.background, '--hl-border': swatch.border } as CSSProperties;
};

/** A speaker's items: the first part of each quotation, which stands for the quotation. */
const leadsOf = (g: SpeakerGroup<Claim>, quotations: Quotations<Claim>) =>
  g.claims.filter((c) => (quotations.of.get(c.id)?.id ?? c.id) === c.id);

const partsOf = (c: Claim, quotations: Quotations<Claim>) => quotations.of.get(c.id)?.parts ?? [c];

/** The open claim, if it is a part of `parts`. */
const selectedIn = (parts: readonly Claim[], selected: string | null) =>
  selected !== null && parts.some((p) => p.id === selected) ? selected : null;

type ItemContext = Readonly<{
  numbers: Props['numbers'];
  store: SelectionStore;
  ClaimBadge: Props['ClaimBadge'];
  onVerdict: Props['onVerdict'];
  select: (claimId: string, origin: 'list') => void;
}>;

/** A quotation's item in either list (short or virtualised): the same props, whatever row holds it. */
const itemProps = (claim: Claim, parts: readonly Claim[], c: ItemContext) => ({
  claim,
  parts,
  number: c.numbers.get(claim.id) ?? 0,
  store: c.store,
  Badge: c.ClaimBadge,
  onVerdict: c.onVerdict,
  onSelect: c.select,
});

type SelectableProps = Omit<ComponentProps<typeof ClaimItem>, 'selectedPart'> &
  Readonly<{ store: SelectionStore }>;

/** An item that follows the selection itself: a new open claim renders the items it leaves and enters only. */
const SelectableItem = memo(function SelectableItem({ store, ...props }: SelectableProps) {
  const selectedPart = useSelectionOf(store, (s) => selectedIn(props.parts, s.claimId));
  return <ClaimItem {...props} selectedPart={selectedPart} />;
});

const sameList = <T,>(a: readonly T[], b: readonly T[]) =>
  a === b || (a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * A rendered quotation's parts by its first part's id, from `quotations`, as the same array as in the
 * last render while its claims are the same objects: a list derived afresh (not patched) still renders
 * only the items whose claims changed. Only the rendered rows are looked at.
 */
function useShownParts(quotations: Quotations<Claim>) {
  const shown = useRef(new Map<string, readonly Claim[]>());
  const previous = shown.current;
  const next = new Map<string, readonly Claim[]>();
  shown.current = next;
  return (id: string) => {
    const fresh = quotations.of.get(id)?.parts;
    const before = previous.get(id);
    const parts = fresh && before && sameList(before, fresh) ? before : fresh;
    if (parts) next.set(id, parts);
    return parts;
  };
}

/** Whether the list runs on in the page under the text, where a tap on the text keeps the reading position. */
const stacked = () => scrollsWithPage(document.querySelector('.claim-list'));

/**
 * What both lists start from: the selection's store (fed from the URL by a `SelectionFeed` of the
 * list's own), the list's element, the quotation a claim leads, and the props every item shares.
 */
function useListSelection({ quotations, numbers, ClaimBadge, onVerdict }: Props) {
  const store = useSelectionStore();
  const select = store.select;
  const ref = useRef<HTMLElement>(null);
  const latest = useRef(quotations);
  latest.current = quotations;
  const leadOf = useCallback((id: string) => latest.current.of.get(id)?.id ?? id, []);
  const shared = { numbers, store, ClaimBadge, onVerdict, select };
  return { store, ref, leadOf, shared };
}

/** The button of a claim's entry in the list. */
const entryButton = (list: HTMLElement, claimId: string) =>
  list.querySelector<HTMLButtonElement>(`li[data-claim-id="${CSS.escape(claimId)}"] .claim-item-text`);

/** The item of the claim whose focused control went (its row moved to another speaker's group). */
const sameClaimAnew = (lost: Element, list: HTMLElement) => {
  const id = lost.closest<HTMLElement>('li[data-claim-id]')?.dataset.claimId;
  return id === undefined ? null : entryButton(list, id);
};

/** Claims grouped by speaker; the selected one is scrolled to, and focused when chosen elsewhere. */
export function ClaimList(props: Props) {
  const count = props.groups.reduce((n, g) => n + g.claims.length, 0);
  return count >= LONG_LIST ? <LongClaimList {...props} /> : <ShortClaimList {...props} />;
}

function ShortClaimList(props: Props) {
  const { groups, quotations, complete = true, speakerHref } = props;
  const { store, ref, leadOf, shared } = useListSelection(props);
  const follow = useCallback(
    ({ claimId, origin }: Selection) => {
      const list = ref.current;
      if (!claimId || origin === 'list' || !list) return;
      const button = () => entryButton(list, leadOf(claimId));
      const scrolls = () => !(stacked() && origin === 'text');
      if (scrolls())
        appScroll(() => button()?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }), true);
      button()?.focus({ preventScroll: true });
      // The rows wrap again when the panel opens beside the list: the open one is brought back into view.
      return followLayout(list, () => {
        if (scrolls()) button()?.scrollIntoView({ block: 'nearest' });
      });
    },
    [ref, leadOf],
  );
  useFocusFallback(ref, sameClaimAnew);
  const feed = <SelectionFeed store={store} follow={follow} />;

  if (groups.length === 0) {
    return (
      <aside ref={ref} className="claim-list" aria-label="Claims">
        {feed}
        <p className="empty">{props.emptyText ?? 'No claims were found in this article.'}</p>
      </aside>
    );
  }
  return (
    <aside ref={ref} className="claim-list" aria-label="Claims" aria-busy={!complete || undefined}>
      {feed}
      <h2 className="visually-hidden">Claims by speaker</h2>
      {groups.map((g) => {
        const style = groupStyle(g);
        const headingId = `speaker-${g.speakerId ?? 'none'}`;
        return (
          <section
            key={g.speakerId ?? 'none'}
            className="speaker-group"
            aria-labelledby={headingId}
            style={style}
          >
            <SpeakerHeading {...headingOf(g)} id={headingId} speakerHref={speakerHref} complete={complete} />
            <ol className="claims">
              {leadsOf(g, quotations).map((c) => (
                <SelectableItem key={c.id} {...itemProps(c, partsOf(c, quotations), shared)} />
              ))}
            </ol>
          </section>
        );
      })}
    </aside>
  );
}

/**
 * A row of the long list: a speaker's heading, or a quotation by its first part's id. A row holds no
 * claim: its item is read from the current quotations when it renders, so a verdict edit changes no row.
 */
type Row = Readonly<
  | { type: 'speaker'; key: string; style: CSSProperties; heading: ReturnType<typeof headingOf> }
  | { type: 'claim'; key: string; style: CSSProperties }
>;

/** The long list's rows: each speaker's heading, then its quotations in reading order. */
function rowsOf(groups: readonly SpeakerGroup<Claim>[], quotations: Quotations<Claim>): Row[] {
  return groups.flatMap((group): Row[] => {
    const style = groupStyle(group);
    return [
      { type: 'speaker', key: `speaker-${group.speakerId ?? 'none'}`, style, heading: headingOf(group) },
      ...leadsOf(group, quotations).map((claim): Row => ({ type: 'claim', key: claim.id, style })),
    ];
  });
}

type HeadingProps = Readonly<{
  speakerId: string | null;
  name: string;
  role: string | null;
  count: number;
  id?: string;
  speakerHref?: Props['speakerHref'];
  complete: boolean;
}>;

/** A speaker's name (linked to the profile), swatch, claim count and role, above the speaker's claims. */
const SpeakerHeading = memo(function SpeakerHeading({
  speakerId,
  name,
  role,
  count,
  id,
  speakerHref,
  complete,
}: HeadingProps) {
  return (
    <>
      <h3 id={id} className="speaker-heading">
        <span className="swatch" aria-hidden="true" />
        <span className="speaker-name">
          {speakerId && speakerHref ? <Link to={speakerHref(speakerId)}>{name}</Link> : name}
        </span>
        {complete && (
          <span className="speaker-count">
            {count} {count === 1 ? 'claim' : 'claims'}
          </span>
        )}
      </h3>
      {role && <p className="speaker-role">{role}</p>}
    </>
  );
});

/** What a speaker's heading shows of its group. */
const headingOf = (g: SpeakerGroup<Claim>) => ({
  speakerId: g.speakerId,
  name: g.name,
  role: g.role,
  count: g.claims.length,
});

/**
 * A long list, one row per speaker heading or claim, only the rows near the list's scroll position in
 * the page: the list's own box beside the text, the window where the list runs on under the text.
 */
function LongClaimList(props: Props) {
  const { groups, quotations, complete = true, speakerHref } = props;
  const { store, ref, leadOf, shared } = useListSelection(props);
  const rowsRef = useRef<HTMLUListElement>(null);
  // Built again only when the layout changes (a claim added, removed, re-spanned, another speaker):
  // a verdict edit keeps the rows and the virtualiser's options, and renders the edited item only.
  const { layout = props.groups } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `layout` stands for the groups' and quotations' structure.
  const rows = useMemo(() => rowsOf(groups, quotations), [layout]);
  const rowOf = useMemo(() => new Map(rows.map((row, i) => [row.key, i])), [rows]);
  const partsOf = useShownParts(quotations);
  const estimateSize = useCallback((i: number) => (rows[i]?.type === 'speaker' ? 44 : 100), [rows]);
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? String(i), [rows]);
  // The rows holding the open claim and the focus stay rendered when scrolled out of view: a row that
  // left the page would take the focus with it (back to the page's start for a keyboard user).
  // The open claim is read from the store here, not rendered from: a `j` does not render the list.
  // `shown` renders it again when the open row is out of the rendered ones and no scroll brings it.
  const focused = useRef<string | null>(null);
  const [shown, showOpenRow] = useReducer((n: number) => n + 1, 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` asks for the rows again, with the open one.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      const open = store.get().claimId;
      const selectedRow = open === null ? undefined : rowOf.get(leadOf(open));
      const focusedRow = focused.current === null ? undefined : rowOf.get(focused.current);
      for (const keep of [selectedRow, focusedRow]) {
        if (keep !== undefined && keep < range.count && !indexes.includes(keep)) indexes.push(keep);
      }
      return indexes.sort((a, b) => a - b);
    },
    [rowOf, store, leadOf, shown],
  );
  const virtualizer = useListVirtualizer(ref, rowsRef, {
    count: rows.length,
    estimateSize,
    getItemKey,
    overscan: 8,
    rangeExtractor,
  });

  const follow = useCallback(
    ({ claimId, origin }: Selection) => {
      if (!claimId) return;
      const lead = leadOf(claimId);
      const index = rowOf.get(lead);
      if (index === undefined) return;
      const scrolls = () => origin !== 'list' && !(stacked() && origin === 'text');
      if (scrolls()) virtualizer.scrollToIndex(index, { align: 'auto' });
      else if (!virtualizer.getVirtualItems().some((item) => item.index === index)) showOpenRow();
      const list = rowsRef.current;
      if (origin === 'list' || !list) return;
      const rowButton = () =>
        ref.current?.querySelector<HTMLButtonElement>(
          `[data-claim-id="${CSS.escape(lead)}"] .claim-item-text`,
        );
      // The sticky list's box runs below the window while the page is scrolled less than the
      // header is high: a row in the list's view can still be off screen, so the list (not the
      // page, which would move the text's highlight) scrolls it up into the window.
      const intoWindow = () => {
        const button = rowButton();
        const scroller = ref.current;
        if (!button || !scroller || !scrolls()) return;
        const below = button.getBoundingClientRect().bottom - window.innerHeight;
        if (below > 0) scroller.scrollTop += below;
      };
      // The rows wrap again when the panel opens beside the list, and are measured as they render:
      // each time the rows' box changes, the open row is brought back into view.
      const stop = followLayout(list, () => {
        if (scrolls()) virtualizer.scrollToIndex(index, { align: 'auto' });
        intoWindow();
      });
      // The row renders on the next frames, once it is in the window: then it takes the focus.
      let tries = 0;
      let frame = 0;
      const focus = () => {
        const button = rowButton();
        if (button) {
          button.focus({ preventScroll: true });
          intoWindow();
        } else if (tries++ < 10) frame = requestAnimationFrame(focus);
      };
      focus();
      return () => {
        cancelAnimationFrame(frame);
        stop();
      };
    },
    [rowOf, virtualizer, ref, leadOf],
  );

  return (
    <aside ref={ref} className="claim-list" aria-label="Claims" aria-busy={!complete || undefined}>
      <SelectionFeed store={store} follow={follow} />
      <h2 className="visually-hidden">Claims by speaker</h2>
      <ul
        ref={rowsRef}
        onFocus={(e) => {
          focused.current = e.target.closest('li')?.dataset.rowKey ?? null;
        }}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) focused.current = null;
        }}
        style={{
          position: 'relative',
          height: virtualizer.getTotalSize(),
          margin: 0,
          padding: 0,
          listStyle: 'none',
        }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          // The quotation as it is now: the same parts (and claim objects) unless one was edited.
          const parts = row.type === 'claim' ? partsOf(row.key) : undefined;
          if (row.type === 'claim' && !parts) return null;
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-row-key={row.key}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              className={row.type === 'speaker' ? 'claim-list-speaker' : 'claim-list-claim'}
              style={{
                ...row.style,
                position: 'absolute',
                top: 0,
                left: 0,
                width: '100%',
                transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)`,
                paddingBottom: row.type === 'claim' ? '0.4rem' : 0,
              }}
            >
              {row.type === 'speaker' ? (
                <SpeakerHeading {...row.heading} speakerHref={speakerHref} complete={complete} />
              ) : (
                <SelectableItem as="div" {...itemProps(parts![0]!, parts!, shared)} />
              )}
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
