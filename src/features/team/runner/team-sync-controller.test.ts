import { describe, expect, it, vi } from 'vitest';
import { CONNECTION_KEY, createTeamSync, TeamSignInError } from '@/features/team/runner/team-sync-controller';
import type { EngineOptions, SyncEngine, SyncEngineModule, SyncStatus } from '@/features/team/team-types';

/** A Web Locks stand-in: one holder per name, the next waiter gets it when the holder's callback settles. */
function fakeLocks() {
  const queues = new Map<string, (() => void)[]>();
  const held = new Set<string>();
  const next = (name: string) => {
    const queue = queues.get(name) ?? [];
    const run = queue.shift();
    if (run) run();
    else held.delete(name);
  };
  return {
    request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>) {
      return new Promise<void>((resolve, reject) => {
        const run = () => {
          held.add(name);
          callback()
            .then(resolve, reject)
            .finally(() => next(name));
        };
        if (!held.has(name)) return run();
        const queue = queues.get(name) ?? [];
        queue.push(run);
        queues.set(name, queue);
        options.signal?.addEventListener('abort', () => {
          const i = queue.indexOf(run);
          if (i >= 0) queue.splice(i, 1);
          reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
        });
      });
    },
  } as unknown as LockManager;
}

/** BroadcastChannel between the tabs of one test (the sender does not hear itself, as in browsers). */
function fakeChannels() {
  const open = new Set<{ onmessage: ((e: MessageEvent) => void) | null }>();
  return () => {
    const me = {
      onmessage: null as ((e: MessageEvent) => void) | null,
      postMessage(data: unknown) {
        for (const other of open)
          if (other !== me) queueMicrotask(() => other.onmessage?.({ data } as MessageEvent));
      },
      close() {
        open.delete(me);
      },
    };
    open.add(me);
    return me;
  };
}

function fakeStorage() {
  const map = new Map<string, string>();
  const watchers = new Set<(key: string | null) => void>();
  return {
    storage: {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => {
        map.set(k, v);
        for (const w of watchers) queueMicrotask(() => w(k));
      },
      removeItem: (k: string) => {
        map.delete(k);
        for (const w of watchers) queueMicrotask(() => w(k));
      },
    },
    /** Like the 'storage' event: other tabs hear a change (here every tab does; a tab's own change is a no-op). */
    watch: (cb: (key: string | null) => void) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
  };
}

