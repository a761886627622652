import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Claim, Speaker } from '@/core/model/types';
import { speakerQueries } from '@/db/queries';
import { describeEntry } from '@/features/claim/history-text';
import { useClaimHistory } from '@/features/claim/hooks/use-claim-history';
import { undoBatch } from '@/ui/undo-toast';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const SHOWN = 20;

/** Every recorded change to the claim and to its source links, newest first. */
export function ClaimHistory({ claim }: Readonly<{ claim: Claim }>) {
  const [all, setAll] = useState(false);
  const { entries, pending } = useClaimHistory(claim.id);
  const speakerIds = useMemo(() => {
    const ids = new Set<string>();
    for (const e of entries) {
      for (const side of [e.from, e.to]) {
        const v = side?.speakerId;
        if (typeof v === 'string') ids.add(v);
      }
    }
    return [...ids];
  }, [entries]);
  const speakerRows = useQueries({
    queries: speakerIds.map((id) => speakerQueries.detail(id as Speaker['id'])),
  });
  const names = new Map<string, Speaker>();
  for (const q of speakerRows) if (q.data) names.set(q.data.id, q.data);

  if (pending) return <p className="loading">Loading history…</p>;
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <div className="claim-history">
      {entries.length === 0 ? (
        <p className="hint">
          {claim.origin === 'manual' ? 'Added by hand.' : 'As extracted from the article.'} No changes yet.
        </p>
      ) : (
        <ol className="history-list">
          {shown.map((e) => (
            <li key={e.id}>
              <time dateTime={new Date(e.at).toISOString()}>{when.format(e.at)}</time>
              {describeEntry(e, names).map((line) => (
                <span key={line} className="history-line">
                  {line}
                </span>
              ))}
              {((e as { batchKind?: string }).batchKind ?? 'change') === 'change' && (
                <button
                  type="button"
                  className="link-button history-undo"
                  onClick={() => undoBatch(e.batchId)}
                >
                  Undo this change
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {entries.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll((v) => !v)}>
          {all ? 'Show the latest only' : `Show all ${entries.length} changes`}
        </button>
      )}
    </div>
  );
}
