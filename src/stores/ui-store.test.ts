import { beforeEach, describe, expect, test } from 'vitest';
import { useUiStore } from './ui-store';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));

describe('ui store', () => {
  test('selecting a claim keeps its id and where the selection came from', () => {
    useUiStore.getState().claimSelected('c1', 'text');
    expect(useUiStore.getState()).toMatchObject({ selectedClaimId: 'c1', selectionOrigin: 'text' });
    useUiStore.getState().claimSelected('c2', 'keyboard');
    expect(useUiStore.getState()).toMatchObject({ selectedClaimId: 'c2', selectionOrigin: 'keyboard' });
  });

  test('clearing the selection forgets the claim', () => {
    useUiStore.getState().claimSelected('c1', 'list');
    useUiStore.getState().selectionCleared();
    expect(useUiStore.getState()).toMatchObject({ selectedClaimId: null, selectionOrigin: null });
  });

  test('service worker events set the offline and update flags', () => {
    expect(useUiStore.getState()).toMatchObject({ offlineReady: false, updateReady: false });
    useUiStore.getState().appCachedForOffline();
    useUiStore.getState().appUpdateFound();
    expect(useUiStore.getState()).toMatchObject({ offlineReady: true, updateReady: true });
  });

  test('each test starts from the initial state', () => {
    expect(useUiStore.getState().selectedClaimId).toBeNull();
  });
});
