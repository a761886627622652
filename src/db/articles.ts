import type { Extraction } from '@/core/extract/types';
import { articleTitle } from '@/core/model/article-title';
import { claimFromExtracted } from '@/core/model/claim-row';
import { speakerKey } from '@/core/model/speaker-key';
import { matchSpeakers, type SpeakerMatch, speakerLookupKeys } from '@/core/model/speaker-match';
import type { Article, ArticleId, Claim, ClaimId, Speaker, SpeakerId } from '@/core/model/types';
import { db } from './db';
import { allOrNothing } from './derived/middleware';
import { DbError } from './errors';
import { type HistoryChange, recordHistory, type WriteOptions } from './history';
import { newId } from './ids';

export type ArticleInput = {
  text: string;
  title?: string | null;
  url?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
};

export type ImportResult = {
  status: 'created' | 'duplicate';
  articleId: ArticleId;
  title: string;
  claimCount: number;
  /** For a duplicate: the existing article is in the trash (offer `restoreArticle`). */
  deleted?: boolean;
};

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Hex SHA-256 of the UTF-8 bytes of `text`. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const b of digest) hex += HEX[b];
  return hex;
}

/**
 * The id of an article imported with this text hash (schema version 5): derived from the content,
 * so two devices importing the same article offline make the same row, and its extracted claims
 * (`claimIdFor`) the same claims. Articles imported before keep their random ids; sync maps those
 * by hash (src/sync/pull.ts).
 */
export const articleIdFor = (sha: string): ArticleId => `art-${sha.slice(0, 32)}` as ArticleId;

const speakerIds = new Map<string, Promise<SpeakerId>>();

/**
 * The id of a speaker first made by an import, from its key (normalised name): two devices that
 * import the same article make the same speaker row, so their claims agree on `speakerId`. Older
 * speakers keep their random ids; sync merges those by key (src/sync/apply.ts).
 */
export const speakerIdFor = (key: string): Promise<SpeakerId> => {
  let id = speakerIds.get(key);
  if (!id) {
    // a bulk import names the same speakers in article after article: each key is hashed once
    if (speakerIds.size >= 5_000) speakerIds.clear();
    id = sha256Hex(`speaker:${key}`).then((hex) => `spk-${hex.slice(0, 32)}` as SpeakerId);
    speakerIds.set(key, id);
    id.catch(() => speakerIds.delete(key));
  }
  return id;
};

/** Content-derived ids for the speakers an extraction may create, by key (hashing is not Dexie work). */
async function speakerIdsOf(extraction: Extraction): Promise<ReadonlyMap<string, SpeakerId>> {
  const keys = [...new Set(extraction.speakers.map((s) => speakerKey(s.name.trim())))].filter(Boolean);
  return new Map(await Promise.all(keys.map(async (k) => [k, await speakerIdFor(k)] as const)));
}

const pad = (n: number) => String(n).padStart(8, '0');

/**
 * An extracted claim's id: its article's and its span, so the same import makes the same ids
 * anywhere; zero-padded so an article's claims sort by position, as time-ordered ids did.
 */
export const claimIdFor = (articleId: ArticleId, start: number, end: number, n = 0): ClaimId =>
  `${articleId}.${pad(start)}-${pad(end)}${n > 0 ? `.${n}` : ''}` as ClaimId;

/** The article with this text hash, tombstoned or not. */
export function findArticleByHash(sha: string): Promise<Article | undefined> {
  return db.articles.where('sha256').equals(sha).first();
}

const trimOrNull = (s: string | null | undefined): string | null => {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
};

export function checkExtraction(text: string, extraction: Extraction): void {
  const speakerIds = new Set(extraction.speakers.map((s) => s.id));
  for (const c of extraction.claims) {
    if (
      !(Number.isInteger(c.start) && Number.isInteger(c.end)) ||
      c.start < 0 ||
      c.end <= c.start ||
      c.end > text.length
    ) {
      throw new DbError('invalid', `The extractor returned a claim outside the text (${c.start}..${c.end}).`);
    }
    if (c.speakerId !== null && !speakerIds.has(c.speakerId)) {
      throw new DbError(
        'invalid',
        `The extractor returned a claim with an unknown speaker (${c.speakerId}).`,
      );
    }
  }
}

