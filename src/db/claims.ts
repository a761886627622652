import { selectorFromRange } from '@/core/model/selector';
import type { ArticleId, Claim, ClaimId, SpeakerId, Timestamp, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { checkNoteLength } from '@/core/review/limits';
import { normalizeTag, withoutTag, withTag } from '@/core/review/tags';
import { db } from './db';
import { allOrNothingIfOwn } from './derived/middleware';
import { DbError } from './errors';
import { newBatchId, recordHistory, type WriteOptions } from './history';
import { historyOfRow } from './history-read';
import { newId } from './ids';
import { patchRow, patchRows } from './rows';

/** The fields of a claim a user may edit. A span edit (start/end) also refreshes `text` and `quote`. */
export type ClaimPatch = Partial<
  Pick<
    Claim,
    | 'speakerId'
    | 'start'
    | 'end'
    | 'kind'
    | 'cue'
    | 'speakerMention'
    | 'verdict'
    | 'ratingNote'
    | 'tags'
    | 'notes'
    | 'checkworthy'
    | 'confidence'
  >
>;

function checkVerdict(verdict: Verdict): void {
  if (!(VERDICTS as readonly string[]).includes(verdict))
    throw new DbError('invalid', `Unknown verdict “${verdict}”.`);
}

/** Tags as stored: normalised (normalizeTag), no duplicates ignoring case; blank ones dropped. */
function normaliseTags(tags: readonly string[]): readonly string[] {
  return tags.reduce<readonly string[]>((acc, t) => withTag(acc, t), []);
}

/** A claim's span must be whole offsets covering some of its article's text. */
function checkSpan(text: string, start: number, end: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end)) || start < 0 || end <= start || end > text.length) {
    throw new DbError('invalid', 'A claim must cover some of the article’s text.');
  }
}

/** A tag typed by a person: refused when nothing but white space. */
function checkTag(raw: string): string {
  const tag = normalizeTag(raw);
  if (tag === null)
    throw new DbError('invalid', 'A tag needs at least one letter or digit, not only spaces.');
  return tag;
}

function checkTexts(patch: ClaimPatch): void {
  const tooLong =
    (patch.notes !== undefined && checkNoteLength(patch.notes, 'Notes')) ||
    (patch.ratingNote !== undefined && checkNoteLength(patch.ratingNote, 'The rating explanation'));
  if (tooLong) throw new DbError('invalid', tooLong);
}

/** Options of a single-claim edit made from a screen that showed the claim as of `expectedUpdatedAt`. */
export type CheckedWriteOptions = WriteOptions & Readonly<{ expectedUpdatedAt: Timestamp }>;

/**
 * Another tab (or window) changed the claim after this one read it. The write still happened (the
 * later write wins), and this says what it replaced, so the screen can offer to undo it.
 */
export type ClaimConflict = Readonly<{
  /** The edited fields as they were just before this write (the other tab's values). */
  previous: Readonly<Partial<Claim>>;
  /** When the claim was last changed before this write. */
  at: Timestamp;
  /** Every field changed by others since `expectedUpdatedAt`, from history (edited or not by this write). */
  changedFields: readonly string[];
}>;

export type ClaimEditResult = Readonly<{
  claim: Claim;
  /** Null when nobody else changed the claim since `expectedUpdatedAt`. */
  conflict: ClaimConflict | null;
  /** The history batch of this edit (to undo exactly it: `undo({ batchId })`). */
  batchId: string;
}>;

/** Inside a transaction over claims, articles and history; `read`: the claim as just read in it. */
async function patchClaim(
  id: ClaimId,
  patch: ClaimPatch,
  at: number,
  options: WriteOptions,
  read?: Readonly<{ row: Claim | undefined }>,
): Promise<Claim> {
  if (patch.verdict !== undefined) checkVerdict(patch.verdict);
  checkTexts(patch);
  let full: Partial<Claim> =
    patch.tags === undefined ? { ...patch } : { ...patch, tags: normaliseTags(patch.tags) };
  let known = read;
  if (patch.start !== undefined || patch.end !== undefined) {
    known ??= { row: await db.claims.get(id) };
    const claim = known.row;
    if (!claim) throw new DbError('not-found', 'That claim no longer exists.');
    const article = await db.articles.get(claim.articleId);
    if (!article) throw new DbError('not-found', 'The article of that claim no longer exists.');
    const start = patch.start ?? claim.start;
    const end = patch.end ?? claim.end;
    checkSpan(article.text, start, end);
    full = {
      ...full,
      start,
      end,
      text: article.text.slice(start, end),
      quote: selectorFromRange(article.text, start, end),
    };
  }
  return patchRow('claims', db.claims, id, full, at, options, 'update', known);
}

