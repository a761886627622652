import { useState } from 'react';
import type { Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { digitForVerdict, verdictLabel } from '@/core/review/verdicts';
import { TagInput } from '@/features/claims-table/components/tag-input';
import { plural } from '@/features/claims-table/format';
import { useCanWrite } from '@/stores/can-write';
import { ConfirmDialog } from '@/ui/confirm-dialog';

type Props = Readonly<{
  count: number;
  busy: boolean;
  onVerdict: (v: Verdict) => void;
  onTag: (tag: string) => void;
  onUntag: (tag: string) => void;
  onDelete: () => void;
  onClear: () => void;
}>;

/**
 * Actions on the selected claims; each is one write and one undo step. Always shown (disabled with
 * nothing selected) so that selecting never shifts the rows under the pointer.
 */
export function BulkBar({ count, busy, onVerdict, onTag, onUntag, onDelete, onClear }: Props) {
  const [verdict, setVerdict] = useState<Verdict | ''>('');
  const [confirming, setConfirming] = useState(false);
  const none = count === 0;
  const { canWrite, reason } = useCanWrite();
  busy = busy || none || !canWrite;
  return (
    <section className="bulk-bar" aria-label="Bulk actions" data-empty={none || undefined}>
      <p className="bulk-count">
        {!canWrite ? (
          reason
        ) : none ? (
          'Select claims to act on them together'
        ) : (
          <>
            <strong>{plural(count, 'claim')}</strong> selected
          </>
        )}
      </p>
      <form
        className="bulk-verdict"
        onSubmit={(e) => {
          e.preventDefault();
          if (verdict) onVerdict(verdict);
        }}
      >
        <label htmlFor="bulk-verdict">New verdict</label>
        <select
          id="bulk-verdict"
          value={verdict}
          disabled={!canWrite}
          onChange={(e) => setVerdict(e.target.value as Verdict | '')}
        >
          <option value="">Choose…</option>
          {VERDICTS.map((v) => (
            <option key={v} value={v}>
              {digitForVerdict(v)} · {verdictLabel(v)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy || !verdict} aria-label="Set verdict">
          Set
        </button>
      </form>
      <TagInput label="Tag to add" submitLabel="Add tag" disabled={busy} onSubmit={onTag} />
      <TagInput label="Tag to remove" submitLabel="Remove" disabled={busy} onSubmit={onUntag} />
      <div className="bulk-buttons">
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)}>
          Delete…
        </button>
        <button type="button" onClick={onClear} disabled={none} aria-label="Clear selection">
          Clear
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Delete ${plural(count, 'claim')}?`}
        confirmLabel={`Delete ${plural(count, 'claim')}`}
        tone="danger"
        onCancel={() => setConfirming(false)}
        description="They move to the trash with their history; Undo brings them back."
        onConfirm={() => {
          setConfirming(false);
          onDelete();
        }}
      />
    </section>
  );
}
