import { useEffect, useLayoutEffect, useState, useSyncExternalStore } from 'react';
import {
  aheadSelection,
  createSelectionStore,
  type Selection,
  type SelectionStore,
} from '@/features/article/selection-store';
import { useSelectedClaim } from '@/stores/selected-claim';

/** A selection store for one part of the screen (the list, the text), made once. */
export function useSelectionStore(): SelectionStore {
  const [store] = useState(createSelectionStore);
  return store;
}

/**
 * What a row or paragraph shows of the selection (`pick` returns a string or null, compared by
 * value): it renders again only when that changes.
 */
export function useSelectionOf<T extends string | boolean | null>(
  store: SelectionStore,
  pick: (selection: Selection) => T,
): T {
  return useSyncExternalStore(store.subscribe, () => pick(store.get()));
}

type FeedProps = Readonly<{
  store: SelectionStore;
  /**
   * Runs after a selection is shown, and again when `follow` changes (new rows: the open claim may
   * only now be among them): scrolls to it, moves the focus. Its return value cleans up.
   */
  follow?: (selection: Selection) => (() => void) | undefined;
}>;

/**
 * Copies the open claim from the URL into `store`, or a `j`'s claim while its URL is still to be
 * written (`aheadSelection`). The one part of a list or text that renders on every URL change (`j`),
 * and it renders nothing; the rows that show the change follow in the same commit, before the frame
 * is painted.
 */
export function SelectionFeed({ store, follow }: FeedProps) {
  const url = useSelectedClaim();
  const early = useSyncExternalStore(aheadSelection.subscribe, aheadSelection.get);
  const ahead = early !== null && early.from.claimId === url.claimId && early.from.closedId === url.closedId;
  const shown = ahead ? early : url;
  const { claimId, origin } = shown;
  const { select } = url;
  useLayoutEffect(() => store.bind(select), [store, select]);
  useLayoutEffect(() => store.set({ claimId, origin }), [store, claimId, origin]);
  useEffect(() => follow?.({ claimId, origin }), [follow, claimId, origin]);
  return null;
}