/** An import checked and hashed, ready to be written (see `prepareImport`). */
export type PreparedImport = Readonly<{
  input: ArticleInput;
  extraction: Extraction;
  sha: string;
  title: string;
  /** Content-derived ids of speakers the import may create, by key (`speakerIdFor`). */
  speakerIds: ReadonlyMap<string, SpeakerId>;
}>;

/**
 * The part of an import that is not Dexie work (checks, hashing): run it before any transaction.
 * `sha` is the text's `sha256Hex` when the caller has already worked it out (the bulk runner does,
 * to skip duplicates before extraction).
 */
export async function prepareImport(
  input: ArticleInput,
  extraction: Extraction,
  sha?: string,
): Promise<PreparedImport> {
  if (input.text.trim() === '') throw new DbError('invalid', 'The article is empty.');
  checkExtraction(input.text, extraction);
  return {
    input,
    extraction,
    sha: sha ?? (await sha256Hex(input.text)),
    title: articleTitle(input.title, input.text),
    speakerIds: await speakerIdsOf(extraction),
  };
}

/**
 * Saves an article and its extracted claims in one transaction. The same text twice is a
 * 'duplicate' and writes nothing. Speakers are matched to the library's by normalised name
 * (merging aliases) or created. Unattributed statements are not stored as claims.
 * Hashing and extraction happen before: the transaction awaits only Dexie.
 */
export async function saveImportedArticle(
  input: ArticleInput,
  extraction: Extraction,
  options: WriteOptions = {},
): Promise<ImportResult> {
  const prepared = await prepareImport(input, extraction);
  return db.transaction('rw', [db.articles, db.speakers, db.claims, db.history], () =>
    writePreparedImport(prepared, options),
  );
}

/**
 * Writes a prepared import; runs inside a transaction over articles, speakers, claims and history
 * (its own, or a caller's that includes those tables, e.g. `seedOnce`). `history: false` (the app's
 * own first-run article) records nothing: no one's action, so nothing for Undo to take back.
 */
export async function writePreparedImport(
  prepared: PreparedImport,
  options: WriteOptions & Readonly<{ history?: boolean }> = {},
): Promise<ImportResult> {
  const { extraction, sha, title } = prepared;
  const extractedClaims = extraction.claims.filter((c) => c.kind !== 'unattributed');
  const usedSpeakerIds = new Set(extractedClaims.map((c) => c.speakerId));
  const speakersToMatch = extraction.speakers.filter((s) => usedSpeakerIds.has(s.id));
  const lookupKeys = [...new Set(speakersToMatch.flatMap(speakerLookupKeys))];

  // a derived id already in use (a renamed or deleted speaker, two people of one key) is not reused
  const derived = [...prepared.speakerIds.values()];
  return db.transaction('rw', [db.articles, db.speakers, db.claims, db.history], async () => {
    // nothing here catches a failed write: the claims' derived rows may go out alongside the claims
    allOrNothing();
    // The reads go out together, one request per key (`anyOf` walks a cursor, a round trip per
    // key): each request in series was a round trip to the database the raw writes do not pay.
    const [existing, byKey, derivedRows] = await Promise.all([
      db.articles.where('sha256').equals(sha).first(),
      Promise.all(lookupKeys.map((key) => db.speakers.where('key').equals(key).toArray())),
      db.speakers.bulkGet(derived),
    ]);
    if (existing) return duplicateOf(existing);

    const now = Date.now();
    // in the order `anyOf` read them: by key, then id
    const known = byKey.flat().sort(byKeyThenId);
    const taken = new Set(derivedRows.flatMap((s, i) => (s ? [derived[i]!] : [])) as string[]);
    const match = matchSpeakers(speakersToMatch, known, speakerIdChooser(prepared, taken), now);

    const { article, claims, changes } = planImportRows(prepared, extractedClaims, match, now);
    await writeImportRows({
      articles: [article],
      created: match.created,
      merged: match.merged.map((m) => m.after),
      claims,
      history: options.history !== false ? () => recordHistory(changes, now, options) : null,
    });
    return { status: 'created', articleId: article.id, title, claimCount: claims.length };
  });
}

