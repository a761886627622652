/**
 * What a connected team library forbids locally. A backup restore in "replace" mode deletes every
 * row the backup does not hold; while a team is connected those deletions would be captured and
 * pushed, deleting them from the team's library for everyone. A newsroom expects a person's backup
 * to change their own browser, never the team's shared library, so replace is refused while
 * connected (merge is fine: it only adds and updates). Disconnecting first makes replace local;
 * connecting again then pushes the restored rows and pulls the team's back.
 */
import { BackupError } from '@/core/export/backup-error';
import { db } from './db';
import { SYNC_KEYS, type SyncConnection } from './sync-tables';

/** The team this library is connected to, or null. */
export async function connectedTeam(): Promise<SyncConnection | null> {
  return ((await db.syncState.get(SYNC_KEYS.connection))?.value as SyncConnection | undefined) ?? null;
}

/** Throws (a BackupError a person can read) when a replace would delete rows of a team library. */
export async function refuseReplaceWhileConnected(): Promise<void> {
  const team = await connectedTeam();
  if (!team) return;
  throw new BackupError(
    `This library is connected to the team library “${team.database}”. Replacing it would delete, for everyone in the team, every article, claim and review the backup does not hold. Merge the backup instead, or disconnect from the team first (Team screen) to replace only this browser’s copy.`,
  );
}
