import { selectorFromRange } from '@/core/model/selector';
import type { ArticleId, Claim, ClaimId, SpeakerId, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { db } from './db';
import { DbError } from './errors';
import { newBatchId, recordHistory, type WriteOptions } from './history';
import { newId } from './ids';
import { patchRow } from './rows';

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

function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter((t) => t !== ''))];
}

/** Inside a transaction over claims, articles and history. */
async function patchClaim(id: ClaimId, patch: ClaimPatch, at: number, options: WriteOptions): Promise<Claim> {
  if (patch.verdict !== undefined) checkVerdict(patch.verdict);
  let full: Partial<Claim> =
    patch.tags === undefined ? { ...patch } : { ...patch, tags: normaliseTags(patch.tags) };
  if (patch.start !== undefined || patch.end !== undefined) {
    const claim = await db.claims.get(id);
    if (!claim) throw new DbError('not-found', 'That claim no longer exists.');
    const article = await db.articles.get(claim.articleId);
    if (!article) throw new DbError('not-found', 'The article of that claim no longer exists.');
    const start = patch.start ?? claim.start;
    const end = patch.end ?? claim.end;
    if (
      !(Number.isInteger(start) && Number.isInteger(end)) ||
      start < 0 ||
      end <= start ||
      end > article.text.length
    ) {
      throw new DbError('invalid', 'A claim must cover some of the article’s text.');
    }
    full = {
      ...full,
      start,
      end,
      text: article.text.slice(start, end),
      quote: selectorFromRange(article.text, start, end),
    };
  }
  return patchRow('claims', db.claims, id, full, at, options);
}

/** Edits a claim, recording the changed fields in history. Returns the claim as saved. */
export async function updateClaim(
  id: ClaimId,
  patch: ClaimPatch,
  options: WriteOptions = {},
): Promise<Claim> {
  return db.transaction('rw', [db.claims, db.articles, db.history], () =>
    patchClaim(id, patch, Date.now(), options),
  );
}

export function setClaimVerdict(id: ClaimId, verdict: Verdict, options: WriteOptions = {}): Promise<Claim> {
  return updateClaim(id, { verdict }, options);
}

/** The same patch on many claims, as one history batch (one undo step). Returns the batch id. */
export async function updateClaims(
  ids: readonly ClaimId[],
  patch: ClaimPatch,
  options: WriteOptions = {},
): Promise<string> {
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', [db.claims, db.articles, db.history], async () => {
    const at = Date.now();
    for (const id of ids) await patchClaim(id, patch, at, { batchId });
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
    if (
      !(Number.isInteger(start) && Number.isInteger(end)) ||
      start < 0 ||
      end <= start ||
      end > article.text.length
    ) {
      throw new DbError('invalid', 'A claim must cover some of the article’s text.');
    }
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
