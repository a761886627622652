import { afterEach, expect, test, vi } from 'vitest';

// The worker's code, standing in: it listens to the page's messages once it is started.
const started = vi.hoisted(() => ({
  early: null as unknown,
  got: [] as unknown[],
  release: undefined as (() => void) | undefined,
}));
vi.mock('@/workers/search-worker-main', async () => {
  // the code's chunk arrives only when the test lets it (a slow load)
  await new Promise<void>((resolve) => {
    started.release = resolve;
  });
  return {
    startSearchWorker: (early: unknown) => {
      started.early = early;
      globalThis.addEventListener('message', (e) => started.got.push((e as MessageEvent).data));
    },
  };
});
vi.mock('@/db/search-early', () => ({ readSavedIndexEarly: (name: string) => `early read of ${name}` }));

afterEach(() => vi.resetModules());

test('the worker starts the early read at once, and hands the messages posted before its code loaded to that code, in order', async () => {
  await import('@/workers/search.worker');
  // the page's warm-up and first search, posted while the worker's code is still loading
  globalThis.dispatchEvent(new MessageEvent('message', { data: 'warm' }));
  globalThis.dispatchEvent(new MessageEvent('message', { data: 'search hospital' }));
  await vi.waitFor(() => expect(started.release).not.toBe(undefined));
  started.release?.();
  await vi.waitFor(() => expect(started.got).toEqual(['warm', 'search hospital']));
  expect(started.early).toBe('early read of claimdesk');
  // later messages reach the code once, not also through the hold
  globalThis.dispatchEvent(new MessageEvent('message', { data: 'search crime' }));
  expect(started.got).toEqual(['warm', 'search hospital', 'search crime']);
});
