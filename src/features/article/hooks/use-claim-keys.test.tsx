import { cleanup, renderHook } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { useUiStore } from '@/stores/ui-store';
import { useClaimKeys } from './use-claim-keys';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));
afterEach(cleanup);

const selected = () => useUiStore.getState().selectedClaimId;

describe('useClaimKeys', () => {
  test('j and k walk the claims in order, stopping at the ends; Escape clears', async () => {
    renderHook(() => useClaimKeys(['a', 'b', 'c']));
    await userEvent.keyboard('k');
    expect(selected()).toBe('a'); // nothing selected: either key starts at the first
    await userEvent.keyboard('jjj');
    expect(selected()).toBe('c');
    await userEvent.keyboard('k');
    expect(selected()).toBe('b');
    expect(useUiStore.getState().selectionOrigin).toBe('keyboard');
    await userEvent.keyboard('{Escape}');
    expect(selected()).toBeNull();
  });

  test('keys typed into a field are text, not navigation', async () => {
    renderHook(() => useClaimKeys(['a', 'b']));
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await userEvent.keyboard('j');
    expect(selected()).toBeNull();
    input.remove();
  });
});
