import { registerSW } from 'virtual:pwa-register';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { useUiStore } from '@/stores/ui-store';
import '@/app/styles.css';

// The service worker caches the app shell for offline use and tells us when a newer one is waiting.
const updateServiceWorker = registerSW({
  immediate: true,
  onOfflineReady: () => useUiStore.getState().appCachedForOffline(),
  onNeedRefresh: () => useUiStore.getState().appUpdateFound(),
  onRegisteredSW: (_url, registration) => {
    if (registration?.active) useUiStore.getState().appCachedForOffline();
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App onUpdate={() => void updateServiceWorker(true)} />
  </StrictMode>,
);
