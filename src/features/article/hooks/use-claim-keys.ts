import { useClaimSelected, useSelectedClaimId, useSelectionCleared } from '@/stores/ui-store';
import { useShortcuts } from '@/ui/shortcuts';

/** `j` / `k` move to the next / previous claim in reading order; Escape clears the selection. */
export function useClaimKeys(orderedClaimIds: readonly string[]) {
  const selected = useSelectedClaimId();
  const claimSelected = useClaimSelected();
  const selectionCleared = useSelectionCleared();

  const move = (step: 1 | -1) => {
    if (orderedClaimIds.length === 0) return;
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
      run: selectionCleared,
      enabled: () => selected !== null,
    },
  ]);
}
