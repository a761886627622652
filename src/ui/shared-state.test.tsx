import { render, screen } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { isDatabaseOutdated, reportDatabaseOutdated } from '@/db/errors';
import { useUiStore } from '@/stores/ui-store';
import { registerShortcuts, shortcutGroups } from '@/ui/shortcuts';
import { showToast, Toaster } from '@/ui/toast';

// The ui project shares one module graph between files (isolate: false). The first test leaves behind
// what a careless file would; the second starts as every test must, from the first state
// (src/test/setup-ui.ts). In this order always, whatever --sequence.shuffle says.
describe('what one test leaves, the next does not see', { shuffle: false }, () => {
  test('a test leaves a toast, a store change, a fake clock, a global, a spy, shortcuts, storage and a rendered tree', () => {
    showToast('left behind');
    useUiStore.getState().appCachedForOffline();
    vi.useFakeTimers();
    vi.stubGlobal('innerHeight', 1);
    vi.spyOn(Math, 'random').mockReturnValue(2);
    reportDatabaseOutdated();
    registerShortcuts('Left behind', [{ keys: 'g', description: 'Go', match: ['g'], run: () => {} }]);
    localStorage.setItem('left-behind', '1');
    render(<p>still here</p>);
    expect(screen.getByText('still here')).toBeTruthy();
  });

  test('the next test starts from the first state', () => {
    render(<Toaster />);
    expect(document.querySelectorAll('.toast')).toHaveLength(0);
    expect(useUiStore.getState().offlineReady).toBe(false);
    expect(vi.isFakeTimers()).toBe(false);
    expect(window.innerHeight).not.toBe(1);
    expect(Math.random()).toBeLessThan(1);
    expect(isDatabaseOutdated()).toBe(false);
    expect(shortcutGroups().map((g) => g.scope)).not.toContain('Left behind');
    expect(screen.queryByText('still here')).toBeNull();
    expect(localStorage.getItem('left-behind')).toBeNull();
  });
});
