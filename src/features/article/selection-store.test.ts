import { describe, expect, test, vi } from 'vitest';
import { createSelectionStore } from '@/features/article/selection-store';

describe('the selection store', () => {
  test('follows the URL, and tells its listeners only when the selection changes', () => {
    const store = createSelectionStore();
    const heard = vi.fn();
    store.subscribe(heard);
    store.set({ claimId: 'c1', origin: 'list' });
    store.set({ claimId: 'c1', origin: 'list' });
    expect(store.get()).toEqual({ claimId: 'c1', origin: 'list' });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  test('shows a claim asked for at once, skips URLs of earlier steps, then follows the URL again', () => {
    const store = createSelectionStore();
    const write = vi.fn();
    store.bind(write);
    store.set({ claimId: 'c1', origin: 'keyboard' });
    store.select('c2', 'keyboard');
    store.select('c3', 'keyboard');
    expect(store.get().claimId).toBe('c3');
    expect(write.mock.calls).toEqual([
      ['c2', 'keyboard'],
      ['c3', 'keyboard'],
    ]);
    store.set({ claimId: 'c2', origin: 'keyboard' }); // the first step's URL lands late
    expect(store.get().claimId).toBe('c3');
    store.set({ claimId: 'c3', origin: 'keyboard' });
    store.set({ claimId: 'c9', origin: 'text' }); // any later URL (another tab's link, Back) is followed
    expect(store.get()).toEqual({ claimId: 'c9', origin: 'text' });
  });

  test('closing the claim shows at once too', () => {
    const store = createSelectionStore();
    store.set({ claimId: 'c1', origin: 'keyboard' });
    store.intend({ claimId: null, origin: null });
    expect(store.get().claimId).toBeNull();
    store.set({ claimId: 'c1', origin: 'keyboard' }); // the URL before the close
    expect(store.get().claimId).toBeNull();
    store.set({ claimId: null, origin: null });
    store.set({ claimId: 'c4', origin: 'list' });
    expect(store.get().claimId).toBe('c4');
  });
});
