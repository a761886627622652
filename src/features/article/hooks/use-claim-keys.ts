import { useSelectedClaim } from '@/stores/selected-claim';
import { useShortcuts } from '@/ui/shortcuts';

/**
 * `j` / `k` move to the next / previous claim in reading order, going on from the open claim or,
 * after Esc, from the claim just closed; Escape closes the claim. Registered in the shared
 * shortcut registry, so `?` lists them.
 */
export function useClaimKeys(orderedClaimIds: readonly string[]) {
  const { select, clear, current } = useSelectedClaim();
  const move = (step: 1 | -1) => {
    if (orderedClaimIds.length === 0) return;
    const { claimId, closedId } = current();
    const at = claimId ? orderedClaimIds.indexOf(claimId) : -1;
    const from = at >= 0 ? at : closedId ? orderedClaimIds.indexOf(closedId) : -1;
    const next = from < 0 ? 0 : Math.min(Math.max(from + step, 0), orderedClaimIds.length - 1);
    select(orderedClaimIds[next]!, 'keyboard');
  };

  useShortcuts('Article', [
    { keys: 'j', description: 'Next claim', match: ['j'], run: () => move(1) },
    { keys: 'k', description: 'Previous claim', match: ['k'], run: () => move(-1) },
    {
      keys: 'Esc',
      description: 'Close the claim',
      match: ['Escape'],
      run: clear,
      enabled: () => current().claimId !== null,
    },
  ]);
}
