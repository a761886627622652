import { useCallback, useState } from 'react';

/** What a shortcut asked the panel to focus or open; `n` makes a repeat a new request. */
export type PanelFocus = Readonly<{
  target: 'source' | 'tags' | 'speaker' | 'heading';
  n: number;
  claimId: string;
}>;

/** Requests to move the focus inside the claim panel (a shortcut, a new claim, the phone sheet opening). */
export function usePanelFocus(openClaimId: string | null) {
  const [focus, setFocus] = useState<PanelFocus | null>(null);
  const focusPanel = useCallback(
    (target: PanelFocus['target'], claimId: string | null = openClaimId) => {
      if (claimId) setFocus((f) => ({ target, claimId, n: (f?.n ?? 0) + 1 }));
    },
    [openClaimId],
  );
  return { focus, focusPanel };
}
