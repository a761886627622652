import { useEffect, useRef } from 'react';
import { flushSync } from 'react-dom';
import { aheadSelection } from '@/features/article/selection-store';
import { useSelectedClaim } from '@/stores/selected-claim';
import { settleBeforeNextKey, useShortcuts } from '@/ui/shortcuts';
import { afterNextPaint } from '@/ui/use-after-paint';

/**
 * `j` / `k` move to the next / previous claim in reading order (a quotation of several parts is one
 * step: `leadOf` maps each part to its first part, the one `orderedClaimIds` lists), going on from
 * the open claim or, after Esc, from the claim just closed; Escape closes the claim. Registered in the shared
 * shortcut registry, so `?` lists them.
 *
 * A `j` shows the next claim in the list and the text at once (`aheadSelection`: only their rows
 * render, and the open row is scrolled to) and writes the URL after that frame: the navigation
 * (the history entry, the route's render, the claim review) is not in the key's frame. Another key
 * pressed first writes it before its own binding runs (`settleBeforeNextKey`); a navigation made
 * meanwhile (a click) wins over it, and leaving the screen drops it.
 */
export function useClaimKeys(orderedClaimIds: readonly string[], leadOf?: ReadonlyMap<string, string>) {
  const { select, clear, current } = useSelectedClaim();
  const pending = useRef<(() => void) | null>(null);
  // Leaving the screen drops a write not made yet: it would bring the claim's URL back.
  useEffect(
    () => () => {
      pending.current?.();
      pending.current = null;
      settleBeforeNextKey(null);
      aheadSelection.set(null);
    },
    [],
  );

  /** Opens `claimId` in the rows now, in the URL after the frame. */
  const showThenWrite = (claimId: string) => {
    pending.current?.();
    const { claimId: open, closedId } = current();
    const from = { claimId: open, closedId };
    aheadSelection.set({ claimId, origin: 'keyboard', from });
    const write = () => {
      cancel();
      pending.current = null;
      settleBeforeNextKey(null);
      const now = current();
      // Not if the URL moved on meanwhile (a click opened another claim): that navigation stands.
      if (now.claimId !== from.claimId || now.closedId !== from.closedId) aheadSelection.set(null);
      else
        flushSync(() => {
          select(claimId, 'keyboard');
          aheadSelection.set(null);
        });
    };
    const cancel = afterNextPaint(write);
    pending.current = cancel;
    settleBeforeNextKey(write);
  };

  const move = (step: 1 | -1) => {
    if (orderedClaimIds.length === 0) return;
    const { claimId, closedId } = current();
    const indexOf = (id: string) => orderedClaimIds.indexOf(leadOf?.get(id) ?? id);
    const at = claimId ? indexOf(claimId) : -1;
    const from = at >= 0 ? at : closedId ? indexOf(closedId) : -1;
    const next = from < 0 ? 0 : Math.min(Math.max(from + step, 0), orderedClaimIds.length - 1);
    if (at >= 0 && next === at && claimId !== orderedClaimIds[at]) return; // a later part at either end stays open
    showThenWrite(orderedClaimIds[next]!);
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
