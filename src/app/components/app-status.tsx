import { useOfflineReady, useUpdateReady } from '@/stores/ui-store';

/** The service worker's state in words: cached for offline use, or a newer version waiting. */
export function AppStatus({ onUpdate }: Readonly<{ onUpdate: () => void }>) {
  const offlineReady = useOfflineReady();
  const updateReady = useUpdateReady();
  if (updateReady) {
    return (
      <div className="app-status" role="status">
        Update ready.{' '}
        <button type="button" className="link-button" onClick={onUpdate}>
          Reload to update
        </button>
      </div>
    );
  }
  return (
    <div className="app-status" role="status">
      {offlineReady ? (
        <span className="offline-ready">
          <span aria-hidden="true">●</span> Available offline
        </span>
      ) : null}
    </div>
  );
}
