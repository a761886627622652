import { useCallback, useRef } from 'react';
import type { Claim, Verdict } from '@/core/model/types';
import { verdictLabel, verdictNeedsSource } from '@/core/review/verdicts';
import { describeDbError } from '@/db/errors';
import { countClaimSources } from '@/db/evidence';
import { type ConflictNotice, noticeOf } from '@/features/claim/conflict';
import { useSetVerdict, useSetVerdicts } from '@/features/claim/hooks/use-claim-mutations';
import { canWriteNow } from '@/stores/can-write';
import { useSelectedClaim } from '@/stores/selected-claim';
import { announce, showToast } from '@/ui/toast';

/**
 * Sets a verdict on a claim, the checks already made. `parts`, when given, are every claim of the
 * claim's quotation (runs split around the cue): a quotation is one statement, so all take the verdict.
 */
export type VerdictApplier = (claim: Claim, verdict: Verdict, parts?: readonly Claim[]) => void;
/** Asks for a verdict on a claim: every way of choosing a verdict goes through one of these. */
export type VerdictRequester = (claim: Claim, verdict: Verdict, parts?: readonly Claim[]) => void;

const several = (parts: readonly Claim[] | undefined): parts is readonly Claim[] =>
  parts !== undefined && parts.length > 1;

type ApplyHooks = Readonly<{
  /** After the write: what another tab changed meanwhile, if anything (default: a toast). */
  onSaved?: (notice: ConflictNotice | null) => void;
}>;

/**
 * Saves a verdict (checked against the claim as shown) and announces it. The verdict shows at once
 * from the query cache (`showVerdict`); a failed write puts the stored one back there, with a message.
 * Stable while `hooks` are.
 */
export function useApplyVerdict(hooks: ApplyHooks = {}): VerdictApplier {
  const { mutate } = useSetVerdict();
  const { mutate: mutateAll } = useSetVerdicts();
  const latest = useRef(hooks);
  latest.current = hooks;
  return useCallback(
    (claim, verdict, parts) => {
      if (several(parts)) {
        mutateAll(
          { ids: parts.map((p) => p.id), verdict },
          {
            onSuccess: () => {
              announce(
                `Verdict set to ${verdictLabel(verdict)} on all ${parts.length} parts of the quotation.`,
              );
              latest.current.onSaved?.(null);
            },
            onError: (e) => {
              showToast(describeDbError(e), { tone: 'error' });
            },
          },
        );
        return;
      }
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
            showToast(describeDbError(e), { tone: 'error' });
          },
        },
      );
    },
    [mutate, mutateAll],
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
    (claim, verdict, parts) => {
      const all = several(parts) ? parts : [claim];
      if (all.every((p) => p.verdict === verdict)) return;
      const allowed = canWriteNow();
      if (!allowed.canWrite) return showToast(allowed.reason);
      if (!verdictNeedsSource(verdict)) return apply(claim, verdict, parts);
      // A quotation rests on a source attached to any of its parts.
      Promise.all(all.map((p) => countClaimSources(p.id))).then(
        (counts) => {
          const sources = counts.reduce((n, k) => n + k, 0);
          if (sources > 0) return apply(claim, verdict, parts);
          const open = current().claimId === claim.id;
          select(claim.id, open ? (openOrigin.current ?? 'keyboard') : 'list', { askVerdict: verdict });
        },
        (e: unknown) => showToast(describeDbError(e), { tone: 'error' }),
      );
    },
    [apply, select, current],
  );
}
