/**
 * The open claim as a tiny store that parts of the article screen subscribe to by what they show
 * (a row: whether one of its parts is open; a paragraph: whether it lights the open claim), so a
 * `j` renders the rows and paragraphs whose answer changed, not the list or the text around them.
 *
 * The URL stays the one source: `set` copies it in (`SelectionFeed`). A claim opened on this screen
 * (`j`, a click) shows at once through `intend`, before its navigation lands (a router transition,
 * which waits behind any render in progress); URLs landing meanwhile for earlier steps are skipped.
 */
import type { SelectionOrigin } from '@/stores/selected-claim';

export type Selection = Readonly<{ claimId: string | null; origin: SelectionOrigin | null }>;
type Select = (claimId: string, origin: SelectionOrigin) => void;

export type SelectionStore = Readonly<{
  get: () => Selection;
  /** The URL's selection (every time the URL is written, even to the same claim). */
  set: (fromUrl: Selection) => void;
  /** A selection asked for on this screen, shown before its URL lands. */
  intend: (next: Selection) => void;
  subscribe: (listener: () => void) => () => void;
  /** Opens a claim: shows it at once, then writes the URL through the function last bound. */
  select: Select;
  bind: (select: Select) => void;
}>;

const NONE: Selection = { claimId: null, origin: null };

export function createSelectionStore(): SelectionStore {
  let value = NONE;
  /** The claim (or null: none) asked for last whose URL has not landed yet; undefined when none is. */
  let pending: string | null | undefined;
  let bound: Select | null = null;
  const listeners = new Set<() => void>();
  const show = (next: Selection) => {
    if (next.claimId === value.claimId && next.origin === value.origin) return;
    value = next;
    for (const listener of [...listeners]) listener();
  };
  const intend = (next: Selection) => {
    pending = next.claimId;
    show(next);
  };
  return {
    get: () => value,
    set: (fromUrl) => {
      if (pending !== undefined) {
        if (fromUrl.claimId !== pending) return;
        pending = undefined;
      }
      show(fromUrl);
    },
    intend,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    select: (claimId, origin) => {
      intend({ claimId, origin });
      bound?.(claimId, origin);
    },
    bind: (select) => {
      bound = select;
    },
  };
}
