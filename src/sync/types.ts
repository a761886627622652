import type { SyncDb } from '@/db/sync-db';
import type { FieldConflict, ReplicatedTable } from '@/db/sync-tables';
import type { SliceCriteria } from './slice';

/** The part of `fetch` the engine uses (inject one in tests; the browser's by default). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type SyncRole = 'admin' | 'member' | 'viewer';

export type SyncState =
  | 'idle'
  | 'pulling'
  | 'pushing'
  | 'offline'
  | 'error'
  | 'stopped'
  | 'quota'
  | 'forbidden';

export type SyncStatus = Readonly<{
  state: SyncState;
  lastSyncAt?: number;
  /** Local changes waiting to be pushed (outbox rows). */
  pending: number;
  /** Rows with a conflict a person must settle (`listConflicts`). */
  conflicts: number;
  /** Of the current pull: documents applied, and how many the server has in all when it says. */
  progress?: Readonly<{
    done: number;
    total?: number;
    /** Receiving documents, or (after a catch-up) rebuilding the lists' counts and facets. */
    phase?: 'receiving' | 'indexing';
    /** While indexing: claims whose list keys and counts are built, of the claims there are. */
    indexed?: Readonly<{ done: number; total: number }>;
  }>;
  /**
   * After a first sync's rows are in (the library, its articles and counts right, `lastSyncAt` set):
   * claims whose filter rows are built, of the claims there are. Filtered lists may miss claims until
   * it is gone.
   */
  indexing?: Readonly<{ done: number; total: number }>;
  /** A sentence for the person (why it is offline, what was refused, what to do about the quota). */
  message?: string;
  role?: SyncRole;
  /** A slice's articles that its search found since it was chosen (synced besides the chosen ones). */
  sliceJoined?: number;
}>;

export type SyncReport = Readonly<{
  /** Documents applied from the server (skipped replays left out). */
  pulled: number;
  /** Documents the server accepted. */
  pushed: number;
  /** Fields both sides changed, merged by the rules (each in history with both values). */
  merged: number;
  /** Rows the server refused (403), reverted here. */
  refused: number;
  /** Rows left for a person to settle. */
  conflicts: number;
  /** False when the run stopped early (offline, quota, refused session): the checkpoint is kept. */
  complete: boolean;
  state: SyncState;
  message?: string;
}>;

export type StorageEstimator = () => Promise<{ usage?: number; quota?: number }>;

export type SyncEngineOptions = Readonly<{
  db: SyncDb;
  /** The CouchDB server, e.g. `https://couch.example.org` (no database). */
  url: string;
  /** The team's database. */
  database: string;
  fetch?: FetchLike;
  /** This device (kept by the app, e.g. in localStorage); history entries made here carry it. */
  deviceId: string;
  /** The person signed in (their CouchDB user name). */
  author: string;
  /** Documents per pull page while live (default 500). */
  batchSize?: number;
  /**
   * A first sync whose first page is full runs in catch-up mode: pages of `batchSize` (default
   * 2,000) written without maintaining derived rows, which are rebuilt once at the end. `false`:
   * never (every page keeps facets and summaries as it goes). `rebuildChunk`: claims per step of
   * that rebuild (default `REBUILD_CHUNK`).
   */
  catchUp?: false | Readonly<{ batchSize?: number; rebuildChunk?: number }>;
  /** Outbox entries per `_bulk_docs` round, at most (default 2,000; rounds start at 250 and double). */
  pushBatchSize?: number;
  /** A Mango selector on `_changes` (a slice of the team library): see `sliceSelector`. */
  selector?: Readonly<Record<string, unknown>>;
  /**
   * A slice as the person chose it (instead of `selector`): its articles and, when they were
   * found by a search, that search; articles the search finds later join the slice on a pull.
   */
  slice?: SyncSlice;
  /** How often a slice's search is run again, at most (default 60 s). */
  sliceRefreshMs?: number;
  /** Milliseconds clock (default Date.now). */
  now?: () => number;
  /** Waits between retries (default setTimeout); resolves early when `signal` aborts. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** First and longest retry delay (default 1 s and 60 s; doubles each failure). */
  retry?: Readonly<{ initialMs?: number; maxMs?: number }>;
  /** How long a live `_changes` long poll waits on the server (default 25 s). */
  longpollMs?: number;
  /** Storage estimate (default navigator.storage.estimate, if any; null: never check). */
  estimate?: StorageEstimator | null;
  /** Free bytes to keep when pulling (default 64 MB): below this a first sync stops, resumable. */
  quotaReserve?: number;
  /** Told how long each step of a pull took (benchmarks: where a first sync's time goes). */
  trace?: SyncTrace;
}>;

/** A step of the pull (`fetch`, `apply`, `apply:reads`, `apply:write:claims`, `rebuild`, …) and its milliseconds. */
export type SyncTrace = (step: string, ms: number) => void;

export type SyncConflict = Readonly<{
  table: ReplicatedTable;
  rowId: string;
  fields: readonly FieldConflict[];
  at: number;
}>;

/** For each field in conflict, which value to keep ('mine' or 'theirs'); one choice for all fields also works. */
export type ConflictChoice = 'mine' | 'theirs' | Readonly<Record<string, 'mine' | 'theirs'>>;

export type SyncEngine = Readonly<{
  /** Connects (the first time: queues every local row for the server), then syncs live until `stop`. */
  start(): void;
  /** Stops the live loop and any request in flight; the checkpoint and outbox stay. */
  stop(): Promise<void>;
  /** One full pull (until caught up) and push (until the outbox is empty or nothing more goes). */
  syncOnce(): Promise<SyncReport>;
  getStatus(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  listConflicts(): Promise<SyncConflict[]>;
  resolveConflict(table: ReplicatedTable, rowId: string, choice: ConflictChoice): Promise<void>;
  /** Stops and forgets the team (outbox, revisions, checkpoint); the local library stays as it is. */
  disconnect(): Promise<void>;
}>;

/**
 * Part of a team library chosen on the Team screen: the articles ticked, the search that listed
 * them (articles it finds later are added), and those listed but left unticked (never added).
 */
export type SyncSlice = Readonly<{
  articleIds: readonly string[];
  criteria?: SliceCriteria;
  excluded?: readonly string[];
}>;
