import {
  describeStatus,
  indexingText,
  lastSyncText,
  progressText,
  statusAnnouncement,
} from '@/features/team/status-text';
import type { SyncStatus } from '@/features/team/team-types';

const count = new Intl.NumberFormat();

/**
 * The sync status: a live region that announces changes of state (not every batch), the numbers a
 * person acts on, and a progress bar with numbers while the team's library is being received.
 */
export function SyncStatusPanel({
  status,
  leader,
}: Readonly<{ status: SyncStatus | null; leader: boolean }>) {
  if (!status) {
    return (
      <div className="sync-status" data-state="starting">
        <p role="status" className="sync-headline">
          Starting sync…
        </p>
      </div>
    );
  }
  const { headline, detail, tone } = describeStatus(status);
  const progress = status.state === 'pulling' ? status.progress : undefined;
  return (
    <div className={`sync-status sync-tone-${tone}`} data-state={status.state}>
      <p role="status" aria-atomic="true" className="visually-hidden">
        {statusAnnouncement({ ...status, progress: undefined })}
      </p>
      <p className="sync-headline" aria-hidden="true">
        {headline}
      </p>
      <p className="sync-detail">{detail}</p>
      {progress && (
        <div className="sync-progress">
          {progress.phase === 'indexing' && progress.indexed ? (
            <progress
              aria-label="Lists and counts prepared"
              value={Math.min(progress.indexed.done, progress.indexed.total)}
              max={progress.indexed.total}
            />
          ) : progress.total ? (
            <progress
              aria-label="Received from the team"
              value={Math.min(progress.done, progress.total)}
              max={progress.total}
            />
          ) : (
            <progress aria-label="Received from the team" />
          )}
          <span className="sync-progress-text">{progressText(progress)}</span>
        </div>
      )}
      {status.indexing && !progress && (
        <div className="sync-progress" data-testid="sync-indexing">
          <progress
            aria-label="Filters prepared"
            value={Math.min(status.indexing.done, status.indexing.total)}
            max={status.indexing.total}
          />
          <span className="sync-progress-text">
            {indexingText(status.indexing)}. The library is here; the Claims screen’s lists may miss some
            claims until this is done.
          </span>
        </div>
      )}
      <dl className="sync-facts">
        <div>
          <dt>Last sync</dt>
          <dd>{lastSyncText(status.lastSyncAt)}</dd>
        </div>
        <div>
          <dt>Changes waiting to be sent</dt>
          <dd data-testid="sync-pending">{count.format(status.pending)}</dd>
        </div>
        <div>
          <dt>Conflicts to settle</dt>
          <dd data-testid="sync-conflicts">{count.format(status.conflicts)}</dd>
        </div>
      </dl>
      {!leader && <p className="hint">Sync runs in another tab of Claimdesk; this tab shows its status.</p>}
    </div>
  );
}
