import { CONNECTION_KEY, DEVICE_KEY, readConnection } from '@/features/team/runner/stored-connection';
import type {
  EngineOptions,
  SignInRequest,
  SyncEngine,
  SyncEngineModule,
  SyncStatus,
  TeamConnection,
  TeamRole,
  TeamSlice,
  TeamSnapshot,
  TeamSync,
} from '@/features/team/team-types';

export { CONNECTION_KEY, DEVICE_KEY };

/** The lock only one tab holds at a time: that tab runs the sync, the others show its status. */
export const SYNC_LOCK = 'claimdesk-team-sync';
const SYNC_CHANNEL = 'claimdesk-team-sync';

type Message =
  | Readonly<{ type: 'status'; status: SyncStatus | null }>
  | Readonly<{ type: 'hello' }>
  | Readonly<{ type: 'sync-now' }>
  | Readonly<{ type: 'disconnect' }>;

type Channel = Pick<BroadcastChannel, 'postMessage' | 'close'> & {
  onmessage: ((event: MessageEvent) => void) | null;
};

type Locks = Pick<LockManager, 'request'>;

export type TeamSyncOptions = Readonly<{
  /** Loads the engine (its chunk, or a worker around it) only once a team is connected. */
  loadEngine: () => Promise<SyncEngineModule>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** `navigator.locks`; without it this tab always runs the sync. */
  locks?: Locks;
  /** Opens the BroadcastChannel of that name (null where there is none). */
  openChannel?: (name: string) => Channel | null;
  newDeviceId: () => string;
  /** Told the role the server gave (null: no team), so write actions can be turned off in one place. */
  onRole?: (role: TeamRole | null) => void;
  /** Told whether a catch-up (a first sync, or a long absence) is under way, to coalesce refetches. */
  onCatchingUp?: (catchingUp: boolean) => void;
  /** Storage changes made by other tabs (`window` 'storage' events); returns the unsubscribe. */
  watchStorage?: (onChange: (key: string | null) => void) => () => void;
}>;

/** A sign-in the server refused or could not answer, in words for the form. */
export class TeamSignInError extends Error {}

/** What the engine is made for: the articles, and the search that keeps adding to them. */
const sameSlice = (a: TeamSlice | undefined, b: TeamSlice | undefined) =>
  JSON.stringify(a ? [a.articleIds, a.criteria ?? null, a.excluded ?? []] : null) ===
  JSON.stringify(b ? [b.articleIds, b.criteria ?? null, b.excluded ?? []] : null);

const sameConnection = (a: TeamConnection | null, b: TeamConnection | null) =>
  a?.url === b?.url && a?.database === b?.database && a?.name === b?.name;

/** Receiving a large library, or building its filter rows after (each step's commit a write of the lists). */
const isCatchingUp = (s: SyncStatus | null) =>
  (s?.state === 'pulling' && s.progress !== undefined) || s?.indexing !== undefined;

/**
 * A failed sign-in in words for the form: the server's status said in a sentence (CouchErrors carry
 * `status` and `reason`; a server that is not CouchDB gives no `error` field, so the error's own
 * message repeats the status: "404 404: Not Found"), not the error's message as it is.
 */
function describeSignInFailure(error: unknown, url: string): string {
  const { status, reason } = (error ?? {}) as { status?: unknown; reason?: unknown };
  const why = typeof reason === 'string' && reason.trim() ? reason.trim() : null;
  if (status === 401 || status === 403) return 'The server did not accept that name and password.';
  // the fetch failed: a TypeError, or the sync code's NetworkError wrapping it
  if (error instanceof TypeError || (error instanceof Error && error.name === 'NetworkError'))
    return `The server at ${url} cannot be reached. Check the address, your connection, and that the server allows this app (CORS).`;
  // a sign-in refused with a success status: the address answered, but not with a CouchDB session
  if (typeof status === 'number' && status >= 200 && status < 300)
    return `No CouchDB server answers at ${url}: that address answered, but not as CouchDB does. Check the server address (CouchDB’s own, often this site’s address followed by /couchdb).`;
  if (status === 404 || status === 405)
    return `No CouchDB server answers at ${url}: that address answered “${why ?? 'not found'}”. Check the server address (CouchDB’s own, often this site’s address followed by /couchdb).`;
  if (typeof status === 'number' && status >= 500)
    return `The server at ${url} had an error (${status}${why ? ` ${why}` : ''}). Try again later, or ask whoever runs it.`;
  const message = why ?? (error instanceof Error && error.message ? error.message : null);
  return `Signing in failed${message ? ` (${message})` : ''}.`;
}

