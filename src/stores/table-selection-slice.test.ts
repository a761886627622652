import { beforeEach, describe, expect, test } from 'vitest';
import { useUiStore } from '@/stores/ui-store';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
const selected = () => [...useUiStore.getState().tableSelection].sort();

describe('claims table selection', () => {
  test('toggling adds then removes an id and moves the anchor', () => {
    useUiStore.getState().tableRowToggled('a');
    useUiStore.getState().tableRowToggled('b');
    expect(selected()).toEqual(['a', 'b']);
    useUiStore.getState().tableRowToggled('a');
    expect(selected()).toEqual(['b']);
    expect(useUiStore.getState().tableAnchorId).toBe('a');
  });

  test('a range joins the selection; select all replaces it; clearing empties it', () => {
    useUiStore.getState().tableRowToggled('x');
    useUiStore.getState().tableRangeSelected(['a', 'b', 'c'], 'c');
    expect(selected()).toEqual(['a', 'b', 'c', 'x']);
    useUiStore.getState().tableSelectionReplaced(['q', 'r']);
    expect(selected()).toEqual(['q', 'r']);
    useUiStore.getState().tableSelectionCleared();
    expect(selected()).toEqual([]);
    expect(useUiStore.getState().tableAnchorId).toBeNull();
  });
});
