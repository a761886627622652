import type { SyncStatus, TeamRole } from '@/features/team/team-types';

const count = new Intl.NumberFormat();
const plural = (n: number, one: string, many: string) => `${count.format(n)} ${n === 1 ? one : many}`;

export const ROLE_TEXT: Readonly<Record<TeamRole, { label: string; can: string }>> = {
  admin: { label: 'Admin', can: 'You can read and change everything, and manage who is on the team.' },
  member: { label: 'Member', can: 'You can read and change the team’s library.' },
  viewer: {
    label: 'Viewer',
    can: 'You can read the team’s library but not change it: verdicts, sources, tags, corrections and imports are turned off.',
  },
};

/** A heading-sized word for the state, and a sentence saying what it means and what to do. */
export function describeStatus(status: SyncStatus): {
  headline: string;
  detail: string;
  tone: 'info' | 'success' | 'error';
} {
  const why = status.message ? ` ${status.message}` : '';
  switch (status.state) {
    case 'idle':
      return {
        headline: 'Up to date',
        detail:
          status.pending > 0
            ? `${plural(status.pending, 'change waits', 'changes wait')} to be sent.`
            : 'Every change here is on the team’s server, and theirs are here.',
        tone: 'success',
      };
    case 'pulling':
      return {
        headline: 'Receiving changes',
        detail: 'Bringing the team’s changes to this browser…',
        tone: 'info',
      };
    case 'pushing':
      return {
        headline: 'Sending changes',
        detail: 'Sending your changes to the team’s server…',
        tone: 'info',
      };
    case 'offline':
      return {
        headline: 'Offline',
        detail: `The team’s server cannot be reached.${why} Keep working: your changes are kept here and sent when it can be reached again.`,
        tone: 'error',
      };
    case 'quota':
      return {
        headline: 'This browser is out of space',
        detail: `Sync stopped before the browser’s storage ran out.${why} Free some space (or sync a smaller part of the team library), then choose Sync now: it carries on from where it stopped.`,
        tone: 'error',
      };
    case 'forbidden':
      return {
        headline: 'Not allowed',
        detail: `The server refused: your account may not use this database, or your session has ended.${why} Sign in again, or ask a team admin to add you.`,
        tone: 'error',
      };
    case 'error':
      return {
        headline: 'Sync failed',
        detail: `${why.trim() || 'Something went wrong while syncing.'} Your changes are kept here; choose Sync now to try again.`,
        tone: 'error',
      };
    case 'stopped':
      return { headline: 'Paused', detail: 'Sync is not running in this browser.', tone: 'info' };
  }
}

/** "12,400 of 100,000 changes received (12%)", or without a total, "12,400 changes received". */
export function progressText(progress: NonNullable<SyncStatus['progress']>): string {
  const { done, total } = progress;
  if (progress.phase === 'indexing') {
    const { indexed } = progress;
    const pct =
      indexed && indexed.total > 0 ? Math.min(100, Math.floor((indexed.done / indexed.total) * 100)) : null;
    return `${plural(done, 'change', 'changes')} received; preparing lists and counts${pct === null ? '' : ` (${pct}%)`}`;
  }
  if (total === undefined || total <= 0) return `${plural(done, 'change', 'changes')} received`;
  const pct = Math.min(100, Math.floor((done / total) * 100));
  return `${count.format(done)} of ${plural(total, 'change', 'changes')} received (${pct}%)`;
}

/** "Preparing filters: 41,000 of 100,000 claims" (after a first sync's rows are in). */
export function indexingText(indexing: NonNullable<SyncStatus['indexing']>): string {
  return `Preparing filters: ${count.format(Math.min(indexing.done, indexing.total))} of ${plural(indexing.total, 'claim', 'claims')}`;
}

/** What a list read off the filter rows says while they are built. */
export function indexingNote(indexing: NonNullable<SyncStatus['indexing']>): string {
  return `${indexingText(indexing)}. Until then this list and its filters may miss some claims; the Library, the articles and the counts have them all.`;
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function lastSyncText(at: number | undefined, now = Date.now()): string {
  if (at === undefined) return 'Not yet';
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return 'Just now';
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return relative.format(hours, 'hour');
  return new Date(at).toLocaleString();
}

/** The sentence announced in the live region: state, and the numbers a person acts on. */
export function statusAnnouncement(status: SyncStatus): string {
  const { headline } = describeStatus(status);
  const parts = [headline];
  if (status.progress && status.state === 'pulling') parts.push(progressText(status.progress));
  // without its numbers: the region would speak at every step
  if (status.indexing) parts.push('Preparing filters');
  if (status.conflicts > 0) parts.push(`${plural(status.conflicts, 'conflict needs', 'conflicts need')} you`);
  return `${parts.join('. ')}.`;
}
