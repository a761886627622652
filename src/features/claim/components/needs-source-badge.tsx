import { useQuery } from '@tanstack/react-query';
import type { Claim } from '@/core/model/types';
import { verdictNeedsSource } from '@/core/review/verdicts';
import { evidenceQueries } from '@/db/queries';

/** A flag on a claim rated without any source (a rating should rest on at least one). */
export function NeedsSourceBadge({ claim }: Readonly<{ claim: Pick<Claim, 'id' | 'verdict'> }>) {
  const rated = verdictNeedsSource(claim.verdict);
  const evidence = useQuery({ ...evidenceQueries.byClaim(claim.id), enabled: rated });
  if (!rated || !evidence.data || evidence.data.length > 0) return null;
  return (
    <span className="badge badge-warn" title="This verdict has no source yet">
      <span aria-hidden="true">⚠ </span>No source
    </span>
  );
}
