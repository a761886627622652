import { useSelectedClaim } from '@/stores/selected-claim';
import { useShortcuts } from '@/ui/shortcuts';

/**
 * `j` / `k` move to the next / previous claim in reading order (a quotation of several parts is one
 * step: `leadOf` maps each part to its first part, the one `orderedClaimIds` lists), going on from
 * the open claim or, after Esc, from the claim just closed; Escape closes the claim. Registered in the shared
 * shortcut registry, so `?` lists them.
 */
export function useClaimKeys(orderedClaimIds: readonly string[], leadOf?: ReadonlyMap<string, string>) {
  const { select, clear, current } = useSelectedClaim();
  const move = (step: 1 | -1) => {
    if (orderedClaimIds.length === 0) return;
    const { claimId, closedId } = current();
    const indexOf = (id: string) => orderedClaimIds.indexOf(leadOf?.get(id) ?? id);
    const at = claimId ? indexOf(claimId) : -1;
    const from = at >= 0 ? at : closedId ? indexOf(closedId) : -1;
    const next = from < 0 ? 0 : Math.min(Math.max(from + step, 0), orderedClaimIds.length - 1);
    if (at >= 0 && next === at && claimId !== orderedClaimIds[at]) return; // a later part at either end stays open
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
