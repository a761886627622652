import '../claim-panel.css';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleId, Claim, ClaimId, Verdict } from '@/core/model/types';
import { snapToWords } from '@/core/review/spans';
import { verdictForDigit, verdictLabel, verdictNeedsSource } from '@/core/review/verdicts';
import { addManualClaim, restoreClaim } from '@/db/claims';
import { describeDbError } from '@/db/errors';
import { countClaimSources } from '@/db/evidence';
import { articleQueries, claimQueries, evidenceQueries } from '@/db/queries';
import { useClaimSelected, useSelectedClaimId, useSelectionCleared } from '@/stores/ui-store';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { describeShortcuts, useShortcuts } from '@/ui/shortcuts';
import { announce, showToast } from '@/ui/toast';
import { type ArticleSelection, readArticleSelection } from '../article-selection';
import { type ConflictNotice, noticeOf } from '../conflict';
import { useDeleteClaim, useSetVerdict, useUpdateClaim } from '../hooks/use-claim-mutations';
import { useClaimUrl } from '../hooks/use-claim-url';
import { ClaimPanel, type PanelFocus, type ShownVerdict } from './claim-panel';
import { SelectionTool } from './selection-tool';

/** Asks for a verdict on any claim of the article: set at once, or confirmed first when it has no source. */
export type VerdictRequester = (claim: Claim, verdict: Verdict) => void;

type Props = Readonly<{
  articleId: ArticleId;
  articleHref: string;
  claimHref: (claimId: string) => string;
  /** Filled with this screen's verdict requester, for the claim list's verdict menu. */
  verdictRequests?: { current: VerdictRequester | null };
  /** Actions on the open claim composed in by the app (e.g. the export button). */
  claimActions?: (claimId: string) => ReactNode;
}>;

const NO_CLAIMS: readonly Claim[] = [];
const isPhone = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 820px)').matches;

export const CLAIM_SHORTCUTS = [
  { keys: '1–9', description: 'Set the verdict (1 Unchecked … 9 Unverifiable)' },
  { keys: 's', description: 'Add a source to the claim' },
  { keys: 't', description: 'Tag the claim' },
  { keys: 'r', description: 'Reassign the claim to another speaker' },
  { keys: 'e', description: 'Edit the claim’s span: select the new words, then Enter' },
  { keys: 'n', description: 'Add a claim from the text selected in the article' },
] as const;
describeShortcuts('Claim', CLAIM_SHORTCUTS);

/**
 * The review side of the article screen: the claim panel for the selected claim, the floating
 * “Add claim” button for selected text, the claim shortcuts, and the claim's place in the URL.
 */
