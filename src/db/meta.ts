import { db } from './db';

/** Well-known meta keys. */
export const META_KEYS = {
  referenceArticleSeeded: 'referenceArticleSeeded',
} as const;

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}
