import { describe, expect, it, vi } from 'vitest';
import { CONNECTION_KEY, createTeamSync, TeamSignInError } from '@/features/team/runner/team-sync-controller';
import { CouchError, NetworkError } from '@/sync/couch';
import { NOT_COUCHDB } from '@/sync/session';
import { fakeChannels, fakeEngineModule, fakeLocks, fakeStorage, settle } from '@/test/team-sync-fakes';

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

  it('tells the app a bulk writer runs while a first sync receives and while its filter rows are built after', async () => {
    const { module, engines } = fakeEngineModule();
    const { storage } = fakeStorage();
    const onCatchingUp = vi.fn();
    const sync = createTeamSync({
      loadEngine: async () => module,
      storage,
      newDeviceId: () => 'd1',
      onCatchingUp,
    });
    await sync.connect(REQUEST);
    await settle();
    engines[0]!.emit({ state: 'pulling', pending: 0, conflicts: 0, progress: { done: 10, total: 40 } });
    expect(onCatchingUp).toHaveBeenLastCalledWith(true);
    // synced, the filter rows still being written: still catching up
    engines[0]!.emit({
      state: 'idle',
      pending: 0,
      conflicts: 0,
      lastSyncAt: 1,
      indexing: { done: 0, total: 40 },
    });
    expect(onCatchingUp).toHaveBeenCalledTimes(1);
    engines[0]!.emit({ state: 'idle', pending: 0, conflicts: 0, lastSyncAt: 1 });
    expect(onCatchingUp).toHaveBeenLastCalledWith(false);
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

describe('a failed sign-in, in words for the form', () => {
  const failing = (error: unknown) => {
    const { module } = fakeEngineModule();
    const signIn = async () => {
      throw error;
    };
    const { storage } = fakeStorage();
    return createTeamSync({
      loadEngine: async () => ({ ...module, signIn }),
      storage,
      newDeviceId: () => 'd1',
    });
  };
  const said = async (error: unknown) => {
    const failure = await failing(error)
      .connect(REQUEST)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TeamSignInError);
    return (failure as Error).message;
  };

  it('a server down: cannot be reached, without the browser’s words in brackets', async () => {
    expect(
      await said(
        new NetworkError('The team server at http://127.0.0.1:5984 cannot be reached (Failed to fetch).'),
      ),
    ).toBe(
      'The server at http://127.0.0.1:5984 cannot be reached. Check the address, your connection, and that the server allows this app (CORS).',
    );
  });

  it('an address that is not CouchDB (a 404 with no CouchDB error): says so, not “404 404: Not Found”', async () => {
    const message = await said(new CouchError(404, '404', 'Not Found'));
    expect(message).toBe(
      'No CouchDB server answers at http://127.0.0.1:5984: that address answered “Not Found”. Check the server address (CouchDB’s own, often this site’s address followed by /couchdb).',
    );
    expect(message).not.toContain('404 404');
  });

  it('an address that answers 200 but not as CouchDB (a catch-all web server): says so', async () => {
    expect(await said(new CouchError(200, NOT_COUCHDB, 'the answer was not a CouchDB session'))).toBe(
      'No CouchDB server answers at http://127.0.0.1:5984: that address answered, but not as CouchDB does. Check the server address (CouchDB’s own, often this site’s address followed by /couchdb).',
    );
  });

  it('a server error: the status once, and what to do', async () => {
    expect(await said(new CouchError(500, '500', 'Internal Server Error'))).toBe(
      'The server at http://127.0.0.1:5984 had an error (500 Internal Server Error). Try again later, or ask whoever runs it.',
    );
  });
});