export function ClaimReview({ articleId, articleHref, claimHref, verdictRequests, claimActions }: Props) {
  const article = useQuery(articleQueries.detail(articleId)).data;
  const claims = useQuery(claimQueries.byArticle(articleId)).data ?? NO_CLAIMS;
  const selected = useSelectedClaimId() as ClaimId | null;
  const claimSelected = useClaimSelected();
  const selectionCleared = useSelectionCleared();
  const [focus, setFocus] = useState<PanelFocus | null>(null);
  const [spanEditing, setSpanEditing] = useState(false);
  const [sourceFormOpen, setSourceFormOpen] = useState(false);
  const [pendingVerdict, setPendingVerdict] = useState<Verdict | null>(null);
  const [askVerdict, setAskVerdict] = useState<Verdict | null>(null);
  const queued = useRef<{ claimId: string; verdict: Verdict } | null>(null);
  const [conflict, setConflict] = useState<ConflictNotice | null>(null);
  const [shownVerdict, setShownVerdict] = useState<ShownVerdict | null>(null);
  const setVerdict = useSetVerdict();
  const update = useUpdateClaim();
  const remove = useDeleteClaim();
  const addClaim = useMutation({
    mutationFn: (span: { start: number; end: number }) => addManualClaim({ articleId, ...span }),
  });
  const evidence = useQuery({
    ...evidenceQueries.byClaim(selected ?? ('' as ClaimId)),
    enabled: selected !== null,
  });

  useClaimUrl(selected, { article: articleHref, claim: claimHref });

  const ordered = useMemo(() => [...claims].sort((a, b) => a.start - b.start), [claims]);
  const index = selected ? ordered.findIndex((c) => c.id === selected) : -1;
  const claim = index >= 0 ? ordered[index]! : null;

  const focusPanel = (target: PanelFocus['target'], claimId: string | null = selected) =>
    claimId && setFocus((f) => ({ target, claimId, n: (f?.n ?? 0) + 1 }));

  // A new claim: leave span editing and forms behind; on phones the sheet takes the focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the selection changes only.
  useEffect(() => {
    setSpanEditing(false);
    setSourceFormOpen(false);
    setPendingVerdict(null);
    setConflict(null);
    if (selected && isPhone()) focusPanel('heading', selected);
  }, [selected]);

  const onError = (e: unknown) => showToast(describeDbError(e), { tone: 'error' });

  const applyVerdict = (target: Claim, verdict: Verdict) => {
    // Shown at once, until the saved claim (a newer updatedAt) replaces it.
    setShownVerdict({ claimId: target.id, verdict, since: target.updatedAt });
    setVerdict.mutate(
      { id: target.id, verdict, expectedUpdatedAt: target.updatedAt },
      {
        onSuccess: (result) => {
          announce(`Verdict set to ${verdictLabel(verdict)}.`);
          setConflict(noticeOf(result));
        },
        onError: (e) => {
          setShownVerdict(null);
          onError(e);
        },
      },
    );
  };

  const requestVerdict = async (verdict: Verdict) => {
    if (!claim || claim.verdict === verdict) return;
    // Sources not loaded yet (a digit pressed right after opening): count them.
    const sources = evidence.data?.length ?? (await countClaimSources(claim.id).catch(onError));
    if (sources === undefined) return; // the count failed (e.g. the database was closed): onError said so
    if (verdictNeedsSource(verdict) && sources === 0) setAskVerdict(verdict);
    else applyVerdict(claim, verdict);
  };

  /** From the claim list: a claim with sources (or an open verdict) is set at once; otherwise it opens and asks. */
  const requestVerdictFor: VerdictRequester = (target, verdict) => {
    if (target.id === claim?.id) return void requestVerdict(verdict);
    if (target.verdict === verdict) return;
    if (!verdictNeedsSource(verdict)) return applyVerdict(target, verdict);
    void countClaimSources(target.id).then((n) => {
      if (n > 0) return applyVerdict(target, verdict);
      queued.current = { claimId: target.id, verdict };
      claimSelected(target.id, 'list');
    }, onError);
  };
  useEffect(() => {
    if (verdictRequests) verdictRequests.current = requestVerdictFor;
  });

  const openSourceForm = () => {
    setSourceFormOpen(true);
    focusPanel('source');
  };

  const applySelection = (sel: ArticleSelection) => {
    if (!article) return;
    const span = snapToWords(article.text, sel);
    if (!span) return showToast('Select some words of the article first.', { tone: 'error' });
    if (spanEditing && claim) {
      update.mutate(
        { id: claim.id, patch: { start: span.start, end: span.end }, expectedUpdatedAt: claim.updatedAt },
        {
          onSuccess: (result) => {
            setConflict(noticeOf(result));
            setSpanEditing(false);
            showToast('Claim text updated');
          },
          onError,
        },
      );
      return;
    }
    addClaim.mutate(span, {
      onSuccess: (added) => {
        claimSelected(added.id, 'text');
        showToast('Claim added. Choose its speaker.');
        focusPanel('speaker', added.id);
      },
      onError,
    });
  };

  const deleteClaim = () => {
    if (!claim) return;
    const id = claim.id;
    const neighbour = ordered[index + 1] ?? ordered[index - 1] ?? null;
    remove.mutate(id, {
      onSuccess: () => {
        if (neighbour) claimSelected(neighbour.id, 'keyboard');
        else selectionCleared();
        showToast('Claim deleted', {
          action: {
            label: 'Undo',
            run: () =>
              void restoreClaim(id).then(() => {
                claimSelected(id, 'keyboard');
                announce('Claim restored.');
              }, onError),
          },
        });
      },
      onError,
    });
  };

  const hasClaim = () => claim !== null;
  useShortcuts('Claim', [
    {
      keys: '1–9',
      description: CLAIM_SHORTCUTS[0].description,
      match: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
      enabled: hasClaim,
      run: (e) => {
        const v = verdictForDigit(e.key);
        if (v) requestVerdict(v);
      },
    },
    {
      keys: 's',
      description: CLAIM_SHORTCUTS[1].description,
      match: ['s'],
      enabled: hasClaim,
      run: openSourceForm,
    },
    {
      keys: 't',
      description: CLAIM_SHORTCUTS[2].description,
      match: ['t'],
      enabled: hasClaim,
      run: () => focusPanel('tags'),
    },
    {
      keys: 'r',
      description: CLAIM_SHORTCUTS[3].description,
      match: ['r'],
      enabled: hasClaim,
      run: () => focusPanel('speaker'),
    },
    {
      keys: 'e',
      description: CLAIM_SHORTCUTS[4].description,
      match: ['e'],
      enabled: hasClaim,
      run: () => {
        setSpanEditing((v) => !v);
        announce(
          spanEditing
            ? 'Span editing cancelled.'
            : 'Select the new words of the claim in the article, then press Enter.',
        );
      },
    },
    {
      keys: 'n',
      description: CLAIM_SHORTCUTS[5].description,
      match: ['n'],
      run: () => {
        const sel = readArticleSelection();
        if (sel) applySelection({ ...sel });
        else announce('Select some words in the article text first.');
      },
    },
    {
      keys: 'Enter',
      description: 'Use the selected text as the claim’s new span (while editing the span)',
      match: ['Enter'],
      enabled: () => spanEditing && readArticleSelection() !== null,
      run: () => {
        const sel = readArticleSelection();
        if (sel) applySelection(sel);
      },
    },
    {
      keys: 'Esc',
      description: 'Stop editing the span',
      match: ['Escape'],
      enabled: () => spanEditing,
      run: () => {
        setSpanEditing(false);
        announce('Span editing cancelled.');
      },
    },
  ]);

  // A verdict asked from the list for a claim with no source: asked here once that claim is open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the open claim changes.
  useEffect(() => {
    const q = queued.current;
    if (q && claim?.id === q.claimId) {
      queued.current = null;
      void requestVerdict(q.verdict);
    }
  }, [claim?.id]);

  return (
    <>
      {claim && article && (
        <ClaimPanel
          key={claim.id}
          claimId={claim.id}
          actions={claimActions?.(claim.id)}
          article={article}
          number={index + 1}
          total={ordered.length}
          previous={ordered[index - 1] ?? null}
          next={ordered[index + 1] ?? null}
          focus={focus}
          spanEditing={spanEditing}
          sourceFormOpen={sourceFormOpen}
          onSourceFormChange={(open, attached) => {
            setSourceFormOpen(open);
            if (!open && attached && pendingVerdict) {
              applyVerdict(claim, pendingVerdict);
              setPendingVerdict(null);
            }
          }}
          onVerdict={(v) => void requestVerdict(v)}
          onSpanEdit={() => setSpanEditing((v) => !v)}
          onDelete={deleteClaim}
          onSelect={(id) => claimSelected(id, 'keyboard')}
          onClose={selectionCleared}
          conflict={conflict}
          shownVerdict={shownVerdict}
          onConflict={setConflict}
        />
      )}
      {selected && !claim && claims.length > 0 && (
        <section className="claim-panel" aria-label="Claim">
          <p className="loading">That claim is not in this article (it may have been deleted).</p>
          <button type="button" onClick={selectionCleared}>
            Close
          </button>
        </section>
      )}
      <SelectionTool mode={spanEditing && claim ? 'span' : 'add'} onUse={applySelection} />
      <ConfirmDialog
        open={askVerdict !== null}
        title={`Set “${askVerdict ? verdictLabel(askVerdict) : ''}” without a source?`}
        description={
          <p>
            A verdict other than Unchecked or In progress should rest on at least one source. Without one, the
            claim is flagged “No source” in lists.
          </p>
        }
        alternative={{
          label: 'Add a source first',
          onSelect: () => {
            setPendingVerdict(askVerdict);
            setAskVerdict(null);
            openSourceForm();
          },
        }}
        confirmLabel="Set without a source"
        onConfirm={() => {
          if (claim && askVerdict) applyVerdict(claim, askVerdict);
          setAskVerdict(null);
        }}
        onCancel={() => setAskVerdict(null)}
      />
    </>
  );
}
