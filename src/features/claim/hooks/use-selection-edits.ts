import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Article, Claim } from '@/core/model/types';
import { checkClaimSelection, type Span } from '@/core/review/spans';
import { addManualClaim } from '@/db/claims';
import { describeDbError } from '@/db/errors';
import type { ArticleSelection } from '@/features/claim/article-selection';
import type { ConflictNotice } from '@/features/claim/conflict';
import { noticeOf } from '@/features/claim/conflict';
import { useUpdateClaim } from '@/features/claim/hooks/use-claim-mutations';
import { useSelectedClaim } from '@/stores/selected-claim';
import { announce, showToast } from '@/ui/toast';

type Options = Readonly<{
  article: Article | undefined | null;
  claims: readonly Claim[];
  /** The open claim, whose span `e` edits. */
  claim: Claim | null;
  onConflict: (notice: ConflictNotice | null) => void;
  /** A claim was added from the selection: where to go next. */
  onAdded: (claim: Claim) => void;
}>;

const onError = (e: unknown) => showToast(describeDbError(e), { tone: 'error' });

/**
 * Text selected in the article becomes a new claim, or (while editing the span, `e`) the open
 * claim's new words. A selection is clamped to the article text and checked first: page furniture
 * and other claims are refused, and the toast says why.
 */
export function useSelectionEdits({ article, claims, claim, onConflict, onAdded }: Options) {
  const [spanEditing, setSpanEditing] = useState(false);
  const [pendingSpan, setPendingSpan] = useState<Span | null>(null);
  const { select } = useSelectedClaim();
  const update = useUpdateClaim();
  const add = useMutation({
    mutationFn: (input: Parameters<typeof addManualClaim>[0]) => addManualClaim(input),
  });

  const toggleSpanEditing = () => {
    announce(
      spanEditing
        ? 'Span editing cancelled.'
        : 'Select the new words of the claim in the article, then press Enter.',
    );
    setSpanEditing((v) => !v);
  };

  const applySelection = (sel: ArticleSelection) => {
    if (!article) return;
    const editing = spanEditing && claim ? claim : null;
    const check = checkClaimSelection(article.text, sel, article.boilerplate, claims, editing?.id ?? null);
    if (!check.ok) return showToast(check.reason, { tone: 'error' });
    const { span } = check;
    const cut = sel.clamped ? ' (your selection reached outside the article text and was cut to it)' : '';
    if (editing) {
      update.mutate(
        { id: editing.id, patch: { start: span.start, end: span.end }, expectedUpdatedAt: editing.updatedAt },
        {
          onSuccess: (result) => {
            onConflict(noticeOf(result));
            setSpanEditing(false);
            showToast(`Claim text updated${cut}`);
          },
          onError,
        },
      );
      return;
    }
    setPendingSpan(span);
    if (cut) announce(`Your selection reached outside the article text and was cut to it.`);
  };

  /** The person chose the new claim's kind and speaker: save it. */
  const addClaim = (choice: Readonly<Pick<Claim, 'kind' | 'speakerId'>>) => {
    if (!article || !pendingSpan) return;
    add.mutate(
      { articleId: article.id, ...pendingSpan, ...choice },
      {
        onSuccess: (added) => {
          setPendingSpan(null);
          // Not 'text': the panel opening can move the page, and the new highlight must be brought back into view.
          select(added.id, 'keyboard');
          showToast('Claim added');
          onAdded(added);
        },
        onError,
      },
    );
  };

  return {
    spanEditing,
    setSpanEditing,
    toggleSpanEditing,
    applySelection,
    pendingSpan,
    addClaim,
    cancelAdd: () => setPendingSpan(null),
    adding: add.isPending,
  };
}
