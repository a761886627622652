import { useEffect } from 'react';
import { useUiStore } from '@/stores/ui-store';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * `j` / `k` move to the next / previous claim in reading order; Escape clears the selection.
 * Reads the selection when a key is pressed, so the screen does not re-render on every move.
 */
export function useClaimKeys(orderedClaimIds: readonly string[]) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      const { selectedClaimId: selected, claimSelected, selectionCleared } = useUiStore.getState();
      if (e.key === 'Escape' && selected) return selectionCleared();
      if ((e.key !== 'j' && e.key !== 'k') || orderedClaimIds.length === 0) return;
      e.preventDefault();
      const at = selected ? orderedClaimIds.indexOf(selected) : -1;
      const next =
        at < 0 ? 0 : e.key === 'j' ? Math.min(at + 1, orderedClaimIds.length - 1) : Math.max(at - 1, 0);
      claimSelected(orderedClaimIds[next]!, 'keyboard');
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [orderedClaimIds]);
}
