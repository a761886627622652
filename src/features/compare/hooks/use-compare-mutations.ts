import { useMutation } from '@tanstack/react-query';
import type { ArticleId, ClaimId, QuestionId, Stance } from '@/core/model/types';
import { describeDbError } from '@/db/errors';
import { newBatchId } from '@/db/history';
import { getMeta, setMeta } from '@/db/meta';
import { createQuestion, setStance, softDeleteQuestion, updateQuestion } from '@/db/questions';
import { undo } from '@/db/undo';
import { announce, showToast } from '@/ui/toast';
import { HANDLED_SUGGESTIONS_KEY } from './use-compare-data';

const onError = (error: unknown) => showToast(describeDbError(error), { tone: 'error' });

/** Offers Undo for the batch a change wrote. */
const undoAction = (batchId: string) => ({
  label: 'Undo',
  run: () => {
    undo({ batchId })
      .then((r) => r && showToast(r.message))
      .catch(onError);
  },
});

export function useCompareMutations() {
  const addQuestion = useMutation({
    mutationFn: ({ text, articleIds }: { text: string; articleIds: readonly ArticleId[] }) =>
      createQuestion(text, articleIds),
    onSuccess: (q) => {
      announce(`Question added: ${q.text}`);
      showToast(`Question added: “${q.text}”`);
    },
    onError,
  });
  const rewordQuestion = useMutation({
    mutationFn: ({ id, text }: { id: QuestionId; text: string }) => updateQuestion(id, { text }),
    onSuccess: (q) => announce(`Question reworded: ${q.text}`),
    onError,
  });
  const deleteQuestion = useMutation({
    mutationFn: async (id: QuestionId) => {
      const batchId = newBatchId();
      return { q: await softDeleteQuestion(id, { batchId }), batchId };
    },
    onSuccess: ({ q, batchId }) =>
      showToast(`Question deleted: “${q.text}”`, { action: undoAction(batchId) }),
    onError,
  });
  const place = useMutation({
    mutationFn: async (p: { questionId: QuestionId; claimId: ClaimId; stance: Stance | null }) => {
      const batchId = newBatchId();
      return { q: await setStance(p.questionId, p.claimId, p.stance, { batchId }), batchId };
    },
    onSuccess: ({ q, batchId }, p) => {
      const message =
        p.stance === null ? `Claim taken off “${q.text}”.` : `Claim placed under “${q.text}” as ${p.stance}.`;
      announce(message);
      showToast(message, { action: undoAction(batchId) });
    },
    onError,
  });
  const handleSuggestion = useMutation({
    mutationFn: async (id: string) => {
      const handled = (await getMeta<string[]>(HANDLED_SUGGESTIONS_KEY)) ?? [];
      if (!handled.includes(id)) await setMeta(HANDLED_SUGGESTIONS_KEY, [...handled, id].slice(-2000));
    },
    onError,
  });
  return { addQuestion, rewordQuestion, deleteQuestion, place, handleSuggestion };
}
