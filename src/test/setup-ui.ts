/**
 * Before and after every test of the `ui` project: the state its files share. The project runs with
 * `isolate: false` (one jsdom and one module graph per worker, vite.config.ts), so a store, the toast
 * list, a fake clock, a stubbed global or a spy left by one file is what the next file sharing the
 * worker starts from. Each test starts from the app's own first state instead, whatever ran before it.
 */
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { reportDatabaseBlocked, resetDatabaseOutdated } from '@/db/errors';
import { resetBulkImport } from '@/features/import/bulk/bulk-runner';
import { useUiStore } from '@/stores/ui-store';
import { resetShortcutsForTests } from '@/ui/shortcuts';
import { resetToastsForTests } from '@/ui/toast';

// `findBy…` and `waitFor` give up after 1 s by default: at a load of 20-30 on the two-core machine a
// screen's first read took longer, and a test failed that passes alone. A bound, not a duration.
configure({ asyncUtilTimeout: 10_000 });

const firstUiState = useUiStore.getInitialState();

beforeEach(() => {
  useUiStore.setState(firstUiState, true);
  resetToastsForTests();
  resetShortcutsForTests();
  resetBulkImport();
  resetDatabaseOutdated();
  reportDatabaseBlocked(false);
});

afterEach(() => {
  // what a test rendered is unmounted (Testing Library cleans up by itself only with vitest's globals)
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
  // one jsdom per worker: its storage too (the team runner reads its connection from localStorage)
  localStorage.clear();
  sessionStorage.clear();
});
