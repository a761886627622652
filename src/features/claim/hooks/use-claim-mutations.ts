import {
  defaultScheduler,
  notifyManager,
  type QueryClient,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import type { Claim, ClaimId, SpeakerId, Timestamp, Verdict } from '@/core/model/types';
import {
  type ClaimPatch,
  restoreClaim,
  setClaimsVerdict,
  setClaimVerdict,
  softDeleteClaim,
  updateClaim,
} from '@/db/claims';
import { claimQueries } from '@/db/queries';
import { createSpeaker, mergeSpeakers, type SpeakerInput, updateSpeaker } from '@/db/speakers';

/**
 * Mutations wrap repository functions only; the storagemutated bridge refreshes every view (a verdict
 * also shows at once in the article's claim list and the claim panel, see `showVerdict`). Claim
 * edits pass the `updatedAt` the screen showed, so the result says whether another tab changed the
 * claim meanwhile (the later write still wins).
 */
type Checked = Readonly<{ id: ClaimId; expectedUpdatedAt: Timestamp }>;

/** Every article's claim list (`claimQueries.byArticle`), whatever the article. */
const articleLists = { queryKey: claimQueries.byArticleAll() } as const;

/**
 * Runs `update`'s cache writes as one notification, told to the screens in this task (a microtask)
 * instead of TanStack Query's `setTimeout`: a verdict chosen in a change event or a key press renders
 * once, in that event's task, and the next frame shows it. (With the timeout, a frame still showing the
 * old verdict came first, and each `setQueryData` was a render of its own.) Only this batch's flush
 * goes through the microtask: every other notification keeps the default scheduler.
 */
function inThisTask(update: () => void) {
  notifyManager.setScheduler(queueMicrotask);
  try {
    notifyManager.batch(update);
  } finally {
    notifyManager.setScheduler(defaultScheduler);
  }
}

/**
 * Shows a verdict at once in the article claim lists holding these claims and in the claims' own
 * reads (the claim panel), before the write, rendered in the task that asked for it (`inThisTask`):
 * the write's refetch then confirms it (or, if the write fails, puts back what is stored). A refetch
 * already running is cancelled first, so what it read before the write cannot overwrite this.
 */
const showVerdict = (client: QueryClient, ids: readonly ClaimId[], verdict: Verdict) =>
  inThisTask(() => showVerdictNow(client, ids, verdict));

function showVerdictNow(client: QueryClient, ids: readonly ClaimId[], verdict: Verdict) {
  const wanted = new Set<string>(ids);
  const holds = (claims: readonly Claim[] | undefined) => claims?.some((c) => wanted.has(c.id)) ?? false;
  const lists = client.getQueriesData<Claim[]>(articleLists).filter(([, claims]) => holds(claims));
  for (const [queryKey, claims] of lists) {
    void client.cancelQueries({ queryKey, exact: true });
    client.setQueryData<Claim[]>(
      queryKey,
      claims?.map((c) => (wanted.has(c.id) && c.verdict !== verdict ? { ...c, verdict } : c)),
    );
  }
  for (const id of ids) {
    const { queryKey } = claimQueries.detail(id);
    const shown = client.getQueryData<Claim | null>(queryKey);
    if (!shown || shown.verdict === verdict) continue;
    void client.cancelQueries({ queryKey, exact: true });
    const next: Claim = { ...shown, verdict };
    client.setQueryData<Claim | null>(queryKey, next);
  }
}

const readAgain = (client: QueryClient, ids: readonly ClaimId[]) =>
  Promise.all([
    client.invalidateQueries(articleLists),
    ...ids.map((id) => client.invalidateQueries({ queryKey: claimQueries.detail(id).queryKey, exact: true })),
  ]);

export const useSetVerdict = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, verdict, expectedUpdatedAt }: Checked & { verdict: Verdict }) =>
      setClaimVerdict(id, verdict, { expectedUpdatedAt }),
    onMutate: ({ id, verdict }) => showVerdict(client, [id], verdict),
    onError: (_e, { id }) => readAgain(client, [id]),
  });
};

/** One verdict on every part of a quotation, as one history batch (one undo step). */
export const useSetVerdicts = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, verdict }: { ids: readonly ClaimId[]; verdict: Verdict }) =>
      setClaimsVerdict(ids, verdict),
    onMutate: ({ ids, verdict }) => showVerdict(client, ids, verdict),
    onError: (_e, { ids }) => readAgain(client, ids),
  });
};

export const useUpdateClaim = () =>
  useMutation({
    mutationFn: ({ id, patch, expectedUpdatedAt }: Checked & { patch: ClaimPatch }) =>
      updateClaim(id, patch, { expectedUpdatedAt }),
  });

export const useSetSpeaker = () =>
  useMutation({
    mutationFn: ({ id, speakerId, expectedUpdatedAt }: Checked & { speakerId: SpeakerId | null }) =>
      updateClaim(id, { speakerId }, { expectedUpdatedAt }),
  });

export const useCreateSpeaker = () =>
  useMutation({ mutationFn: (input: SpeakerInput) => createSpeaker(input) });

export const useRenameSpeaker = () =>
  useMutation({
    mutationFn: ({ id, name, role }: { id: SpeakerId; name: string; role?: string | null }) =>
      updateSpeaker(id, role === undefined ? { name } : { name, role }),
  });

export const useMergeSpeakers = () =>
  useMutation({
    mutationFn: ({ keepId, otherId }: { keepId: SpeakerId; otherId: SpeakerId }) =>
      mergeSpeakers(keepId, [otherId]),
  });

export const useDeleteClaim = () => useMutation({ mutationFn: (id: ClaimId) => softDeleteClaim(id) });
export const useRestoreClaim = () => useMutation({ mutationFn: (id: ClaimId) => restoreClaim(id) });
