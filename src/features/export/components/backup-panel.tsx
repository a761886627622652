import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { BackupError } from '@/core/export/backup-error';
import { BACKUP_TABLES } from '@/core/export/backup-schema';
import {
  describeLoss,
  previewRestore,
  type RestoreMode,
  type RestorePreview,
  restoreChecked,
} from '@/db/backup-restore';
import { backupSourceOfBlob, META_RESTORE_IN_PROGRESS } from '@/db/backup-source';
import { describeDbError } from '@/db/errors';
import { metaQueries } from '@/db/queries';
import { conflictLine } from '@/features/export/conflict-line';
import { downloadBlob } from '@/features/export/download';
import { plural } from '@/features/export/plural';
import { runExport } from '@/features/export/run-export';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { StatusMessage } from '@/ui/status-message';
import '@/features/export/export.css';

type Progress = { label: string; done: number; total: number };
type Message = { tone: 'success' | 'error' | 'info'; text: string };

const n = (x: number) => x.toLocaleString();
const errorText = (e: unknown) => (e instanceof BackupError ? e.message : describeDbError(e));

function ProgressBar({ progress }: Readonly<{ progress: Progress }>) {
  const max = Math.max(progress.total, 1);
  return (
    <div className="export-progress">
      <progress aria-label={progress.label} max={max} value={Math.min(progress.done, max)} />
      <span>
        {progress.label}: {n(progress.done)} of {n(progress.total)}
      </span>
    </div>
  );
}

