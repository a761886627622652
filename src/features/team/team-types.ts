/**
 * What the Team screen needs from the sync engine (`src/sync`). The feature imports only the
 * engine's types; the app shell hands an implementation of `SyncEngineModule` to `createTeamSync`
 * (runner/team-sync-controller.ts), which is the only adapter to change if the engine's API moves.
 */

import type { FieldConflict } from '@/db/sync-tables';
import type {
  ConflictChoice,
  SliceArticle,
  SliceCriteria,
  SliceMatches,
  SyncRole,
  SyncSlice,
  SyncStatus,
} from '@/sync';

export type { SyncState } from '@/sync';
export type { ConflictChoice, FieldConflict, SliceArticle, SliceCriteria, SliceMatches, SyncStatus };

/** Part of the team library this device syncs: the chosen articles (and every speaker and source). */
export type TeamSlice = Readonly<{
  articleIds: readonly string[];
  /** How they were chosen, in words ("tag budget, published 2026-03-01 to 2026-03-31"). */
  label: string;
  /** The search that listed them: articles it finds later join the slice on a pull. */
  criteria?: SliceCriteria;
  /** Listed by that search but left unticked: never added. */
  excluded?: readonly string[];
}>;
export type TeamRole = SyncRole;

export type RowConflict = Readonly<{
  table: string;
  rowId: string;
  fields: readonly FieldConflict[];
  at: number;
}>;

export type SyncEngine = {
  start(): void | Promise<void>;
  stop(): Promise<void>;
  syncOnce(): Promise<unknown>;
  getStatus(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  listConflicts(): Promise<readonly RowConflict[]>;
  resolveConflict(table: string, rowId: string, choice: ConflictChoice): Promise<void>;
  /** Stops and forgets the team (its queue of unsent changes too); the local library stays. */
  disconnect(): Promise<void>;
};

export type EngineOptions = Readonly<{
  url: string;
  database: string;
  deviceId: string;
  author: string;
  /** Only these articles (a slice), and the search that found them; the whole library when absent. */
  slice?: SyncSlice;
}>;

/** A CouchDB session: who is signed in (null: nobody, or the cookie expired). */
export type TeamSession = Readonly<{ name: string; roles: readonly string[] }> | null;

/** The engine's entry points the browser side calls. */
export type SyncEngineModule = Readonly<{
  /** The engine that syncs (in a Web Worker when the browser allows, else in this page). */
  createEngine(options: EngineOptions): SyncEngine | Promise<SyncEngine>;
  /** The engine's table work in this page, without syncing: conflicts, and forgetting the team. */
  localEngine(options: EngineOptions): Pick<SyncEngine, 'listConflicts' | 'resolveConflict' | 'disconnect'>;
  signIn(url: string, name: string, password: string): Promise<TeamSession>;
  getSession(url: string): Promise<TeamSession>;
  signOut(url: string): Promise<void>;
  /** The team's articles matching `criteria`, read on the server, for choosing a slice. */
  findArticles(url: string, database: string, criteria: SliceCriteria): Promise<SliceMatches>;
}>;

/** What this device remembers about its team (never a password: the session is CouchDB's cookie). */
export type TeamConnection = Readonly<{
  url: string;
  database: string;
  name: string;
  /** The role last reported by the server, so a viewer's screens are read-only from the first paint. */
  role?: TeamRole;
  /** Part of the library only (absent: all of it). */
  slice?: TeamSlice;
}>;

export type TeamSnapshot = Readonly<{
  connection: TeamConnection | null;
  status: SyncStatus | null;
  /** Whether this tab runs the sync (one tab at a time); the others show the leader's status. */
  leader: boolean;
}>;

export type SignInRequest = Readonly<{
  url: string;
  database: string;
  name: string;
  password: string;
  /** Start with a slice (e.g. none of the articles yet, to be chosen once signed in). */
  slice?: TeamSlice;
}>;

/** The Team screen's port: connect, disconnect, sync now, and the status as it changes. */
export type TeamSync = {
  getSnapshot(): TeamSnapshot;
  subscribe(listener: () => void): () => void;
  connect(request: SignInRequest): Promise<void>;
  disconnect(): Promise<void>;
  syncNow(): void;
  /** The rows with a conflict a person must settle (read in whichever tab asks). */
  listConflicts(): Promise<readonly RowConflict[]>;
  resolveConflict(table: string, rowId: string, choice: ConflictChoice): Promise<void>;
  /** Syncs only `slice` from now on (null: the whole library); articles already here stay. */
  setSlice(slice: TeamSlice | null): void;
  /** The connected team's articles matching `criteria`, for choosing a slice. */
  findArticles(criteria: SliceCriteria): Promise<SliceMatches>;
};
