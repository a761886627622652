/**
 * The rows of the team-sync tables (schema version 5). Only src/db (the capture middleware) and
 * src/sync (the replication engine) read or write them; nothing else needs to know they exist.
 */
import { BACKUP_TABLES } from '@/core/export/backup-table-names';
import type { RowFieldConflict } from '@/core/model/row-merge';
import type { HistoryTable, Timestamp } from '@/core/model/types';

/** The tables replicated to a team's CouchDB database; derived tables, meta and sync's own never are. */
export type ReplicatedTable = HistoryTable | 'history';

/** The backup's tables but `meta` (this device's own settings), in the same order. */
export const REPLICATED_TABLES: readonly ReplicatedTable[] = BACKUP_TABLES.filter(
  (t): t is ReplicatedTable => t !== 'meta',
);

export const isReplicated = (table: string): table is ReplicatedTable =>
  (REPLICATED_TABLES as readonly string[]).includes(table);

/** One write to a replicated row, waiting to be pushed. The row itself is read at push time. */
export type OutboxEntry = Readonly<{
  seq?: number;
  table: ReplicatedTable;
  rowId: string;
  op: 'put' | 'delete';
  at: Timestamp;
  /** The transaction that wrote it (entries of one transaction share it). */
  batchId: string;
}>;

/** A field both sides changed that the merge rules settled provisionally: kept for a person to decide. */
export type FieldConflict = RowFieldConflict;

/** The server's view of one replicated row. */
export type RevisionRow = {
  table: ReplicatedTable;
  rowId: string;
  /** CouchDB `_rev` of the document last read from or written to the server. */
  rev: string;
  /**
   * The row as the server had it at `rev`: the base of a three-way merge. Null for a deletion.
   * Absent (a pulled row nobody here has changed since): the stored row is the server's at `rev`,
   * and the capture middleware copies it here before the first local write changes it
   * (copy-on-first-local-write), so a first sync does not store every row twice.
   */
  base?: Readonly<Record<string, unknown>> | null;
  /** Set (1) while a person has conflicts to settle on this row (indexed: absent = none). */
  conflicted?: 1;
  conflicts?: readonly FieldConflict[];
  conflictAt?: Timestamp;
  /** An article row merged into another article with the same text: the row that replaced it. */
  mergedInto?: string;
};

/** Key/value rows of `syncState`. */
export type SyncStateRow = { key: string; value: unknown };

/** Well-known `syncState` keys. */
export const SYNC_KEYS = {
  /** `{ url, database, since? }` while a team is connected: the capture middleware writes outbox rows only then. */
  connection: 'connection',
  /** The `_changes` sequence the pull has applied up to (opaque string or number). */
  checkpoint: 'checkpoint',
  /** `{ deviceId, author }`: whose history entries are "mine" for undo. */
  identity: 'identity',
  /** `{ tabId, at }`: which tab leads the sync (informational; navigator.locks decides). */
  leader: 'leader',
} as const;

export type SyncConnection = Readonly<{ url: string; database: string; connectedAt: Timestamp }>;
export type SyncIdentity = Readonly<{ deviceId: string; author: string }>;
