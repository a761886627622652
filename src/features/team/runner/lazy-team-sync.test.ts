import { describe, expect, it, vi } from 'vitest';
import { lazyTeamSync } from '@/features/team/runner/lazy-team-sync';
import { CONNECTION_KEY } from '@/features/team/runner/stored-connection';
import { createTeamSync } from '@/features/team/runner/team-sync-controller';
import { fakeEngineModule, fakeStorage, settle } from '@/test/team-sync-fakes';

const REQUEST = { url: 'http://127.0.0.1:5984', database: 'desk', name: 'ana', password: 'right' };
const VIEWER = { url: REQUEST.url, database: 'desk', name: 'ana', role: 'viewer' };

describe('lazyTeamSync', () => {
  it('without a team, loads no runner code and says so; a sign-in loads it and connects', async () => {
    const { module, engines } = fakeEngineModule();
    const { storage } = fakeStorage();
    const onRole = vi.fn();
    const load = vi.fn(async () => createTeamSync);
    const sync = lazyTeamSync(
      { loadEngine: async () => module, storage, newDeviceId: () => 'd1', onRole },
      load,
    );
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(onRole).toHaveBeenCalledWith(null);
    expect(sync.getSnapshot()).toEqual({ connection: null, status: null, leader: false });

    const changed = vi.fn();
    sync.subscribe(changed);
    await sync.connect(REQUEST);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(engines[0]?.started).toBe(true);
    expect(sync.getSnapshot().connection).toMatchObject({ name: 'ana', database: 'desk' });
    expect(changed).toHaveBeenCalled();
  });

  it('a remembered viewer is read-only from the first frame, before the runner code has loaded', async () => {
    const { module, engines } = fakeEngineModule();
    const { storage } = fakeStorage();
    storage.setItem(CONNECTION_KEY, JSON.stringify(VIEWER));
    const onRole = vi.fn();
    let loaded!: (create: typeof createTeamSync) => void;
    const load = vi.fn(() => new Promise<typeof createTeamSync>((resolve) => (loaded = resolve)));
    const sync = lazyTeamSync(
      { loadEngine: async () => module, storage, newDeviceId: () => 'd1', onRole },
      load,
    );
    expect(onRole).toHaveBeenCalledWith('viewer');
    expect(sync.getSnapshot().connection?.role).toBe('viewer');
    expect(load).toHaveBeenCalledTimes(1);
    loaded(createTeamSync);
    await settle();
    expect(engines[0]?.started).toBe(true);
  });

  it('another tab connecting a team loads the runner here', async () => {
    const { module, engines } = fakeEngineModule();
    const { storage, watch } = fakeStorage();
    const load = vi.fn(async () => createTeamSync);
    lazyTeamSync(
      { loadEngine: async () => module, storage, newDeviceId: () => 'd1', watchStorage: watch },
      load,
    );
    await settle();
    expect(load).not.toHaveBeenCalled();
    storage.setItem('unrelated', 'x');
    await settle();
    expect(load).not.toHaveBeenCalled();
    storage.setItem(CONNECTION_KEY, JSON.stringify({ ...VIEWER, role: 'member' }));
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(engines).toHaveLength(1);
  });

  it('runner code that cannot load is an error in the status, and the next request tries again', async () => {
    const { module } = fakeEngineModule();
    const { storage } = fakeStorage();
    storage.setItem(CONNECTION_KEY, JSON.stringify(VIEWER));
    const load = vi
      .fn<() => Promise<typeof createTeamSync>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValue(createTeamSync);
    const sync = lazyTeamSync({ loadEngine: async () => module, storage, newDeviceId: () => 'd1' }, load);
    await settle();
    expect(sync.getSnapshot().status).toMatchObject({
      state: 'error',
      message: 'The team sync could not start: chunk missing',
    });
    await expect(sync.listConflicts()).resolves.toEqual([]);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
