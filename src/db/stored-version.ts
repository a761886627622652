const notedVersions = new Map<string, number>();

/**
 * Notes the version of database `name` as a connection just opened it (IndexedDB's numbering), for its
 * next open to take instead of asking the browser (a round trip): the search worker's early read.
 */
export function noteStoredVersion(name: string, idbVersion: number): void {
  notedVersions.set(name, idbVersion / 10);
}

/**
 * The version of database `name` as stored (Dexie's numbering), null when there is none, undefined
 * when the browser cannot say (no `indexedDB.databases()`).
 */
export async function storedVersion(name: string): Promise<number | null | undefined> {
  const noted = notedVersions.get(name);
  notedVersions.delete(name);
  if (noted !== undefined) return noted;
  // no IndexedDB here (Dexie's open says so), or no list of databases: the caller declares the history
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return undefined;
  try {
    const found = (await indexedDB.databases()).find((d) => d.name === name);
    // Dexie stores its version times 10
    return found?.version === undefined ? null : found.version / 10;
  } catch {
    return undefined;
  }
}
