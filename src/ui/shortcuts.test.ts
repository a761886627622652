import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  defineKeymap,
  describeShortcuts,
  matchesKey,
  registerShortcuts,
  resetShortcutsForTests,
  shortcutGroups,
  useKeymap,
} from '@/ui/shortcuts';

afterEach(resetShortcutsForTests);

const key = (k: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) => {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(e);
  return e;
};

describe('matchesKey', () => {
  test('plain keys never fire with Ctrl, ⌘ or Alt', () => {
    expect(
      matchesKey('j', { key: 'j', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false }),
    ).toBe(true);
    expect(matchesKey('j', { key: 'j', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe(
      false,
    );
    expect(matchesKey('j', { key: 'J', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe(
      false,
    );
    expect(matchesKey('?', { key: '?', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe(
      true,
    );
  });
  test('Mod means Ctrl or ⌘, and Shift must match exactly', () => {
    const e = { key: 'z', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false };
    expect(matchesKey('Mod+z', e)).toBe(true);
    expect(matchesKey('Mod+Shift+z', e)).toBe(false);
    expect(matchesKey('Mod+Shift+z', { ...e, key: 'Z', shiftKey: true })).toBe(true);
    expect(matchesKey('Mod+z', { ...e, ctrlKey: false, metaKey: true })).toBe(true);
  });
});

describe('registry', () => {
  test('the newest registration answers first; removing it gives the key back', () => {
    const older = vi.fn();
    const newer = vi.fn();
    registerShortcuts('A', [{ keys: 'j', description: 'next', match: ['j'], run: older }]);
    const off = registerShortcuts('B', [{ keys: 'j', description: 'next B', match: ['j'], run: newer }]);
    key('j');
    expect(newer).toHaveBeenCalledOnce();
    expect(older).not.toHaveBeenCalled();
    off();
    key('j');
    expect(older).toHaveBeenCalledOnce();
  });

  test('keys typed into inputs are left alone unless a binding asks for them', () => {
    const plain = vi.fn();
    const undo = vi.fn();
    registerShortcuts('A', [
      { keys: 't', description: 'tag', match: ['t'], run: plain },
      { keys: 'Ctrl+Z', description: 'undo', match: ['Mod+z'], run: undo, inInputs: true },
    ]);
    const input = document.createElement('input');
    document.body.append(input);
    key('t', {}, input);
    key('z', { ctrlKey: true }, input);
    expect(plain).not.toHaveBeenCalled();
    expect(undo).toHaveBeenCalledOnce();
    input.remove();
  });

  test('a disabled binding lets the next one answer', () => {
    const run = vi.fn();
    registerShortcuts('A', [{ keys: 'Esc', description: 'close', match: ['Escape'], run }]);
    registerShortcuts('B', [
      { keys: 'Esc', description: 'cancel', match: ['Escape'], run: vi.fn(), enabled: () => false },
    ]);
    expect(key('Escape').defaultPrevented).toBe(true);
    expect(run).toHaveBeenCalledOnce();
  });

  test('help lists active scopes first, then documented ones', () => {
    describeShortcuts('Claims table', [{ keys: '/', description: 'Search' }]);
    registerShortcuts('Article', [{ keys: 'j', description: 'Next claim', match: ['j'], run: () => {} }]);
    expect(shortcutGroups()).toEqual([
      { scope: 'Article', active: true, shortcuts: [{ keys: 'j', description: 'Next claim' }] },
      { scope: 'Claims table', active: false, shortcuts: [{ keys: '/', description: 'Search' }] },
    ]);
  });
});

describe('keymaps', () => {
  test('a keymap is documented once defined, and its bindings answer in the same words', () => {
    const map = defineKeymap('Demo', { next: { keys: 'j', description: 'Next thing', match: ['j'] } });
    expect(shortcutGroups()).toEqual([
      { scope: 'Demo', active: false, shortcuts: [{ keys: 'j', description: 'Next thing' }] },
    ]);
    const run = vi.fn();
    const { unmount } = renderHook(() => useKeymap(map, { next: { run } }));
    key('j');
    expect(run).toHaveBeenCalledOnce();
    expect(shortcutGroups()[0]).toMatchObject({ scope: 'Demo', active: true });
    unmount();
  });
});
