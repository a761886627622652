/**
 * The open claim as a tiny store that parts of the article screen subscribe to by what they show
 * (a row: whether one of its parts is open; a paragraph: whether it lights the open claim), so a
 * `j` renders the rows and paragraphs whose answer changed, not the list or the text around them.
 * The URL stays the one source: the screen copies it in (`SelectionFeed`), and `select` opens a
 * claim through the URL.
 */
import type { SelectionOrigin } from '@/stores/selected-claim';

export type Selection = Readonly<{ claimId: string | null; origin: SelectionOrigin | null }>;
type Select = (claimId: string, origin: SelectionOrigin) => void;

export type SelectionStore = Readonly<{
  get: () => Selection;
  set: (next: Selection) => void;
  subscribe: (listener: () => void) => () => void;
  /** Opens a claim, through the function last bound (the URL's `select`); stable. */
  select: Select;
  bind: (select: Select) => void;
}>;

const NONE: Selection = { claimId: null, origin: null };

/** A value that components subscribe to (`useSyncExternalStore`); a `set` that `same` finds equal notifies no one. */
function valueStore<T>(initial: T, same: (a: T, b: T) => boolean) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: (): T => value,
    set: (next: T) => {
      if (same(next, value)) return;
      value = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export function createSelectionStore(): SelectionStore {
  let bound: Select | null = null;
  return {
    ...valueStore(NONE, (a, b) => a.claimId === b.claimId && a.origin === b.origin),
    select: (claimId, origin) => bound?.(claimId, origin),
    bind: (select) => {
      bound = select;
    },
  };
}

/**
 * A `j` / `k` selection shown before the URL has it. The key's task sets it, so the list's and the
 * text's rows show the next claim (and are scrolled to it) in the frame right after the key; the URL
 * (and what follows it: the route's render, the claim panel) is written after that frame, in the
 * same render that clears this. `from` is the open and last-closed claim it was chosen from: once
 * the URL has others (another navigation came first), it is not shown.
 */
export type Ahead = Readonly<{
  claimId: string;
  origin: SelectionOrigin;
  from: Readonly<{ claimId: string | null; closedId: string | null }>;
}>;

export const aheadSelection = valueStore<Ahead | null>(null, Object.is);
