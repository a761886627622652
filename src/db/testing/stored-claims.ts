import type { Dexie } from 'dexie';
import type { StoredClaim } from '../derived/hot-keys';

/** The claim rows as IndexedDB holds them, below every middleware (with their hot keys), in id order. */
export function storedClaims(target: Dexie): Promise<StoredClaim[]> {
  return new Promise((resolve, reject) => {
    const req = target.backendDB().transaction('claims', 'readonly').objectStore('claims').getAll();
    req.onsuccess = () => resolve(req.result as StoredClaim[]);
    req.onerror = () => reject(req.error);
  });
}
