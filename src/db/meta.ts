import { db } from './db';

/** Well-known meta keys. */
export const META_KEYS = {
  referenceArticleSeeded: 'referenceArticleSeeded',
  /**
   * The batch id of the last restore from a backup: undo and redo act only on batches from it on
   * (src/db/undo.ts). A restore brings another library's history in, whose latest batch would else
   * be offered as this person's last change ("Undo: Import …" deleting a restored article), and
   * the rows a batch before the restore changed may since have been merged or replaced. Every
   * restore writes its own last, so one a backup carries never stays.
   */
  undoFloor: 'undoFloor',
} as const;

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
