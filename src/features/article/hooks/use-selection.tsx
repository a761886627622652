import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
} from 'react';
import { useLocation } from 'react-router';
import {
  createSelectionStore,
  type Selection,
  type SelectionStore,
} from '@/features/article/selection-store';
import { useSelectedClaim } from '@/stores/selected-claim';

const ScreenSelection = createContext<SelectionStore | null>(null);

/** One selection store for the article screen: the keys, the list and the text share it. */
export function SelectionProvider({ children }: Readonly<{ children: ReactNode }>) {
  const [store] = useState(createSelectionStore);
  return (
    <ScreenSelection.Provider value={store}>
      <SelectionFeed store={store} />
      {children}
    </ScreenSelection.Provider>
  );
}

/** The screen's selection store, or one of the caller's own (a list or text shown alone). */
export function useSelectionStore(): SelectionStore {
  const [own] = useState(createSelectionStore);
  return useContext(ScreenSelection) ?? own;
}

/**
 * What a row or paragraph shows of the selection (`pick` returns a string, a boolean or null,
 * compared by value): it renders again only when that changes.
 */
export function useSelectionOf<T extends string | boolean | null>(
  store: SelectionStore,
  pick: (selection: Selection) => T,
): T {
  return useSyncExternalStore(store.subscribe, () => pick(store.get()));
}

/**
 * Runs `follow` for the selection now and for every new one (scrolls to it, moves the focus), and
 * again when `follow` changes (new rows: the open claim may only now be among them). Its return
 * value cleans up before the next run.
 */
export function useFollowSelection(
  store: SelectionStore,
  follow: (selection: Selection) => (() => void) | undefined,
) {
  useEffect(() => {
    let cleanup = follow(store.get());
    const stop = store.subscribe(() => {
      cleanup?.();
      cleanup = follow(store.get());
    });
    return () => {
      stop();
      cleanup?.();
    };
  }, [store, follow]);
}

/**
 * Copies the open claim from the URL into `store` each time the URL is written, and binds the URL's
 * `select`. It renders on every URL change (`j`) and renders nothing; the screen's own store has one
 * (`SelectionProvider`), a list or text shown alone feeds its own.
 */
export function SelectionFeed({ store }: Readonly<{ store: SelectionStore }>) {
  const { claimId, origin, select } = useSelectedClaim();
  const { key } = useLocation();
  useLayoutEffect(() => store.bind(select), [store, select]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: every URL write counts, even to the same claim (key).
  useLayoutEffect(() => store.set({ claimId, origin }), [store, claimId, origin, key]);
  return null;
}

/** A feed for a store that is not the screen's (the screen's provider feeds its own). */
export function OwnFeed({ store }: Readonly<{ store: SelectionStore }>) {
  const screen = useContext(ScreenSelection);
  return screen === store ? null : <SelectionFeed store={store} />;
}
