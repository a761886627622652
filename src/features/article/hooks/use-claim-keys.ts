import { useUiStore } from '@/stores/ui-store';
import { useShortcuts } from '@/ui/shortcuts';

/**
 * `j` / `k` move to the next / previous claim in reading order; Escape clears the selection.
 * Registered in the shared shortcut registry (so `?` lists them); reads the selection when a key
 * is pressed, so the screen does not re-render on every move.
 */
export function useClaimKeys(orderedClaimIds: readonly string[]) {
  const move = (step: 1 | -1) => {
    if (orderedClaimIds.length === 0) return;
    const { selectedClaimId: selected, claimSelected } = useUiStore.getState();
    const at = selected ? orderedClaimIds.indexOf(selected) : -1;
    const next = at < 0 ? 0 : Math.min(Math.max(at + step, 0), orderedClaimIds.length - 1);
    claimSelected(orderedClaimIds[next]!, 'keyboard');
  };

  useShortcuts('Article', [
    { keys: 'j', description: 'Next claim', match: ['j'], run: () => move(1) },
    { keys: 'k', description: 'Previous claim', match: ['k'], run: () => move(-1) },
    {
      keys: 'Esc',
      description: 'Close the claim',
      match: ['Escape'],
      run: () => useUiStore.getState().selectionCleared(),
      enabled: () => useUiStore.getState().selectedClaimId !== null,
    },
  ]);
}
