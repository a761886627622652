import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { loadWriteLayer } from '@/db/write-layer-load';
import { useUiStore } from '@/stores/ui-store';
import '@/app/styles.css';

// The service worker caches the app shell for offline use and tells us when a newer one is waiting.
// Its registration code is its own chunk, asked for as the app renders: it is not needed to paint.
let updateServiceWorker: ((reloadPage?: boolean) => Promise<void>) | null = null;
void import('virtual:pwa-register')
  .then(({ registerSW }) => {
    updateServiceWorker = registerSW({
      immediate: true,
      onOfflineReady: () => useUiStore.getState().appCachedForOffline(),
      onNeedRefresh: () => useUiStore.getState().appUpdateFound(),
      onRegisteredSW: (_url, registration) => {
        if (registration?.active) useUiStore.getState().appCachedForOffline();
      },
    });
  })
  .catch(() => {});

// The database's write middlewares and upgrade steps, which its first open waits for: fetched beside
// the first render, not after it.
loadWriteLayer().catch(() => {});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App onUpdate={() => void updateServiceWorker?.(true)} />
  </StrictMode>,
);

// The claim search index loads in its worker while the app opens (its code in its own chunk, after
// the first paint), so the first search answers from a ready index.
const whenIdle = (fn: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(fn, { timeout: 2_000 })
    : setTimeout(fn, 500);
whenIdle(() => void import('@/db/search').then((m) => m.warmClaimSearch()).catch(() => {}));
