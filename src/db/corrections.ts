import type { Claim, ClaimId, SpeakerId } from '@/core/model/types';
import { mergeSpans, splitSpan } from '@/core/review/spans';
import { addManualClaim, setClaimSpeaker, softDeleteClaim, updateClaim } from './claims';
import { db } from './db';
import { DbError } from './errors';
import { attachSource, removeEvidence } from './evidence';
import { newBatchId } from './history';
import { setStances } from './questions';
import { createSpeaker } from './speakers';

/**
 * Corrections that take several repository writes, each run in one enclosing transaction (Dexie
 * nests the repositories' own) and one history batch, so they commit together and undo as one step.
 */

/** A new speaker, and the claim moved to it. */
export function reassignToNewSpeaker(claimId: ClaimId, name: string, role: string | null = null) {
  const batchId = newBatchId();
  return db.transaction('rw', [db.speakers, db.claims, db.articles, db.history], async () => {
    const speaker = await createSpeaker({ name, role }, { batchId });
    await setClaimSpeaker(claimId, speaker.id as SpeakerId, { batchId });
    return speaker;
  });
}

/**
 * Splits a claim at `at` (an offset into the article): the claim keeps the first part; a new claim
 * with the same speaker, kind and tags takes the second. Returns the new claim.
 */
export function splitClaim(claimId: ClaimId, at: number, batchId = newBatchId()): Promise<Claim> {
  return db.transaction('rw', [db.claims, db.articles, db.history], async () => {
    const claim = await db.claims.get(claimId);
    if (!claim || claim.deletedAt !== null) throw new DbError('not-found', 'That claim no longer exists.');
    const article = await db.articles.get(claim.articleId);
    if (!article) throw new DbError('not-found', 'The article of that claim no longer exists.');
    const halves = splitSpan(article.text, claim, at);
    if (!halves) throw new DbError('invalid', 'Both parts of a split need some text.');
    const [left, right] = halves;
    await updateClaim(claimId, { start: left.start, end: left.end }, { batchId });
    const added = await addManualClaim(
      {
        articleId: claim.articleId,
        start: right.start,
        end: right.end,
        speakerId: claim.speakerId,
        kind: claim.kind,
      },
      { batchId },
    );
    if (claim.tags.length > 0) return updateClaim(added.id, { tags: claim.tags }, { batchId });
    return added;
  });
}

/**
 * Merges `otherId` into `claimId` when they are adjacent: one span over both, tags combined, notes
 * joined, the other's sources and its places under compare questions moved over (where the kept claim
 * has no stance of its own there); the other claim goes to the trash.
 */
export function mergeClaims(claimId: ClaimId, otherId: ClaimId, batchId = newBatchId()): Promise<Claim> {
  const tables = [db.claims, db.articles, db.sources, db.evidence, db.questions, db.history];
  return db.transaction('rw', tables, async () => {
    const [claim, other] = await db.claims.bulkGet([claimId, otherId]);
    if (!claim || !other || claim.deletedAt !== null || other.deletedAt !== null)
      throw new DbError('not-found', 'One of those claims no longer exists.');
    const article = await db.articles.get(claim.articleId);
    if (!article) throw new DbError('not-found', 'The article of that claim no longer exists.');
    const span = mergeSpans(article.text, claim, other);
    if (!span) throw new DbError('invalid', 'Only claims next to each other can be merged.');
    const tags = [...claim.tags, ...other.tags.filter((t) => !claim.tags.includes(t))];
    const notes = [claim.notes, other.notes].filter((n) => n.trim() !== '').join('\n\n');
    const evidence = await db.evidence
      .where('claimId')
      .equals(otherId)
      .filter((e) => e.deletedAt === null)
      .toArray();
    for (const e of evidence) {
      await attachSource(
        claimId,
        e.sourceId,
        { relation: e.relation, passage: e.passage, note: e.note },
        { batchId },
      );
      await removeEvidence(e.id, { batchId });
    }
    const placedUnder = await db.questions
      .where('placedClaimIds')
      .equals(otherId)
      .filter((q) => q.deletedAt === null)
      .toArray();
    for (const q of placedUnder) {
      const moved = q.stances[otherId];
      const keep = moved && !q.stances[claimId] ? [{ claimId, stance: moved }] : [];
      await setStances(q.id, [{ claimId: otherId, stance: null }, ...keep], { batchId });
    }
    await softDeleteClaim(otherId, { batchId });
    return updateClaim(
      claimId,
      {
        start: span.start,
        end: span.end,
        tags,
        notes,
        verdict: claim.verdict === 'unchecked' ? other.verdict : claim.verdict,
      },
      { batchId },
    );
  });
}
