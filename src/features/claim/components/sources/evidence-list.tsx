import type { EvidenceRelation } from '@/core/model/types';
import { safeHref } from '@/core/review/urls';
import { describeDbError } from '@/db/errors';
import type { EvidenceWithSource } from '@/db/queries';
import { useRemoveEvidence, useUpdateEvidence } from '@/features/claim/hooks/use-source-mutations';
import { sourceLabel } from '@/features/claim/source-label';
import { StoredSelect } from '@/ui/stored-select';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoableBatch } from '@/ui/undo-toast';

export const RELATION_LABELS: Readonly<Record<EvidenceRelation, string>> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};

type Props = Readonly<{ items: readonly EvidenceWithSource[] }>;

/** The claim's sources: relation, title (a link only for http and https), details, quoted passage and note. */
export function EvidenceList({ items }: Props) {
  const update = useUpdateEvidence();
  const remove = useRemoveEvidence();
  if (items.length === 0) return <p className="hint">No sources yet.</p>;
  return (
    <ul className="evidence-list">
      {items.map(({ evidence, source }) => {
        const href = safeHref(source?.url);
        const title = source ? sourceLabel(source) : 'A deleted source';
        const details = [source?.publisher, source?.date, source?.type].filter(Boolean).join(' · ');
        return (
          <li key={evidence.id} className={`evidence evidence-${evidence.relation}`}>
            <div className="evidence-head">
              <label className="visually-hidden" htmlFor={`rel-${evidence.id}`}>
                How {title} relates to the claim
              </label>
              <StoredSelect<EvidenceRelation>
                id={`rel-${evidence.id}`}
                className="relation-select"
                value={evidence.relation}
                onCommit={(relation) =>
                  update.mutate(
                    { id: evidence.id, patch: { relation } },
                    { onError: (err) => showToast(describeDbError(err), { tone: 'error' }) },
                  )
                }
              >
                {Object.entries(RELATION_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </StoredSelect>
              {href ? (
                <a
                  className="evidence-title"
                  href={href}
                  title={source?.title ? undefined : href}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {title}
                </a>
              ) : (
                <span
                  className="evidence-title"
                  title={source?.url ? 'Not a web link; shown as text' : undefined}
                >
                  {title}
                </span>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={`Unlink ${title}`}
                onClick={() => {
                  const batchId = undoableBatch();
                  remove.mutate(
                    { id: evidence.id, batchId },
                    {
                      onSuccess: () => showUndoToast(`Unlinked “${title}”`, batchId),
                      onError: (err) => showToast(describeDbError(err), { tone: 'error' }),
                    },
                  );
                }}
              >
                ×
              </button>
            </div>
            {details && <p className="evidence-details">{details}</p>}
            {evidence.passage && <blockquote className="evidence-passage">{evidence.passage}</blockquote>}
            {evidence.note && <p className="evidence-note">{evidence.note}</p>}
          </li>
        );
      })}
    </ul>
  );
}
