import { registerSW } from 'virtual:pwa-register';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { firstRunSettled } from '@/app/first-run';
import { useUiStore } from '@/stores/ui-store';
import '@/app/styles.css';

/**
 * Runs `fn` once the start is over: the page loaded, the first run's check (on a first start, the
 * reference article's import) settled, then the main thread idle (or `timeout` ms at the latest).
 */
function afterStart(fn: () => void, timeout: number) {
  const idle = () =>
    typeof requestIdleCallback === 'function' ? requestIdleCallback(fn, { timeout }) : setTimeout(fn, 500);
  const loaded =
    document.readyState === 'complete'
      ? Promise.resolve()
      : new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  void Promise.all([loaded, firstRunSettled]).then(idle);
}

// The service worker caches the app shell for offline use and tells us when a newer one is waiting.
// It registers after the start: its install downloads and caches the whole build (some 60 files),
// which competed with the first screen's scripts, reads and first-run import when it began at once.
let updateServiceWorker: ((reload?: boolean) => Promise<void>) | null = null;
afterStart(() => {
  updateServiceWorker = registerSW({
    immediate: true,
    onOfflineReady: () => useUiStore.getState().appCachedForOffline(),
    onNeedRefresh: () => useUiStore.getState().appUpdateFound(),
    onRegisteredSW: (_url, registration) => {
      if (registration?.active) useUiStore.getState().appCachedForOffline();
    },
  });
}, 3_000);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App onUpdate={() => void updateServiceWorker?.(true)} />
  </StrictMode>,
);

// The claim search index loads in its worker once the app has opened (its code in its own chunk),
// so the first search answers from a ready index.
afterStart(() => void import('@/db/search').then((m) => m.warmClaimSearch()).catch(() => {}), 2_000);