/** Speakers in the order of the `key` index (key, then id), as a cursor over it reads them. */
export const byKeyThenId = (a: Speaker, b: Speaker) =>
  a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

async function requireArticle(id: ArticleId): Promise<Article> {
  const article = await db.articles.get(id);
  if (!article) throw new DbError('not-found', 'That article no longer exists.');
  return article;
}

/** Moves an article and its live claims to the trash (tombstones sharing one timestamp). */
export function softDeleteArticle(id: ArticleId, options: WriteOptions = {}): Promise<void> {
  return db.transaction('rw', [db.articles, db.claims, db.history], async () => {
    const article = await requireArticle(id);
    if (article.deletedAt !== null) return;
    const now = Date.now();
    const claimIds = (await db.claims
      .where('articleId')
      .equals(id)
      .filter((c) => c.deletedAt === null)
      .primaryKeys()) as ClaimId[];
    await db.articles.update(id, { deletedAt: now, updatedAt: now });
    if (claimIds.length > 0) {
      await db.claims.where('id').anyOf(claimIds).modify({ deletedAt: now, updatedAt: now });
    }
    await recordHistory(
      [
        {
          table: 'articles',
          rowId: id,
          action: 'delete',
          from: { deletedAt: null },
          to: { deletedAt: now, claimIds },
        },
      ],
      now,
      options,
    );
  });
}

/** Brings an article back from the trash with the claims deleted along with it (not those deleted before). */
export function restoreArticle(id: ArticleId, options: WriteOptions = {}): Promise<void> {
  return db.transaction('rw', [db.articles, db.claims, db.history], async () => {
    const article = await requireArticle(id);
    const deletedAt = article.deletedAt;
    if (deletedAt === null) return;
    const now = Date.now();
    const claims = db.claims.where('[deletedAt+articleId]').equals([deletedAt, id]);
    const claimIds = (await claims.primaryKeys()) as ClaimId[];
    await claims.modify({ deletedAt: null, updatedAt: now });
    await db.articles.update(id, { deletedAt: null, updatedAt: now });
    await recordHistory(
      [
        {
          table: 'articles',
          rowId: id,
          action: 'restore',
          from: { deletedAt },
          to: { deletedAt: null, claimIds },
        },
      ],
      now,
      options,
    );
  });
}

/**
 * Imports an article once per library, ever (the reference article on first start): the
 * `metaKey` flag and the import are written in one transaction, so two tabs starting together
 * cannot both seed, and deleting the article later does not bring it back. Null when already seeded.
 * The app does this, not a person: it writes no history, so Undo (Ctrl+Z) never takes it back.
 */
export async function seedArticleOnce(
  metaKey: string,
  input: ArticleInput,
  extraction: Extraction,
): Promise<ImportResult | null> {
  const prepared = await prepareImport(input, extraction);
  return db.transaction('rw', [db.articles, db.speakers, db.claims, db.history, db.meta], async () => {
    if ((await db.meta.get(metaKey))?.value) return null;
    const result = await writePreparedImport(prepared, { history: false });
    await db.meta.put({ key: metaKey, value: true });
    return result;
  });
}

/**
 * Picks each new speaker's id: the one derived from its name (`speakerIdFor`), unless that id is
 * already taken (a renamed or deleted speaker, two people of one key), then a random one.
 */
