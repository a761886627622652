import { useMutation } from '@tanstack/react-query';
import { STANCE_LABELS } from '@/core/compare/types';
import type { ArticleId, ClaimId, QuestionId, Stance } from '@/core/model/types';
import { describeDbError } from '@/db/errors';
import { newBatchId } from '@/db/history';
import { getMeta, setMeta } from '@/db/meta';
import { createQuestion, setStance, softDeleteQuestion, updateQuestion } from '@/db/questions';
import { announce, showToast } from '@/ui/toast';
import { showUndoToast } from '@/ui/undo-toast';
import { HANDLED_SUGGESTIONS_KEY } from './use-compare-data';

const onError = (error: unknown) => showToast(describeDbError(error), { tone: 'error' });

export function useCompareMutations() {
  const addQuestion = useMutation({
    mutationFn: ({ text, articleIds }: { text: string; articleIds: readonly ArticleId[] }) =>
      createQuestion(text, articleIds),
    // the toaster is a polite status region: the toast is what a screen reader says
    onSuccess: (q) => showToast(`Question added: “${q.text}”`),
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
    onSuccess: ({ q, batchId }) => showUndoToast(`Question deleted: “${q.text}”`, batchId),
    onError,
  });
  const place = useMutation({
    mutationFn: async (p: { questionId: QuestionId; claimId: ClaimId; stance: Stance | null }) => {
      const batchId = newBatchId();
      return { q: await setStance(p.questionId, p.claimId, p.stance, { batchId }), batchId };
    },
    onSuccess: ({ q, batchId }, p) => {
      // what was done first: a phone shows two lines of a toast, and the question can be long
      const message =
        p.stance === null
          ? `Claim taken off “${q.text}”.`
          : `Placed as ${STANCE_LABELS[p.stance]} under “${q.text}”.`;
      showUndoToast(message, batchId, undefined, 'compare-place');
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