async function conflictOf(
  before: Claim | undefined,
  patch: ClaimPatch,
  expectedUpdatedAt: Timestamp,
): Promise<ClaimConflict | null> {
  if (!before || before.updatedAt === expectedUpdatedAt) return null;
  const previous = Object.fromEntries(
    Object.keys(patch).map((k) => [k, before[k as keyof Claim]]),
  ) as Partial<Claim>;
  const since = (await historyOfRow('claims', before.id)).filter((h) => h.at > expectedUpdatedAt);
  const changedFields = [...new Set(since.flatMap((h) => Object.keys(h.to ?? {})))];
  return { previous, at: before.updatedAt, changedFields };
}

/**
 * Edits a claim, recording the changed fields in history. Returns the claim as saved; with
 * `expectedUpdatedAt` (the `updatedAt` the screen showed), returns `{ claim, conflict, batchId }`,
 * `conflict` saying what another tab had changed meanwhile (the write happens anyway: later wins).
 */
export function updateClaim(id: ClaimId, patch: ClaimPatch, options?: WriteOptions): Promise<Claim>;
export function updateClaim(
  id: ClaimId,
  patch: ClaimPatch,
  options: CheckedWriteOptions,
): Promise<ClaimEditResult>;
export async function updateClaim(
  id: ClaimId,
  patch: ClaimPatch,
  options: WriteOptions & { expectedUpdatedAt?: Timestamp } = {},
): Promise<Claim | ClaimEditResult> {
  const { expectedUpdatedAt } = options;
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', [db.claims, db.articles, db.history], async () => {
    if (expectedUpdatedAt === undefined) return patchClaim(id, patch, Date.now(), { batchId });
    const before = await db.claims.get(id);
    const conflict = await conflictOf(before, patch, expectedUpdatedAt);
    const claim = await patchClaim(id, patch, Date.now(), { batchId }, { row: before });
    return { claim, conflict, batchId };
  });
}

export function setClaimVerdict(id: ClaimId, verdict: Verdict, options?: WriteOptions): Promise<Claim>;
export function setClaimVerdict(
  id: ClaimId,
  verdict: Verdict,
  options: CheckedWriteOptions,
): Promise<ClaimEditResult>;
export function setClaimVerdict(
  id: ClaimId,
  verdict: Verdict,
  options: WriteOptions & { expectedUpdatedAt?: Timestamp } = {},
): Promise<Claim | ClaimEditResult> {
  return updateClaim(id, { verdict }, options as CheckedWriteOptions);
}

/** The same patch on many claims, as one history batch (one undo step). Returns the batch id. */
export async function updateClaims(
  ids: readonly ClaimId[],
  patch: ClaimPatch,
  options: WriteOptions = {},
): Promise<string> {
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', [db.claims, db.articles, db.history], async () => {
    allOrNothingIfOwn();
    const at = Date.now();
    if (patch.start !== undefined || patch.end !== undefined) {
      for (const id of ids) await patchClaim(id, patch, at, { batchId });
      return batchId;
    }
    // no span: every claim takes the same checked patch, written in one go
    if (patch.verdict !== undefined) checkVerdict(patch.verdict);
    checkTexts(patch);
    const full: Partial<Claim> =
      patch.tags === undefined ? { ...patch } : { ...patch, tags: normaliseTags(patch.tags) };
    await patchRows(
      'claims',
      db.claims,
      [...new Set(ids)].map((id) => [id, full] as const),
      at,
      { batchId },
    );
    return batchId;
  });
}

export function setClaimsVerdict(
  ids: readonly ClaimId[],
  verdict: Verdict,
  options: WriteOptions = {},
): Promise<string> {
  return updateClaims(ids, { verdict }, options);
}

/**
 * Applies a per-claim edit to many claims as one history batch (one undo step); claims that no
 * longer exist are skipped. Returns the batch id.
 */
async function editClaims(
  ids: readonly ClaimId[],
  edit: (claim: Claim) => ClaimPatch | null,
  options: WriteOptions,
): Promise<string> {
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', [db.claims, db.articles, db.history], async () => {
    allOrNothingIfOwn();
    const at = Date.now();
    const unique = [...new Set(ids)];
    const claims = await db.claims.bulkGet(unique);
    const patches: (readonly [ClaimId, Partial<Claim>])[] = [];
    let spanEdited = false;
    for (const claim of claims) {
      const patch = claim ? edit(claim) : null;
      if (!claim || !patch) continue;
      if (patch.start !== undefined || patch.end !== undefined) {
        await patchClaim(claim.id, patch, at, { batchId });
        spanEdited = true;
        continue;
      }
      if (patch.verdict !== undefined) checkVerdict(patch.verdict);
      checkTexts(patch);
      patches.push([
        claim.id,
        patch.tags === undefined ? { ...patch } : { ...patch, tags: normaliseTags(patch.tags) },
      ]);
    }
    // the claims just read: a span edit above wrote some of them, so those are read again
    const read = spanEdited ? undefined : new Map(unique.map((id, i) => [id, claims[i]]));
    await patchRows('claims', db.claims, patches, at, { batchId }, 'update', read);
    return batchId;
  });
}

