import { vi } from 'vitest';
import type { EngineOptions, SyncEngine, SyncEngineModule, SyncStatus } from '@/features/team/team-types';

/** Stand-ins for what the team-sync runner is given (tabs, locks, storage, the engine), for its tests. */

/** A Web Locks stand-in: one holder per name, the next waiter gets it when the holder's callback settles. */
export function fakeLocks() {
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
export function fakeChannels() {
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

export function fakeStorage() {
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

export function fakeEngineModule() {
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

export const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};
