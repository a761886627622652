import { useQuery } from '@tanstack/react-query';
import { formatBytes } from '@/core/import/limits';
import { storageQueries } from '@/db/queries';

/** Only what is true today: there is no backup or export to point at yet. */
export const NOT_PERSISTENT_HINT =
  'The browser has not agreed to keep this data: it may clear it when the device runs low on space.';

/** "Stored: 1.2 MB of 2.1 GB · persistent": how much the library takes, and whether the browser keeps it. */
export function StorageUsage() {
  const estimate = useQuery({ ...storageQueries.estimate(), refetchOnMount: 'always' });
  if (!estimate.data || estimate.data.usage === null) return null;
  const { usage, quota, persisted } = estimate.data;
  return (
    <p className="storage-usage">
      Stored: {formatBytes(usage)}
      {quota ? ` of ${formatBytes(quota)}` : ''} ·{' '}
      {persisted ? (
        <span className="persisted">persistent</span>
      ) : (
        <span title={NOT_PERSISTENT_HINT}>not persistent</span>
      )}
    </p>
  );
}