/** Adds a tag to many claims (one undo step). A tag of only spaces is refused. Returns the batch id. */
export async function addTagToClaims(
  ids: readonly ClaimId[],
  tag: string,
  options: WriteOptions = {},
): Promise<string> {
  const clean = checkTag(tag);
  return editClaims(ids, (c) => ({ tags: withTag(c.tags, clean) }), options);
}

/** Removes a tag (ignoring case) from many claims (one undo step). Returns the batch id. */
export async function removeTagFromClaims(
  ids: readonly ClaimId[],
  tag: string,
  options: WriteOptions = {},
): Promise<string> {
  const clean = checkTag(tag);
  return editClaims(ids, (c) => ({ tags: withoutTag(c.tags, clean) }), options);
}

/** Adds a tag to one claim. */
export function addTagToClaim(id: ClaimId, tag: string, options: WriteOptions = {}): Promise<string> {
  return addTagToClaims([id], tag, options);
}

/** Claims by id (each once), as `patchRows` takes them read. */
async function readClaims(ids: readonly ClaimId[]): Promise<Map<ClaimId, Claim | undefined>> {
  const unique = [...new Set(ids)];
  const claims = await db.claims.bulkGet(unique);
  return new Map(unique.map((id, i) => [id, claims[i]]));
}

/** Moves many claims to the trash as one undo step. Returns the batch id. */
export function softDeleteClaims(ids: readonly ClaimId[], options: WriteOptions = {}): Promise<string> {
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', [db.claims, db.history], async () => {
    allOrNothingIfOwn();
    const now = Date.now();
    const read = await readClaims(ids);
    const live = [...read.values()].filter((c) => c && c.deletedAt === null);
    const patches = live.map((c) => [c!.id, { deletedAt: now }] as const);
    await patchRows('claims', db.claims, patches, now, { batchId }, 'delete', read);
    return batchId;
  });
}

/** Brings many claims back from the trash as one undo step. Returns the batch id. */
export function restoreClaims(ids: readonly ClaimId[], options: WriteOptions = {}): Promise<string> {
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', [db.claims, db.history], async () => {
    allOrNothingIfOwn();
    const now = Date.now();
    const read = await readClaims(ids);
    const gone = [...read.values()].filter((c) => c && c.deletedAt !== null);
    const patches = gone.map((c) => [c!.id, { deletedAt: null }] as const);
    await patchRows('claims', db.claims, patches, now, { batchId }, 'restore', read);
    return batchId;
  });
}

export function setClaimSpeaker(
  id: ClaimId,
  speakerId: SpeakerId | null,
  options: WriteOptions = {},
): Promise<Claim> {
  return updateClaim(id, { speakerId }, options);
}

export type ManualClaimInput = Readonly<{
  articleId: ArticleId;
  start: number;
  end: number;
  speakerId?: SpeakerId | null;
  kind?: Claim['kind'];
}>;

/** A claim added by hand from a text selection. */
export function addManualClaim(input: ManualClaimInput, options: WriteOptions = {}): Promise<Claim> {
  return db.transaction('rw', [db.claims, db.articles, db.history], async () => {
    const article = await db.articles.get(input.articleId);
    if (!article || article.deletedAt !== null)
      throw new DbError('not-found', 'That article no longer exists.');
    const { start, end } = input;
    checkSpan(article.text, start, end);
    const now = Date.now();
    const claim: Claim = {
      id: newId<ClaimId>(),
      articleId: article.id,
      speakerId: input.speakerId ?? null,
      text: article.text.slice(start, end),
      start,
      end,
      quote: selectorFromRange(article.text, start, end),
      kind: input.kind ?? 'direct',
      cue: null,
      speakerMention: null,
      confidence: 1,
      checkworthy: { score: 0, signals: [] },
      verdict: 'unchecked',
      ratingNote: '',
      tags: [],
      notes: '',
      origin: 'manual',
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await db.claims.add(claim);
    await recordHistory(
      [{ table: 'claims', rowId: claim.id, action: 'create', from: null, to: claim }],
      now,
      options,
    );
    return claim;
  });
}

/** Moves a claim to the trash (tombstone). */
export function softDeleteClaim(id: ClaimId, options: WriteOptions = {}): Promise<Claim> {
  return db.transaction('rw', [db.claims, db.history], () => {
    const now = Date.now();
    return patchRow('claims', db.claims, id, { deletedAt: now }, now, options, 'delete');
  });
}

export function restoreClaim(id: ClaimId, options: WriteOptions = {}): Promise<Claim> {
  return db.transaction('rw', [db.claims, db.history], () =>
    patchRow('claims', db.claims, id, { deletedAt: null }, Date.now(), options, 'restore'),
  );
}
