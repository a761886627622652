import { beforeEach, describe, expect, test } from 'vitest';
import { useUiStore } from './ui-store';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));

describe('ui store', () => {
  test('service worker events set the offline and update flags', () => {
    expect(useUiStore.getState()).toMatchObject({ offlineReady: false, updateReady: false });
    useUiStore.getState().appCachedForOffline();
    expect(useUiStore.getState()).toMatchObject({ offlineReady: true, updateReady: false });
    useUiStore.getState().appUpdateFound();
    expect(useUiStore.getState()).toMatchObject({ offlineReady: true, updateReady: true });
  });

  test('holds no open claim: that lives in the URL only', () => {
    expect(Object.keys(useUiStore.getState()).filter((k) => /claim/i.test(k))).toEqual([]);
  });
});
