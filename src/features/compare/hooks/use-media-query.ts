import { useSyncExternalStore } from 'react';

/** One list per query, kept: React reads the snapshot on every render of the screen. */
const lists = new Map<string, MediaQueryList>();

function listFor(query: string): MediaQueryList | null {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return null;
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

/** Whether the media query matches now; the component renders again when that changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = listFor(query);
      list?.addEventListener('change', changed);
      return () => list?.removeEventListener('change', changed);
    },
    () => listFor(query)?.matches ?? false,
    () => false,
  );
}

/** Forgets the kept lists (tests stub matchMedia). */
export const clearMediaLists = () => lists.clear();
