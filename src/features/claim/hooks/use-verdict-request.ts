import { useCallback, useRef } from 'react';
import type { Claim, Verdict } from '@/core/model/types';
import { verdictLabel, verdictNeedsSource } from '@/core/review/verdicts';
import { describeDbError } from '@/db/errors';
import { countClaimSources } from '@/db/evidence';
import { type ConflictNotice, noticeOf } from '@/features/claim/conflict';
import { useSetVerdict } from '@/features/claim/hooks/use-claim-mutations';
import { canWriteNow } from '@/stores/can-write';
import { useSelectedClaim } from '@/stores/selected-claim';
import { announce, showToast } from '@/ui/toast';

/** Sets a verdict on a claim, the checks already made. */
export type VerdictApplier = (claim: Claim, verdict: Verdict) => void;
/** Asks for a verdict on a claim: every way of choosing a verdict goes through one of these. */
export type VerdictRequester = (claim: Claim, verdict: Verdict) => void;

type ApplyHooks = Readonly<{
  /** Before the write, e.g. to show the verdict at once. */
  onStart?: (claim: Claim, verdict: Verdict) => void;
  /** After the write: what another tab changed meanwhile, if anything (default: a toast). */
  onSaved?: (notice: ConflictNotice | null) => void;
  onFailed?: () => void;
}>;

/** Saves a verdict (checked against the claim as shown) and announces it. Stable while `hooks` are. */
export function useApplyVerdict(hooks: ApplyHooks = {}): VerdictApplier {
  const { mutate } = useSetVerdict();
  const latest = useRef(hooks);
  latest.current = hooks;
  return useCallback(
    (claim, verdict) => {
      latest.current.onStart?.(claim, verdict);
      mutate(
        { id: claim.id, verdict, expectedUpdatedAt: claim.updatedAt },
        {
          onSuccess: (result) => {
            announce(`Verdict set to ${verdictLabel(verdict)}.`);
            const notice = noticeOf(result);
            if (latest.current.onSaved) latest.current.onSaved(notice);
            else if (notice) showToast(notice.text);
          },
          onError: (e) => {
            latest.current.onFailed?.();
            showToast(describeDbError(e), { tone: 'error' });
          },
        },
      );
    },
    [mutate],
  );
}

/**
 * The one way to ask for a verdict. A verdict that needs no source, or a claim that has one, is
 * set at once; a rating for a claim with no source opens that claim with the question in the URL's
 * state, and the claim review asks it (set anyway, or add a source first).
 */
export function useVerdictRequest(apply: VerdictApplier): VerdictRequester {
  const { select, current, origin } = useSelectedClaim();
  const openOrigin = useRef(origin);
  openOrigin.current = origin;
  return useCallback(
    (claim, verdict) => {
      if (claim.verdict === verdict) return;
      const allowed = canWriteNow();
      if (!allowed.canWrite) return showToast(allowed.reason);
      if (!verdictNeedsSource(verdict)) return apply(claim, verdict);
      countClaimSources(claim.id).then(
        (sources) => {
          if (sources > 0) return apply(claim, verdict);
          const open = current().claimId === claim.id;
          select(claim.id, open ? (openOrigin.current ?? 'keyboard') : 'list', { askVerdict: verdict });
        },
        (e: unknown) => showToast(describeDbError(e), { tone: 'error' }),
      );
    },
    [apply, select, current],
  );
}
