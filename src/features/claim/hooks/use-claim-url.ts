import { useEffect, useRef } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useClaimSelected, useSelectionCleared, useUiStore } from '@/stores/ui-store';

type Hrefs = Readonly<{ article: string; claim: (claimId: string) => string }>;

/**
 * Keeps the open claim in the URL (`…/claims/:claimId`, or `?claim=` on the article URL): a link or
 * a reload opens the same claim, and choosing a claim updates the address without a history entry.
 */
export function useClaimUrl(selected: string | null, hrefs: Hrefs) {
  const { claimId } = useParams();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const claimSelected = useClaimSelected();
  const selectionCleared = useSelectionCleared();
  const fromUrl = claimId ?? params.get('claim') ?? null;
  const previousUrl = useRef<string | null>(null);
  const firstSelection = useRef(true);

  // The address changed (a link, back / forward, first load): open what it names.
  useEffect(() => {
    const before = previousUrl.current;
    previousUrl.current = fromUrl;
    const current = useUiStore.getState().selectedClaimId;
    if (fromUrl && fromUrl !== current) claimSelected(fromUrl, 'keyboard');
    else if (!fromUrl && before && current) selectionCleared();
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
    if (`${location.pathname}${location.search}` !== want) {
      previousUrl.current = selected;
      navigate(want, { replace: true, preventScrollReset: true });
    }
  }, [selected]);
}
