import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { Verdict } from '@/core/model/types';

/**
 * The open claim lives in the URL only (`/articles/:articleId/claims/:claimId`): a link or a reload
 * opens the same claim. What else a selection carries travels in the history entry's state, never
 * in a store: where it came from (so each view knows whether to move focus or only scroll), the
 * claim just closed (so `j` goes on from there), and a verdict asked for a claim with no source.
 */
export type SelectionOrigin = 'text' | 'list' | 'keyboard';

export type ClaimNavState = Readonly<{
  origin?: SelectionOrigin;
  /** The claim closed to reach this URL. */
  closed?: string;
  /** A rating verdict asked for the open claim, to confirm (it has no source). */
  askVerdict?: Verdict;
  /** Which of this tab's claim navigations wrote the entry (see `useSelectedClaim`). */
  seq?: number;
}>;

/** The URL of a claim inside an article's URL. */
export const claimUrl = (articleUrl: string, claimId: string) =>
  `${articleUrl}/claims/${encodeURIComponent(claimId)}`;

/** The article's URL, given the URL of one of its claims (or of the article itself). */
export const articleUrlOf = (pathname: string) => pathname.replace(/\/claims\/[^/]+$/, '');

export type SelectedClaim = Readonly<{
  claimId: string | null;
  origin: SelectionOrigin | null;
  /** The claim closed last (after Esc), while none is open. */
  closedId: string | null;
  askVerdict: Verdict | null;
  select: (claimId: string, origin: SelectionOrigin, extra?: Pick<ClaimNavState, 'askVerdict'>) => void;
  clear: () => void;
  /** The open and last-closed claim including selections not rendered yet (for quick key presses). */
  current: () => Readonly<{ claimId: string | null; closedId: string | null }>;
}>;

type Known = Readonly<{ pathname: string; claimId: string | null; closedId: string | null }>;
let lastSeq = 0;

/**
 * Reads and sets the open claim. `select`, `clear` and `current` are stable across renders.
 * Navigations land asynchronously, so what this hook wrote last is remembered until the URL shows
 * it: three quick `j` presses move three claims, not one.
 */
export function useSelectedClaim(): SelectedClaim {
  const { claimId = null } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? {}) as ClaimNavState;
  const closedId = claimId ? null : (state.closed ?? null);
  const known = useRef<Known & { seq: number }>({ pathname: location.pathname, claimId, closedId, seq: 0 });
  // An entry this hook wrote before its latest write is a stale step on the way: keep the latest.
  if ((state.seq ?? Number.POSITIVE_INFINITY) >= known.current.seq) {
    known.current = { pathname: location.pathname, claimId, closedId, seq: known.current.seq };
  }

  // React Router gives a new `navigate` whenever the path changes, and every claim opened changes it:
  // held in a ref, `select` and `clear` stay the same functions, so the memoised rows and highlights
  // that take them render again only when their own selection changes.
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const go = useCallback((url: string, next: Known, navState: ClaimNavState) => {
    const seq = ++lastSeq;
    known.current = { ...next, seq };
    navigateRef.current(url, { replace: true, preventScrollReset: true, state: { ...navState, seq } });
  }, []);
  const select = useCallback<SelectedClaim['select']>(
    (id, origin, extra) => {
      const url = claimUrl(articleUrlOf(known.current.pathname), id);
      go(url, { pathname: url, claimId: id, closedId: null }, { origin, ...extra });
    },
    [go],
  );
  const clear = useCallback(() => {
    const { pathname, claimId: open, closedId: before } = known.current;
    const url = articleUrlOf(pathname);
    const closed = open ?? before;
    go(url, { pathname: url, claimId: null, closedId: closed }, closed ? { closed } : {});
  }, [go]);
  const current = useCallback(() => known.current, []);

  const origin = state.origin ?? null;
  const askVerdict = claimId ? (state.askVerdict ?? null) : null;
  return useMemo(
    () => ({ claimId, origin, closedId, askVerdict, select, clear, current }),
    [claimId, origin, closedId, askVerdict, select, clear, current],
  );
}
