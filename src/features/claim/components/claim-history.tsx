import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Claim, HistoryEntry, Speaker } from '@/core/model/types';
import { describeDbError } from '@/db/errors';
import { evidenceQueries, historyQueries, speakerQueries } from '@/db/queries';
import { undo } from '@/db/undo';
import { showToast } from '@/ui/toast';
import { describeEntry } from '../history-text';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const SHOWN = 20;

/** Every recorded change to the claim and to its source links, newest first. */
export function ClaimHistory({ claim }: Readonly<{ claim: Claim }>) {
  const [all, setAll] = useState(false);
  const own = useQuery(historyQueries.byRow('claims', claim.id));
  const evidence = useQuery(evidenceQueries.byClaim(claim.id));
  const links = useQueries({
    queries: (evidence.data ?? []).map((e) => historyQueries.byRow('evidence', e.evidence.id)),
  });
  const entries = useMemo(() => {
    const rows: HistoryEntry[] = [...(own.data ?? []), ...links.flatMap((q) => q.data ?? [])];
    return rows.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  }, [own.data, links]);
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

  if (own.isPending) return <p className="loading">Loading history…</p>;
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
                  onClick={() =>
                    undo({ batchId: e.batchId }).then(
                      (r) => showToast(r ? r.message : 'Nothing to undo'),
                      (err: unknown) => showToast(describeDbError(err), { tone: 'error' }),
                    )
                  }
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
