import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { MESSAGES, onDatabaseBlocked, onDatabaseOutdated } from '@/db/errors';
import { databaseQueries } from '@/db/health';
import { ReloadButton } from '@/ui/reload-button';

/** How long the database may take to open before the person is told why they wait. */
export const SLOW_OPEN_MS = 2000;

/**
 * Says when the database cannot be used: unavailable here, taken over by a newer tab, part of the
 * app not loaded (the write layer's chunk), waiting for old tabs, or still opening (the first open after an update reorganises a large library once:
 * tens of seconds at 100,000 claims).
 */
export function DatabaseStatus() {
  const health = useQuery(databaseQueries.problem());
  const problem = health.data ?? null;
  const [outdated, setOutdated] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [slow, setSlow] = useState(false);
  useEffect(() => onDatabaseOutdated(() => setOutdated(true)), []);
  useEffect(() => onDatabaseBlocked(setBlocked), []);
  useEffect(() => {
    if (!health.isPending) return;
    const timer = setTimeout(() => setSlow(true), SLOW_OPEN_MS);
    return () => clearTimeout(timer);
  }, [health.isPending]);

  // a newer tab took the database, or part of the app did not load: a reload is the way on
  const reloadFor = outdated ? MESSAGES.outdated : problem === MESSAGES.incomplete ? problem : null;
  if (reloadFor) {
    return (
      <div className="status status-error database-status" role="alert">
        {reloadFor} <ReloadButton />
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
  if (health.isPending && slow) {
    return (
      <div className="status status-info database-status" role="status">
        {MESSAGES.opening}
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
