import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { MESSAGES, onDatabaseBlocked, onDatabaseOutdated } from '@/db/errors';
import { databaseQueries } from '@/db/health';

/** Says when the database cannot be used: unavailable here, taken over by a newer tab, or waiting for old tabs. */
export function DatabaseStatus() {
  const problem = useQuery(databaseQueries.problem()).data ?? null;
  const [outdated, setOutdated] = useState(false);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => onDatabaseOutdated(() => setOutdated(true)), []);
  useEffect(() => onDatabaseBlocked(setBlocked), []);

  if (outdated) {
    return (
      <div className="status status-error database-status" role="alert">
        {MESSAGES.outdated}{' '}
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (blocked) {
    return (
      <div className="status status-info database-status" role="status">
        {MESSAGES.blocked}
      </div>
    );
  }
  if (problem) {
    return (
      <div className="status status-error database-status" role="alert">
        {problem} Nothing can be saved, but you can still paste an article and read its claims.
      </div>
    );
  }
  return null;
}
