import { SOURCE_TYPES, type Source, type SourceId, type SourceType } from '@/core/model/types';
import { db } from './db';
import { DbError } from './errors';
import { recordHistory, type WriteOptions } from './history';
import { newId } from './ids';
import { patchRow } from './rows';

export type SourceInput = Readonly<{
  url: string;
  title?: string;
  publisher?: string;
  date?: string | null;
  type?: SourceType;
  notes?: string;
  excerpt?: string | null;
}>;

export type SourcePatch = Partial<
  Pick<Source, 'url' | 'title' | 'publisher' | 'date' | 'type' | 'notes' | 'excerpt'>
>;

function checkType(type: SourceType | undefined): void {
  if (type !== undefined && !(SOURCE_TYPES as readonly string[]).includes(type)) {
    throw new DbError('invalid', `Unknown source type “${type}”.`);
  }
}

/** The live sources saved with this URL (exact, after trimming). */
export function findSourcesByUrl(url: string): Promise<Source[]> {
  return db.sources
    .where('url')
    .equals(url.trim())
    .filter((s) => s.deletedAt === null)
    .toArray();
}

/** Inside a transaction over sources and history. */
export async function insertSource(input: SourceInput, now: number, options: WriteOptions): Promise<Source> {
  checkType(input.type);
  const url = input.url.trim();
  const source: Source = {
    id: newId<SourceId>(),
    url,
    title: input.title?.trim() || url,
    publisher: input.publisher?.trim() ?? '',
    date: input.date?.trim() || null,
    type: input.type ?? 'other',
    notes: input.notes ?? '',
    excerpt: input.excerpt ?? null,
    updatedAt: now,
    deletedAt: null,
  };
  await db.sources.add(source);
  await recordHistory(
    [{ table: 'sources', rowId: source.id, action: 'create', from: null, to: source }],
    now,
    options,
  );
  return source;
}

export async function createSource(input: SourceInput, options: WriteOptions = {}): Promise<Source> {
  return db.transaction('rw', [db.sources, db.history], () => insertSource(input, Date.now(), options));
}

export async function updateSource(
  id: SourceId,
  patch: SourcePatch,
  options: WriteOptions = {},
): Promise<Source> {
  checkType(patch.type);
  const full: SourcePatch = patch.url === undefined ? patch : { ...patch, url: patch.url.trim() };
  return db.transaction('rw', [db.sources, db.history], () =>
    patchRow('sources', db.sources, id, full, Date.now(), options),
  );
}

export function softDeleteSource(id: SourceId, options: WriteOptions = {}): Promise<Source> {
  return db.transaction('rw', [db.sources, db.history], () => {
    const now = Date.now();
    return patchRow('sources', db.sources, id, { deletedAt: now }, now, options, 'delete');
  });
}

export function restoreSource(id: SourceId, options: WriteOptions = {}): Promise<Source> {
  return db.transaction('rw', [db.sources, db.history], () =>
    patchRow('sources', db.sources, id, { deletedAt: null }, Date.now(), options, 'restore'),
  );
}
