import '@/features/claim/claim-panel.css';
import { useQuery } from '@tanstack/react-query';
import { memo, type ReactNode, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleId, Claim, Verdict } from '@/core/model/types';
import { type ClaimsView, claimsView } from '@/core/review/claims-view';
import type { Quotations } from '@/core/review/quotations';
import { articleQueries, claimQueries } from '@/db/queries';
import { readArticleSelection } from '@/features/claim/article-selection';
import { AddClaimDialog } from '@/features/claim/components/add-claim-dialog';
import { ClaimPanel } from '@/features/claim/components/claim-panel';
import { NoSourceConfirm } from '@/features/claim/components/no-source-confirm';
import { SelectionTool } from '@/features/claim/components/selection-tool';
import type { ConflictNotice } from '@/features/claim/conflict';
import { useClaimShortcuts } from '@/features/claim/hooks/use-claim-shortcuts';
import { useDeleteOpenClaim } from '@/features/claim/hooks/use-delete-open-claim';
import { usePanelFocus } from '@/features/claim/hooks/use-panel-focus';
import { useSelectionEdits } from '@/features/claim/hooks/use-selection-edits';
import { useStableHandlers } from '@/features/claim/hooks/use-stable-handlers';
import { useApplyVerdict, useVerdictRequest } from '@/features/claim/hooks/use-verdict-request';
import { useSelectedClaim } from '@/stores/selected-claim';
import { announce } from '@/ui/toast';
import { useAfterPaint } from '@/ui/use-after-paint';

const NO_CLAIMS: readonly Claim[] = [];
/** Renders when what it shows changes: a `j` renders the review (the URL changed), not the panel it shows. */
const Panel = memo(ClaimPanel);
const isPhone = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 820px)').matches;

/**
 * The review side of the article screen: the claim panel for the claim open in the URL, the
 * floating “Add claim” button for selected text, and the claim shortcuts. Each concern is a hook.
 */