export function speakerIdChooser(prepared: PreparedImport, taken: Set<string>): (key: string) => SpeakerId {
  return (key) => {
    const id = prepared.speakerIds.get(key);
    if (id === undefined || taken.has(id)) return newId<SpeakerId>();
    taken.add(id);
    return id;
  };
}

/**
 * Writes the rows planned for one import or a bulk batch, inside its transaction. Writes that read
 * nothing the others write go out together (IndexedDB keeps their order): the articles beside the
 * speakers, the history beside the claims. The claims wait for both before them, whose rows their
 * derived rows read. A refused write aborts the whole transaction.
 */
export async function writeImportRows(rows: {
  articles: readonly Article[];
  created: readonly Speaker[];
  merged: readonly Speaker[];
  claims: readonly Claim[];
  /** Records the history (null: none). */
  history: (() => Promise<unknown>) | null;
}): Promise<void> {
  await Promise.all([
    db.articles.bulkAdd([...rows.articles]),
    (async () => {
      if (rows.created.length > 0) await db.speakers.bulkAdd([...rows.created]);
      if (rows.merged.length > 0) await db.speakers.bulkPut([...rows.merged]);
    })(),
  ]);
  await Promise.all([db.claims.bulkAdd([...rows.claims]), rows.history?.()]);
}

/** The rows one import writes (its article, claims and history), for one import and a bulk batch alike. */
export function planImportRows(
  prepared: PreparedImport,
  extractedClaims: Extraction['claims'],
  match: Pick<SpeakerMatch, 'speakerIdOf' | 'created' | 'merged'>,
  now: number,
): { article: Article; claims: Claim[]; changes: HistoryChange[] } {
  const { input, extraction, sha, title } = prepared;
  const text = input.text;
  const articleId = articleIdFor(sha);
  const article: Article = {
    id: articleId,
    title,
    text,
    outlet: trimOrNull(input.outlet),
    url: trimOrNull(input.url),
    publishedAt: trimOrNull(input.publishedAt),
    importedAt: now,
    extractorVersion: extraction.version,
    sha256: sha,
    boilerplate: extraction.boilerplate.map((b) => ({ start: b.start, end: b.end, reason: b.reason })),
    updatedAt: now,
    deletedAt: null,
  };
  const usedIds = new Set<string>();
  const idOf = (start: number, end: number) => {
    let n = 0;
    while (usedIds.has(claimIdFor(articleId, start, end, n))) n++;
    const id = claimIdFor(articleId, start, end, n);
    usedIds.add(id);
    return id;
  };
  const claims: Claim[] = extractedClaims.map((c) =>
    claimFromExtracted(
      idOf(c.start, c.end),
      articleId,
      text,
      c,
      c.speakerId === null ? null : (match.speakerIdOf.get(c.speakerId) ?? null),
      now,
    ),
  );

  const changes: HistoryChange[] = [
    {
      table: 'articles',
      rowId: articleId,
      action: 'create',
      from: null,
      to: {
        title,
        sha256: sha,
        extractorVersion: extraction.version,
        claimIds: claims.map((c) => c.id),
        createdSpeakerIds: match.created.map((s) => s.id),
      },
    },
    ...match.merged.map(
      ({ before, after }): HistoryChange => ({
        table: 'speakers',
        rowId: before.id,
        action: 'update',
        from: { aliases: before.aliases, role: before.role, type: before.type },
        to: { aliases: after.aliases, role: after.role, type: after.type },
      }),
    ),
  ];
  return { article, claims, changes };
}

/** What an import of a text already stored says: that article, its live claims, whether it is in the trash. */
export async function duplicateOf(existing: Article): Promise<ImportResult> {
  const claimCount = await db.claims
    .where('articleId')
    .equals(existing.id)
    .filter((c) => c.deletedAt === null)
    .count();
  return {
    status: 'duplicate',
    articleId: existing.id,
    title: existing.title,
    claimCount,
    deleted: existing.deletedAt !== null,
  };
}