/**
 * The browser side of team sync: remembers the connection on this device (no password), runs the
 * engine in exactly one tab (a Web Lock, handed on when that tab closes), shares its status with
 * the other tabs (BroadcastChannel), and passes sync-now requests to the tab that runs it.
 */
export function createTeamSync(options: TeamSyncOptions): TeamSync & { dispose(): void } {
  const { storage, locks } = options;
  const listeners = new Set<() => void>();
  let connection = readConnection(storage);
  let status: SyncStatus | null = null;
  let leader = false;
  let snapshot: TeamSnapshot = { connection, status, leader };
  let engine: SyncEngine | null = null;
  let run: { abort: AbortController; release: () => void } | null = null;
  let moduleLoad: Promise<SyncEngineModule> | null = null;
  let catchingUp = false;
  const channel = options.openChannel?.(SYNC_CHANNEL) ?? null;

  const loadEngine = () => {
    moduleLoad ??= options.loadEngine().catch((e: unknown) => {
      moduleLoad = null;
      throw e;
    });
    return moduleLoad;
  };

  const emit = () => {
    snapshot = { connection, status, leader };
    for (const l of listeners) l();
  };

  const deviceId = () => {
    let id = storage.getItem(DEVICE_KEY);
    if (!id) {
      id = options.newDeviceId();
      storage.setItem(DEVICE_KEY, id);
    }
    return id;
  };

  const engineOptions = (conn: TeamConnection): EngineOptions => ({
    url: conn.url,
    database: conn.database,
    deviceId: deviceId(),
    author: conn.name,
    ...(conn.slice
      ? {
          slice: {
            articleIds: conn.slice.articleIds,
            ...(conn.slice.criteria
              ? { criteria: conn.slice.criteria, excluded: conn.slice.excluded ?? [] }
              : {}),
          },
        }
      : {}),
  });

  const saveConnection = (next: TeamConnection | null) => {
    connection = next;
    if (next) storage.setItem(CONNECTION_KEY, JSON.stringify(next));
    else storage.removeItem(CONNECTION_KEY);
  };

  const setStatus = (next: SyncStatus | null, fromEngine: boolean) => {
    status = next;
    if (fromEngine) channel?.postMessage({ type: 'status', status: next } satisfies Message);
    if (next?.role && connection && next.role !== connection.role) {
      if (fromEngine) saveConnection({ ...connection, role: next.role });
      else connection = { ...connection, role: next.role };
      options.onRole?.(next.role);
    }
    const now = isCatchingUp(next);
    if (now !== catchingUp) {
      catchingUp = now;
      options.onCatchingUp?.(now);
    }
    emit();
  };

  const lead = async (signal: AbortSignal, released: Promise<void>) => {
    const conn = connection;
    if (signal.aborted || !conn) return;
    leader = true;
    emit();
    let unsubscribe = () => {};
    try {
      const module = await loadEngine();
      if (signal.aborted) return;
      const created = await module.createEngine(engineOptions(conn));
      if (signal.aborted) {
        await created.stop();
        return;
      }
      engine = created;
      unsubscribe = created.subscribe((s) => setStatus(s, true));
      setStatus(created.getStatus(), true);
      await created.start();
      await released;
    } catch (e) {
      setStatus(
        {
          state: 'error',
          pending: status?.pending ?? 0,
          conflicts: status?.conflicts ?? 0,
          message: e instanceof Error ? e.message : String(e),
        },
        true,
      );
      await released;
    } finally {
      unsubscribe();
      const stopping = engine;
      engine = null;
      leader = false;
      if (stopping) await Promise.resolve(stopping.stop()).catch(() => {});
      emit();
    }
  };

  const startRunning = () => {
    if (run || !connection) return;
    const abort = new AbortController();
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    run = { abort, release };
    if (locks) {
      locks
        .request(SYNC_LOCK, { signal: abort.signal }, () => lead(abort.signal, released))
        .catch((e: unknown) => {
          if ((e as { name?: string })?.name !== 'AbortError') throw e;
        });
      // Another tab may already run it: ask for its status.
      channel?.postMessage({ type: 'hello' } satisfies Message);
    } else {
      void lead(abort.signal, released);
    }
  };

  const stopRunning = () => {
    if (!run) return;
    run.abort.abort();
    run.release();
    run = null;
  };

  if (channel) {
    channel.onmessage = (event: MessageEvent) => {
      const message = event.data as Message;
      if (message?.type === 'status' && !leader) setStatus(message.status, false);
      else if (message?.type === 'hello' && leader)
        channel.postMessage({ type: 'status', status } satisfies Message);
      else if (message?.type === 'sync-now' && leader) void engine?.syncOnce().catch(() => {});
      else if (message?.type === 'disconnect' && leader) void engine?.disconnect().catch(() => {});
    };
  }

  const stopWatching = options.watchStorage?.((key) => {
    if (key !== null && key !== CONNECTION_KEY) return;
    const next = readConnection(storage);
    if (sameConnection(next, connection) && sameSlice(next?.slice, connection?.slice)) {
      if (next?.role !== connection?.role) {
        connection = next;
        options.onRole?.(next?.role ?? null);
        emit();
      }
      return;
    }
    stopRunning();
    connection = next;
    status = null;
    options.onRole?.(next?.role ?? null);
    emit();
    startRunning();
  });

  options.onRole?.(connection?.role ?? null);
  startRunning();

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async connect(request: SignInRequest) {
      const module = await loadEngine();
      let session: Awaited<ReturnType<SyncEngineModule['signIn']>>;
      try {
        session = await module.signIn(request.url, request.name, request.password);
      } catch (e) {
        throw new TeamSignInError(describeSignInFailure(e, request.url));
      }
      if (!session) throw new TeamSignInError('The server did not accept that name and password.');
      stopRunning();
      saveConnection({
        url: request.url,
        database: request.database,
        name: session.name || request.name,
        ...(request.slice ? { slice: request.slice } : {}),
      });
      status = null;
      options.onRole?.(null);
      emit();
      startRunning();
    },
    async disconnect() {
      const was = connection;
      if (!was) return;
      // The engine forgets the team (its queue, revisions and checkpoint): the tab running it does
      // so after stopping; this tab does too, in case no tab runs it.
      if (engine) await engine.disconnect().catch(() => {});
      else channel?.postMessage({ type: 'disconnect' } satisfies Message);
      stopRunning();
      saveConnection(null);
      status = null;
      options.onRole?.(null);
      if (catchingUp) {
        catchingUp = false;
        options.onCatchingUp?.(false);
      }
      emit();
      channel?.postMessage({ type: 'status', status: null } satisfies Message);
      const module = await loadEngine();
      await module
        .localEngine(engineOptions(was))
        .disconnect()
        .catch(() => {});
      await module.signOut(was.url).catch(() => {});
    },
    async listConflicts() {
      if (!connection) return [];
      const module = await loadEngine();
      return module.localEngine(engineOptions(connection)).listConflicts();
    },
    async resolveConflict(table, rowId, choice) {
      if (!connection) throw new Error('No team is connected.');
      const module = await loadEngine();
      await module.localEngine(engineOptions(connection)).resolveConflict(table, rowId, choice);
      // The tab that syncs pushes the change and recounts; ask it now rather than at its next poll.
      if (engine) void engine.syncOnce().catch(() => {});
      else channel?.postMessage({ type: 'sync-now' } satisfies Message);
    },
    setSlice(slice) {
      if (!connection) return;
      const { slice: _old, ...rest } = connection;
      if (sameSlice(slice ?? undefined, connection.slice)) {
        // the same articles, perhaps described otherwise: keep the running sync
        saveConnection(slice ? { ...rest, slice } : rest);
        emit();
        return;
      }
      // the engine is made for one slice: stop it and start one for the new slice
      stopRunning();
      saveConnection(slice ? { ...rest, slice } : rest);
      status = null;
      emit();
      startRunning();
    },
    async findArticles(criteria) {
      if (!connection) return { articles: [], truncated: false };
      const module = await loadEngine();
      return module.findArticles(connection.url, connection.database, criteria);
    },
    syncNow() {
      if (engine) void engine.syncOnce().catch(() => {});
      else channel?.postMessage({ type: 'sync-now' } satisfies Message);
    },
    dispose() {
      stopRunning();
      stopWatching?.();
      channel?.close();
      listeners.clear();
    },
  };
}
