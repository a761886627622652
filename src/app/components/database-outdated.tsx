import { useEffect, useState } from 'react';
import { onDatabaseOutdated } from '@/db/errors';

/** Another tab opened a newer version of the database: this tab can no longer read or write, so say so. */
export function DatabaseOutdated() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => onDatabaseOutdated(setMessage), []);
  if (!message) return null;
  return (
    <div className="database-outdated" role="alert">
      {message}{' '}
      <button type="button" className="link-button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