function fakeEngineModule() {
  const engines: (SyncEngine & {
    emit(s: SyncStatus): void;
    started: boolean;
    stopped: boolean;
    synced: number;
    forgot: boolean;
  })[] = [];
  const forgotten = { count: 0 };
  const options: EngineOptions[] = [];
  const module: SyncEngineModule = {
    createEngine: (o: EngineOptions) => {
      options.push(o);
      const listeners = new Set<(s: SyncStatus) => void>();
      let status: SyncStatus = { state: 'idle', pending: 0, conflicts: 0 };
      const engine = {
        started: false,
        stopped: false,
        synced: 0,
        forgot: false,
        start() {
          engine.started = true;
        },
        async stop() {
          engine.stopped = true;
        },
        async disconnect() {
          engine.stopped = true;
          engine.forgot = true;
        },
        listConflicts: async () => [],
        resolveConflict: async () => {},
        syncOnce: async () => {
          engine.synced += 1;
          return {};
        },
        getStatus: () => status,
        subscribe(l: (s: SyncStatus) => void) {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        emit(s: SyncStatus) {
          status = s;
          for (const l of listeners) l(s);
        },
      };
      engines.push(engine);
      return engine;
    },
    localEngine: () => ({
      listConflicts: async () => [],
      resolveConflict: async () => {},
      disconnect: async () => {
        forgotten.count += 1;
      },
    }),
    signIn: vi.fn(async (_url: string, name: string, password: string) =>
      password === 'right' ? { name, roles: [] } : null,
    ),
    getSession: async () => null,
    signOut: vi.fn(async () => {}),
    findArticles: vi.fn(async () => ({
      articles: [{ id: 'a1', title: 'One', publishedAt: null }],
      truncated: false,
    })),
  };
  return { module, engines, forgotten, options };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

const REQUEST = { url: 'http://127.0.0.1:5984', database: 'desk', name: 'ana', password: 'right' };

describe('createTeamSync', () => {
  it('loads nothing and runs nothing until a team is connected', async () => {
    const loadEngine = vi.fn();
    const { storage } = fakeStorage();
    const sync = createTeamSync({ loadEngine, storage, newDeviceId: () => 'd1' });
    await settle();
    expect(loadEngine).not.toHaveBeenCalled();
    expect(sync.getSnapshot()).toEqual({ connection: null, status: null, leader: false });
  });

  it('refuses a wrong password with a sentence and remembers nothing', async () => {
    const { module } = fakeEngineModule();
    const { storage } = fakeStorage();
    const sync = createTeamSync({ loadEngine: async () => module, storage, newDeviceId: () => 'd1' });
    await expect(sync.connect({ ...REQUEST, password: 'wrong' })).rejects.toBeInstanceOf(TeamSignInError);
    expect(storage.getItem(CONNECTION_KEY)).toBeNull();
  });

  it('keeps the connection but never the password, and reports the role the engine gives', async () => {
    const { module, engines } = fakeEngineModule();
    const { storage } = fakeStorage();
    const onRole = vi.fn();
    const sync = createTeamSync({ loadEngine: async () => module, storage, newDeviceId: () => 'd1', onRole });
    await sync.connect(REQUEST);
    await settle();
    expect(storage.getItem(CONNECTION_KEY)).not.toContain('right');
    expect(engines).toHaveLength(1);
    expect(engines[0]!.started).toBe(true);
    engines[0]!.emit({ state: 'idle', pending: 0, conflicts: 0, role: 'viewer' });
    expect(onRole).toHaveBeenLastCalledWith('viewer');
    expect(JSON.parse(storage.getItem(CONNECTION_KEY)!)).toMatchObject({ name: 'ana', role: 'viewer' });
  });

  it('runs the engine in one tab; the other shows its status, passes Sync now on, and takes over when it closes', async () => {
    const { module, engines } = fakeEngineModule();
    const { storage, watch } = fakeStorage();
    const locks = fakeLocks();
    const openChannel = fakeChannels();
    const options = { loadEngine: async () => module, storage, locks, openChannel, watchStorage: watch };
    const tabA = createTeamSync({ ...options, newDeviceId: () => 'd1' });
    const tabB = createTeamSync({ ...options, newDeviceId: () => 'd1' });
    await tabA.connect(REQUEST);
    await settle();
    expect(engines).toHaveLength(1);
    expect(tabA.getSnapshot().leader).toBe(true);
    expect(tabB.getSnapshot().leader).toBe(false);
    expect(tabB.getSnapshot().connection?.database).toBe('desk');

    engines[0]!.emit({ state: 'pulling', pending: 3, conflicts: 1, progress: { done: 10, total: 40 } });
    await settle();
    expect(tabB.getSnapshot().status).toMatchObject({ state: 'pulling', pending: 3, progress: { done: 10 } });

    tabB.syncNow();
    await settle();
    expect(engines[0]!.synced).toBe(1);

    tabA.dispose();
    await settle();
    expect(engines[0]!.stopped).toBe(true);
    expect(engines).toHaveLength(2);
    expect(tabB.getSnapshot().leader).toBe(true);
    tabB.dispose();
  });

  it('disconnecting in one tab stops the sync in the tab that runs it, forgets the team, and signs out', async () => {
    const { module, engines, forgotten } = fakeEngineModule();
    const { storage, watch } = fakeStorage();
    const locks = fakeLocks();
    const openChannel = fakeChannels();
    const options = { loadEngine: async () => module, storage, locks, openChannel, watchStorage: watch };
    const tabA = createTeamSync({ ...options, newDeviceId: () => 'd1' });
    const tabB = createTeamSync({ ...options, newDeviceId: () => 'd1' });
    await tabA.connect(REQUEST);
    await settle();
    await tabB.disconnect();
    await settle();
    expect(engines[0]!.stopped).toBe(true);
    expect(engines[0]!.forgot).toBe(true);
    expect(forgotten.count).toBe(1);
    expect(tabA.getSnapshot()).toMatchObject({ connection: null, leader: false });
    expect(module.signOut).toHaveBeenCalledWith(REQUEST.url);
    expect(engines).toHaveLength(1);
    tabA.dispose();
    tabB.dispose();
  });
  it('a slice restarts the engine for the chosen articles and is remembered; the whole library again without one', async () => {
    const { module, engines, options } = fakeEngineModule();
    const { storage } = fakeStorage();
    const sync = createTeamSync({ loadEngine: async () => module, storage, newDeviceId: () => 'd1' });
    await sync.connect({ ...REQUEST, slice: { articleIds: [], label: 'none chosen yet' } });
    await settle();
    expect(options.at(-1)?.slice).toEqual({ articleIds: [] });
    expect(await sync.findArticles({ tag: 'budget' })).toMatchObject({ articles: [{ id: 'a1' }] });
    expect(module.findArticles).toHaveBeenCalledWith(REQUEST.url, REQUEST.database, { tag: 'budget' });

    sync.setSlice({ articleIds: ['a1', 'a2'], label: 'tag budget' });
    await settle();
    expect(engines).toHaveLength(2);
    expect(engines[0]!.stopped).toBe(true);
    expect(options.at(-1)?.slice).toEqual({ articleIds: ['a1', 'a2'] });
    expect(JSON.parse(storage.getItem(CONNECTION_KEY)!).slice).toEqual({
      articleIds: ['a1', 'a2'],
      label: 'tag budget',
    });
    expect(sync.getSnapshot().connection?.slice?.label).toBe('tag budget');

    // the same articles under another name: no restart
    sync.setSlice({ articleIds: ['a1', 'a2'], label: 'two articles' });
    await settle();
    expect(engines).toHaveLength(2);

    // found by a search: the engine gets the search (new matches join) and what was left out
    const found = { articleIds: ['a1'], label: 'tag budget', criteria: { tag: 'budget' }, excluded: ['a2'] };
    sync.setSlice(found);
    await settle();
    expect(engines).toHaveLength(3);
    expect(options.at(-1)?.slice).toEqual({
      articleIds: ['a1'],
      criteria: { tag: 'budget' },
      excluded: ['a2'],
    });
    expect(JSON.parse(storage.getItem(CONNECTION_KEY)!).slice).toEqual(found);

    sync.setSlice(null);
    await settle();
    expect(engines).toHaveLength(4);
    expect(options.at(-1)?.slice).toBeUndefined();
    expect(JSON.parse(storage.getItem(CONNECTION_KEY)!).slice).toBeUndefined();
  });
});