export function ClaimReview({
  articleId,
  claimActions,
  claimNotices,
  speakerHref,
}: Readonly<{
  articleId: ArticleId;
  /** Actions on the open claim composed in by the app (e.g. the export button). */
  claimActions?: (claimId: string) => ReactNode;
  /** Notices about the open claim composed in by the app (e.g. a team-sync conflict). */
  claimNotices?: (claimId: string) => ReactNode;
  /** The speaker's profile, linked from the speaker's name. */
  speakerHref?: (speakerId: string) => string;
}>) {
  const article = useQuery(articleQueries.detail(articleId)).data;
  const read = useQuery(claimQueries.byArticle(articleId)).data ?? NO_CLAIMS;
  // The article's claims arriving (all of a long article at once) render in a deferred pass that
  // yields to input, as the screen's list does; later lists (an edit) at once.
  const arrived = useDeferredValue(read !== NO_CLAIMS);
  const claims = arrived ? read : NO_CLAIMS;
  const { claimId: selected, askVerdict, origin, select, clear } = useSelectedClaim();
  const [conflict, setConflict] = useState<ConflictNotice | null>(null);
  const [sourceFormOpen, setSourceFormOpen] = useState(false);
  /** A verdict waiting for the source being added ("Add a source first"). */
  const [pendingVerdict, setPendingVerdict] = useState<Verdict | null>(null);
  const { focus, focusPanel } = usePanelFocus(selected);

  // The panel's ‹ › move by quotation, like j / k; a quotation's parts all take its verdict. After an
  // edit (the same claims, a few changed in place) the last view is patched, not derived again.
  const lastView = useRef<ClaimsView | null>(null);
  const { ordered, numbers, quotations } = useMemo(() => {
    const next = claimsView(claims, lastView.current);
    lastView.current = next;
    return next;
  }, [claims]);
  const { claim, parts } = openIn(ordered, quotations, selected);
  // The panel follows the open claim a frame later: a `j` paints the list's and the text's new
  // highlight first, then the panel mounts for the new claim (its mount is most of a `j`'s work).
  const panelId = useAfterPaint(selected);
  const shown = useMemo(() => openIn(ordered, quotations, panelId), [ordered, quotations, panelId]);
  const panelClaim = shown.claim;
  const actions = useMemo(
    () => (panelClaim ? claimActions?.(panelClaim.id) : undefined),
    [claimActions, panelClaim],
  );
  const notices = useMemo(
    () => (panelClaim ? claimNotices?.(panelClaim.id) : undefined),
    [claimNotices, panelClaim],
  );

  // The verdict shows at once from the query cache (`showVerdict`), put back there if the write fails.
  const applyVerdict = useApplyVerdict({ onSaved: setConflict });
  const requestVerdict = useVerdictRequest(applyVerdict);
  const edits = useSelectionEdits({
    article,
    claims,
    claim,
    onConflict: setConflict,
    onAdded: (added) => focusPanel('speaker', added.id),
  });
  const deleteClaim = useDeleteOpenClaim();

  // A new claim: leave span editing and forms behind; on phones the sheet takes the focus.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the selection changes only.
  useEffect(() => {
    edits.setSpanEditing(false);
    setSourceFormOpen(false);
    setPendingVerdict(null);
    setConflict(null);
    if (selected && isPhone()) focusPanel('heading', selected);
  }, [selected]);

  const openSourceForm = () => {
    setSourceFormOpen(true);
    focusPanel('source');
  };
  // The question closes at once when answered, before the URL (which carries it) catches up.
  const [answered, setAnswered] = useState<Verdict | null>(null);
  if (askVerdict === null && answered !== null) setAnswered(null);
  const asking = claim && askVerdict !== answered ? askVerdict : null;
  const dismissAsk = () => {
    setAnswered(askVerdict);
    if (selected) select(selected, origin ?? 'keyboard');
  };

  useClaimShortcuts({
    hasClaim: claim !== null,
    spanEditing: edits.spanEditing,
    hasSelection: () => readArticleSelection() !== null,
    verdict: (v) => claim && requestVerdict(claim, v, parts),
    openSourceForm,
    focusTags: () => focusPanel('tags'),
    focusSpeaker: () => focusPanel('speaker'),
    toggleSpanEditing: edits.toggleSpanEditing,
    addFromSelection: () => {
      const sel = readArticleSelection();
      if (sel) edits.applySelection(sel);
      else announce('Select some words in the article text first.');
    },
    applySelectionAsSpan: () => {
      const sel = readArticleSelection();
      if (sel) edits.applySelection(sel);
    },
    stopSpanEditing: () => {
      edits.setSpanEditing(false);
      announce('Span editing cancelled.');
    },
  });

  const panelHandlers = useStableHandlers({
    onSourceFormChange: (open: boolean, attached: boolean) => {
      setSourceFormOpen(open);
      if (!open && attached && pendingVerdict && panelClaim) {
        applyVerdict(panelClaim, pendingVerdict, shown.parts);
        setPendingVerdict(null);
      }
    },
    onVerdict: (v: Verdict) => panelClaim && requestVerdict(panelClaim, v, shown.parts),
    onSpanEdit: () => edits.toggleSpanEditing(),
    onDelete: () =>
      panelClaim && deleteClaim(panelClaim, ordered[shown.index + 1] ?? ordered[shown.index - 1] ?? null),
    onSelect: (id: string) => select(id, 'keyboard'),
  });

  return (
    <>
      {panelClaim && article && (
        <Panel
          key={panelClaim.id}
          claimId={panelClaim.id}
          actions={actions}
          notices={notices}
          article={article}
          number={numbers.get(panelClaim.id) ?? shown.index + 1}
          total={ordered.length}
          previous={ordered[shown.index - 1] ?? null}
          next={ordered[shown.index + 1] ?? null}
          previousQuotation={shown.previousQuotation}
          nextQuotation={shown.nextQuotation}
          parts={shown.parts}
          focus={focus}
          spanEditing={edits.spanEditing}
          sourceFormOpen={sourceFormOpen}
          onSourceFormChange={panelHandlers.onSourceFormChange}
          onVerdict={panelHandlers.onVerdict}
          onSpanEdit={panelHandlers.onSpanEdit}
          onDelete={panelHandlers.onDelete}
          onSelect={panelHandlers.onSelect}
          onClose={clear}
          conflict={conflict}
          onConflict={setConflict}
          speakerHref={speakerHref}
        />
      )}
      {selected && !claim && claims.length > 0 && (
        <section className="claim-panel" aria-label="Claim">
          <p className="loading">That claim is not in this article (it may have been deleted).</p>
          <button type="button" onClick={clear}>
            Close
          </button>
        </section>
      )}
      <SelectionTool mode={edits.spanEditing && claim ? 'span' : 'add'} onUse={edits.applySelection} />
      <AddClaimDialog
        articleId={articleId}
        text={
          article && edits.pendingSpan
            ? article.text.slice(edits.pendingSpan.start, edits.pendingSpan.end)
            : null
        }
        busy={edits.adding}
        onAdd={edits.addClaim}
        onCancel={edits.cancelAdd}
      />
      <NoSourceConfirm
        verdict={asking}
        onConfirm={() => {
          if (claim && asking) applyVerdict(claim, asking, parts);
          dismissAsk();
        }}
        onAddSource={() => {
          setPendingVerdict(asking);
          dismissAsk();
          openSourceForm();
        }}
        onCancel={dismissAsk}
      />
    </>
  );
}

/** The open claim in reading order, its quotation's parts, and the quotations around it. */
function openIn(ordered: readonly Claim[], quotations: Quotations<Claim>, claimId: string | null) {
  const index = claimId ? ordered.findIndex((c) => c.id === claimId) : -1;
  const claim = index >= 0 ? ordered[index]! : null;
  const quotation = claim ? quotations.of.get(claim.id) : undefined;
  const parts = quotation?.parts ?? (claim ? [claim] : []);
  const at = quotation ? quotations.list.indexOf(quotation) : -1;
  const previousQuotation = at > 0 ? quotations.list[at - 1]!.parts[0]! : null;
  const nextQuotation = at >= 0 ? (quotations.list[at + 1]?.parts[0] ?? null) : null;
  return { index, claim, parts, previousQuotation, nextQuotation };
}
