/** User-facing messages for database failures, and the hook that reports an outdated tab. */

export const MESSAGES = {
  quota:
    'Storage is full: Claimdesk could not save this change, and nothing of it was kept; your earlier work is safe. Free some space on this device (other apps, files or other sites’ data) and try again.',
  outdated: 'Claimdesk was updated in another tab; reload this tab to keep working.',
  unavailable:
    'Claimdesk cannot open its database in this browser (private browsing, or storage blocked in the settings).',
  incomplete:
    'Part of Claimdesk did not load, so it cannot open your library: check the connection and reload the page. Nothing saved was touched.',
  opening:
    'Opening your library… The first open after an update reorganises a large library once, which can take a minute. Keep this tab open.',
  blocked:
    'Claimdesk is waiting for its other open tabs to let go of the database so it can update it. Close or reload the other Claimdesk tabs; this tab then carries on.',
  constraint: 'That would duplicate something already saved.',
  notFound: 'That item no longer exists; it may have been deleted in another tab.',
  unknown: 'Claimdesk could not save or read your data.',
} as const;

/** An error raised by the data layer itself, with a message fit for the user. */
export class DbError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid' | 'outdated',
    message: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

const INCOMPLETE = 'AppIncompleteError';

/** The database's write layer (write-layer.ts) could not be loaded, so the database may not open. */
export const appIncomplete = (cause: unknown): Error =>
  Object.assign(new Error(MESSAGES.incomplete, { cause }), { name: INCOMPLETE });

function errorNames(e: unknown): string[] {
  const names: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const err = cur as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (typeof err.name === 'string') names.push(err.name);
    // a Dexie BulkError carries the per-row errors in `failures`
    const firstFailure = Array.isArray(err.failures) ? err.failures[0] : undefined;
    cur = err.inner ?? err.cause ?? firstFailure;
  }
  return names;
}

/** A clear sentence for the user about a failed database operation (Dexie errors, their inner DOMExceptions, ours). */
export function describeDbError(e: unknown): string {
  if (e instanceof DbError) return e.message;
  const names = errorNames(e);
  const has = (...ns: string[]) => ns.some((n) => names.includes(n));
  if (has('QuotaExceededError')) return MESSAGES.quota;
  if (has(INCOMPLETE)) return MESSAGES.incomplete;
  if (has('DatabaseClosedError', 'VersionChangeError', 'VersionError', 'UpgradeError'))
    return MESSAGES.outdated;
  if (has('MissingAPIError', 'InvalidAccessError', 'SecurityError', 'OpenFailedError'))
    return MESSAGES.unavailable;
  if (has('ConstraintError')) return MESSAGES.constraint;
  if (has('NotFoundError')) return MESSAGES.notFound;
  if (e instanceof Error && names.length === 1 && names[0] === 'Error' && e.message) return e.message;
  return MESSAGES.unknown;
}

type OutdatedListener = (message: string) => void;
const outdatedListeners = new Set<OutdatedListener>();
let outdated = false;

/**
 * Called when another tab opened a newer version of the database: this tab's connection has been
 * closed and every later read or write fails, so the UI should ask for a reload. Listeners added
 * after the fact are called at once. Returns an unsubscribe function.
 */
export function onDatabaseOutdated(listener: OutdatedListener): () => void {
  outdatedListeners.add(listener);
  if (outdated) listener(MESSAGES.outdated);
  return () => {
    outdatedListeners.delete(listener);
  };
}

export function isDatabaseOutdated(): boolean {
  return outdated;
}

/** @internal used by db.ts's versionchange handler (and tests). */
export function reportDatabaseOutdated(): void {
  outdated = true;
  for (const l of outdatedListeners) l(MESSAGES.outdated);
}

/** @internal for tests. */
export function resetDatabaseOutdated(): void {
  outdated = false;
}

type BlockedListener = (blocked: boolean) => void;
const blockedListeners = new Set<BlockedListener>();
let blocked = false;

/** Called with true while this tab's upgrade waits for another tab (one that does not close), false when it goes on. */
export function onDatabaseBlocked(listener: BlockedListener): () => void {
  blockedListeners.add(listener);
  listener(blocked);
  return () => {
    blockedListeners.delete(listener);
  };
}

/** @internal used by db.ts's blocked / ready handlers (and tests). */
export function reportDatabaseBlocked(isBlocked: boolean): void {
  if (blocked === isBlocked) return;
  blocked = isBlocked;
  for (const l of blockedListeners) l(blocked);
}
