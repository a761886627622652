import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { Verdict } from '@/core/model/types';
import { isVerdict, verdictLabel } from '@/core/review/verdicts';
import { useTeamSnapshot, useTeamSync } from '@/features/team/team-sync-context';
import type { FieldConflict } from '@/features/team/team-types';
import { StatusMessage } from '@/ui/status-message';
import { announce } from '@/ui/toast';
import '@/features/team/components/claim-sync-conflicts.css';
import { clip } from '@/core/text/clip';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  verdict: 'Verdict',
  notes: 'Notes',
  ratingNote: 'Rating explanation',
  speakerId: 'Speaker',
  tags: 'Tags',
  kind: 'Kind',
  text: 'Claim text',
  deletedAt: 'In the trash',
};

function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'verdict' && isVerdict(value)) return verdictLabel(value as Verdict);
  if (field === 'deletedAt') return 'deleted';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return clip(text, 200);
}

/** The team's conflicts on this device (the whole list is small: only rows a person must settle). */
const conflictsQuery = (
  list: () => Promise<readonly { table: string; rowId: string; fields: readonly FieldConflict[] }[]>,
) => ({
  // Keyed by the table that holds them, so the freshness bridge refetches when sync writes it.
  queryKey: ['syncRevisions', 'conflicts'] as const,
  queryFn: list,
});

/**
 * A claim's unresolved team-sync conflict: for each field both sides changed, both values, the one
 * kept for now, and a choice. Settling writes the chosen values (history keeps both) and the
 * sync sends them.
 */
export function ClaimSyncConflicts({ claimId }: Readonly<{ claimId: string }>) {
  const sync = useTeamSync();
  const { connection } = useTeamSnapshot();
  const conflicts = useQuery({ ...conflictsQuery(() => sync.listConflicts()), enabled: connection !== null });
  const row = conflicts.data?.find((c) => c.table === 'claims' && c.rowId === claimId);
  if (!connection || !row || row.fields.length === 0) return null;
  return <ConflictForm key={`${row.rowId}-${row.fields.length}`} claimId={claimId} fields={row.fields} />;
}

function ConflictForm({ claimId, fields }: Readonly<{ claimId: string; fields: readonly FieldConflict[] }>) {
  const sync = useTeamSync();
  const base = useId();
  const [choice, setChoice] = useState<Record<string, 'mine' | 'theirs'>>(() =>
    Object.fromEntries(fields.map((f) => [f.field, f.kept])),
  );
  const settle = useMutation({
    mutationFn: () => sync.resolveConflict('claims', claimId, choice),
    onSuccess: () => announce('Conflict settled. Both values stay in the claim’s history.'),
  });
  const headingId = `${base}-heading`;
  return (
    <section className="sync-conflict" aria-labelledby={headingId}>
      <h3 id={headingId}>Sync conflict</h3>
      <p>
        You and someone on your team changed this claim while apart. For now the newer value is kept; choose
        which one stays.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          settle.mutate();
        }}
      >
        {fields.map((f) => (
          <fieldset key={f.field} className="sync-conflict-field">
            <legend>{FIELD_LABELS[f.field] ?? f.field}</legend>
            {(['mine', 'theirs'] as const).map((side) => (
              <label key={side} className="sync-conflict-choice">
                <input
                  type="radio"
                  name={`${base}-${f.field}`}
                  value={side}
                  checked={choice[f.field] === side}
                  onChange={() => setChoice((c) => ({ ...c, [f.field]: side }))}
                />
                <span>
                  {side === 'mine' ? 'Yours' : 'The team’s'}: <strong>{valueText(f.field, f[side])}</strong>
                  {f.kept === side && <span className="hint"> (kept for now)</span>}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        <button type="submit" className="primary small" disabled={settle.isPending}>
          Keep the chosen values
        </button>
      </form>
      {settle.error && (
        <StatusMessage tone="error">
          The conflict could not be settled:{' '}
          {settle.error instanceof Error ? settle.error.message : String(settle.error)}
        </StatusMessage>
      )}
    </section>
  );
}