function Summary({ preview }: Readonly<{ preview: RestorePreview }>) {
  const replace = preview.mode === 'replace';
  return (
    <table className="restore-summary">
      <caption className="visually-hidden">What the restore will do, per table</caption>
      <thead>
        <tr>
          <th scope="col">Table</th>
          <th scope="col">Add</th>
          <th scope="col">{replace ? 'Overwrite' : 'Change'}</th>
          <th scope="col">Leave alone</th>
          <th scope="col">{replace ? 'Delete' : 'Keep yours (newer edit)'}</th>
        </tr>
      </thead>
      <tbody>
        {BACKUP_TABLES.map((t) => {
          const s = preview.summary[t];
          return (
            <tr key={t}>
              <th scope="row">{t}</th>
              <td>{n(s.add)}</td>
              <td>{n(s.change)}</td>
              <td>{n(s.unchanged)}</td>
              <td>{n(replace ? preview.lost[t] : s.keep)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Back up the whole library, and restore a backup (merge or replace) after a preview. */
export function BackupPanel() {
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<RestoreMode>('merge');
  const [preview, setPreview] = useState<RestorePreview | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [confirming, setConfirming] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const modeName = useId();
  const fileId = useId();
  const interrupted = useQuery(metaQueries.value(META_RESTORE_IN_PROGRESS));
  const busy = progress !== null;
  // After a restore its button goes away: the focus goes back to the file field (the result is read
  // out by its status), once the field is enabled again, instead of falling to the page.
  const refocus = useRef(false);
  const [restores, setRestores] = useState(0);
  useEffect(() => {
    if (busy || restores === 0 || !refocus.current) return;
    refocus.current = false;
    inputRef.current?.focus();
  }, [busy, restores]);

  const check = async (f: File, m: RestoreMode) => {
    setPreview(null);
    setMessage(null);
    setProgress({ label: 'Checking the backup', done: 0, total: 0 });
    try {
      setPreview(
        await previewRestore(backupSourceOfBlob(f), m, {
          onProgress: (p) => setProgress({ label: 'Checking the backup', done: p.done, total: p.total }),
        }),
      );
    } catch (e) {
      setMessage({ tone: 'error', text: `${f.name}: ${errorText(e)} Nothing was changed.` });
    } finally {
      setProgress(null);
    }
  };

  const restore = async () => {
    if (!file || !preview) return;
    setConfirming(false);
    setMessage(null);
    refocus.current = true;
    try {
      // the file was checked for the preview: the restore reads it once more, only to write
      const result = await restoreChecked(preview, {
        onProgress: (p) => setProgress({ label: 'Restoring', done: p.done, total: p.total }),
      });
      const added = BACKUP_TABLES.reduce((x, t) => x + result.summary[t].add, 0);
      const changed = BACKUP_TABLES.reduce((x, t) => x + result.summary[t].change, 0);
      const deleted = BACKUP_TABLES.reduce((x, t) => x + result.deleted[t], 0);
      setMessage({
        tone: 'success',
        text:
          result.mode === 'merge'
            ? `Restored ${file.name}: ${plural(added, 'row')} added, ${n(changed)} changed; ${plural(result.conflicts.length, 'conflict')} kept in history.`
            : `Replaced the library with ${file.name}: ${plural(added, 'row')} added, ${n(changed)} overwritten, ${n(deleted)} deleted.`,
      });
      setPreview(null);
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch (e) {
      setMessage({ tone: 'error', text: `${file.name}: ${errorText(e)}` });
    } finally {
      setProgress(null);
      setRestores((x) => x + 1);
    }
  };

  const download = async () => {
    setMessage(null);
    setProgress({ label: 'Backing up', done: 0, total: 0 });
    try {
      const out = await runExport({
        format: 'backup',
        scope: { kind: 'all' },
        title: 'backup',
        bom: false,
        total: 0,
        onProgress: (done, total) => setProgress({ label: 'Backing up', done, total }),
      });
      downloadBlob(out.blob, out.fileName);
      setMessage({ tone: 'success', text: `Backup saved as ${out.fileName}.` });
    } catch (e) {
      setMessage({ tone: 'error', text: `The backup failed: ${errorText(e)}` });
    } finally {
      setProgress(null);
    }
  };

  const conflicts = preview?.conflicts ?? [];
  return (
    <section className="backup-panel" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      {interrupted.data && (
        <StatusMessage tone="info">
          A restore did not finish (the tab closed while it was writing). Restore the same backup again to
          complete it.
        </StatusMessage>
      )}
      <p>
        <button type="button" onClick={() => void download()} disabled={busy}>
          Download a backup
        </button>
      </p>
      <div className="field">
        <label htmlFor={fileId}>Restore from a backup file</label>
        <input
          id={fileId}
          ref={inputRef}
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0] ?? null;
            setFile(f);
            if (f) void check(f, mode);
          }}
        />
      </div>
      <fieldset className="export-choices" disabled={busy}>
        <legend>How to restore</legend>
        <label className="export-choice">
          <input
            type="radio"
            name={modeName}
            checked={mode === 'merge'}
            onChange={() => {
              setMode('merge');
              if (file) void check(file, 'merge');
            }}
          />
          <span>
            <span className="export-choice-label">Merge</span>
            <span className="hint">
              Add what is new. Where both have a row, what a person changed on either side is kept: a row
              nobody edited (such as the first-run article) never replaces an edited one; where both changed
              the same field, the newer change wins and the other is kept in history.
            </span>
          </span>
        </label>
        <label className="export-choice">
          <input
            type="radio"
            name={modeName}
            checked={mode === 'replace'}
            onChange={() => {
              setMode('replace');
              if (file) void check(file, 'replace');
            }}
          />
          <span>
            <span className="export-choice-label">Replace</span>
            <span className="hint">
              Make the library exactly the backup; what it does not hold is deleted.
            </span>
          </span>
        </label>
      </fieldset>
      {progress && <ProgressBar progress={progress} />}
      <div aria-live="polite">
        {preview && (
          <>
            <p>
              Backup of {new Date(preview.header.exportedAt).toLocaleString()} (Claimdesk{' '}
              {preview.header.app.version}): {plural(preview.header.counts.articles, 'article')},{' '}
              {plural(preview.header.counts.claims, 'claim')}.
            </p>
            <Summary preview={preview} />
            {mode === 'merge' && conflicts.length > 0 && (
              <details className="restore-conflicts">
                <summary>
                  {plural(conflicts.length, 'conflict')} (both sides changed the same field: the newer change
                  wins; the other is kept in history)
                </summary>
                <ul>
                  {conflicts.slice(0, 100).map((c) => (
                    <li key={`${c.table}:${c.id}`}>{conflictLine(c)}</li>
                  ))}
                </ul>
              </details>
            )}
          </>
        )}
      </div>
      {message && <StatusMessage tone={message.tone}>{message.text}</StatusMessage>}
      {preview && (
        <p>
          <button
            type="button"
            className={mode === 'replace' ? 'danger' : 'primary'}
            disabled={busy}
            onClick={() => (mode === 'replace' ? setConfirming(true) : void restore())}
          >
            {mode === 'replace' ? 'Replace my library…' : 'Merge into my library'}
          </button>
        </p>
      )}
      <ConfirmDialog
        open={confirming && preview !== null}
        title="Replace the library?"
        description={preview ? `${describeLoss(preview)} This cannot be undone.` : ''}
        confirmLabel="Replace"
        tone="danger"
        onConfirm={() => void restore()}
        onCancel={() => setConfirming(false)}
      />
    </section>
  );
}
