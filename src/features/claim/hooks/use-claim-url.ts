import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useClaimSelected, useSelectionCleared, useUiStore } from '@/stores/ui-store';

type Hrefs = Readonly<{ article: string; claim: (claimId: string) => string }>;

/**
 * Keeps the open claim in the URL (`…/claims/:claimId`, or `?claim=` on the article URL): a link or
 * a reload opens the same claim, and choosing a claim updates the address without a history entry.
 * Navigations are asynchronous, so the addresses this hook wrote are remembered and not read back
 * as new requests (quick j/k presses would otherwise be undone by a late URL update).
 */
export function useClaimUrl(selected: string | null, hrefs: Hrefs) {
  const { claimId } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const claimSelected = useClaimSelected();
  const selectionCleared = useSelectionCleared();
  const fromUrl = claimId ?? params.get('claim') ?? null;
  const written = useRef(new Set<string>());
  const lastWritten = useRef<string | null>(null);
  const firstSelection = useRef(true);

  // The address changed: open what it names, unless this hook wrote it.
  useEffect(() => {
    const key = fromUrl ?? '';
    if (written.current.has(key)) {
      if (key === lastWritten.current) written.current.clear();
      return;
    }
    const current = useUiStore.getState().selectedClaimId;
    if (fromUrl && fromUrl !== current) claimSelected(fromUrl, 'keyboard');
    else if (!fromUrl && current) selectionCleared();
  }, [fromUrl, claimSelected, selectionCleared]);

  // The selection changed here: write it to the address.
  const { article, claim } = hrefs;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new selection writes the address; a new address is read above.
  useEffect(() => {
    if (firstSelection.current) {
      firstSelection.current = false;
      if (selected === null) return;
    }
    const want = selected ? claim(selected) : article;
    if (`${location.pathname}${location.search}` === want) return;
    const key = selected ?? '';
    written.current.add(key);
    lastWritten.current = key;
    navigate(want, { replace: true, preventScrollReset: true });
  }, [selected]);
}
