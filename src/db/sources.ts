import { SOURCE_TYPES, type Source, type SourceId, type SourceType } from '@/core/model/types';
import { checkNoteLength } from '@/core/review/limits';
import { checkSourceUrl } from '@/core/review/urls';
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

/**
 * A source URL as stored: only http(s) (a bare host gets https://), normalised; '' for a source
 * with no address (a printed report, an interview). A `javascript:`, `data:` or other URL is refused.
 */
export function cleanSourceUrl(raw: string): string {
  if (raw.trim() === '') return '';
  const check = checkSourceUrl(raw);
  if (!check.ok) throw new DbError('invalid', `This source address cannot be saved. ${check.reason}`);
  return check.url;
}

function checkSourceTexts(input: Pick<SourceInput, 'notes' | 'excerpt'>): void {
  const tooLong =
    (input.notes != null && checkNoteLength(input.notes, 'A source’s notes')) ||
    (input.excerpt != null && checkNoteLength(input.excerpt, 'A saved excerpt'));
  if (tooLong) throw new DbError('invalid', tooLong);
}

/** The URL to look a source up by: the stored form of a valid address, else the trimmed text. */
export function sourceLookupUrl(raw: string): string {
  const check = checkSourceUrl(raw);
  return check.ok ? check.url : raw.trim();
}

/** The live sources saved with this URL (as stored: normalised). */
export function findSourcesByUrl(url: string): Promise<Source[]> {
  return db.sources
    .where('url')
    .equals(sourceLookupUrl(url))
    .filter((s) => s.deletedAt === null)
    .toArray();
}

/** Inside a transaction over sources and history. */
export async function insertSource(input: SourceInput, now: number, options: WriteOptions): Promise<Source> {
  checkType(input.type);
  checkSourceTexts(input);
  const url = cleanSourceUrl(input.url);
  const title = input.title?.trim() || url;
  if (title === '') throw new DbError('invalid', 'A source needs an address or a title.');
  const source: Source = {
    id: newId<SourceId>(),
    url,
    title,
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
  checkSourceTexts(patch);
  const full: SourcePatch = patch.url === undefined ? patch : { ...patch, url: cleanSourceUrl(patch.url) };
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
