import { useQueries } from '@tanstack/react-query';
import type { Claim } from '@/core/model/types';
import { verdictNeedsSource } from '@/core/review/verdicts';
import { evidenceQueries } from '@/db/queries';

type Props = Readonly<{
  claim: Pick<Claim, 'id' | 'verdict'>;
  /** Every part of the claim's quotation: a source on any part counts for the quotation. */
  parts?: readonly Pick<Claim, 'id'>[];
}>;

/** A flag on a claim rated without any source (a rating should rest on at least one). */
export function NeedsSourceBadge({ claim, parts }: Props) {
  const rated = verdictNeedsSource(claim.verdict);
  const ids = parts && parts.length > 1 ? parts.map((p) => p.id) : [claim.id];
  const evidence = useQueries({
    queries: ids.map((id) => ({ ...evidenceQueries.byClaim(id), enabled: rated })),
  });
  if (!rated || evidence.some((e) => !e.data || e.data.length > 0)) return null;
  return (
    <span className="badge badge-warn" title="This verdict has no source yet">
      <span aria-hidden="true">⚠ </span>No source
    </span>
  );
}
