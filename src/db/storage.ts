export type StorageEstimate = Readonly<{
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}>;

function storageManager(): StorageManager | null {
  return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : null;
}

/** Asks the browser not to evict Claimdesk's data under storage pressure. False when refused or unsupported. */
export async function requestPersistentStorage(): Promise<boolean> {
  const storage = storageManager();
  if (!storage?.persist) return false;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Bytes used and available, and whether storage is persistent; nulls where the browser does not say. */
export async function estimateStorage(): Promise<StorageEstimate> {
  const storage = storageManager();
  if (!storage) return { usage: null, quota: null, persisted: null };
  const [estimate, persisted] = await Promise.all([
    storage.estimate ? storage.estimate().catch(() => null) : null,
    storage.persisted ? storage.persisted().catch(() => null) : null,
  ]);
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}
