import type { Extraction } from '@/core/extract/types';
import { claimFromExtracted } from '@/core/model/claim-row';
import { matchSpeakers, speakerLookupKeys } from '@/core/model/speaker-match';
import type { Article, ArticleId, ClaimId, SpeakerId } from '@/core/model/types';
import {
  type LibrarySpeaker,
  proposeReextraction as proposeFrom,
  type ReextractionProposal,
  type StoredClaimState,
} from '@/core/review/reextract';
import { checkExtraction } from './articles';
import { db } from './db';
import { DbError } from './errors';
import { type HistoryChange, newBatchId, recordHistory, type WriteOptions } from './history';
import { rowRefOf } from './history-batches';
import { rowsWithHistory } from './history-read';
import { newId } from './ids';

export type { ReextractionProposal } from '@/core/review/reextract';

export type AcceptResult = Readonly<{
  /** The history batch (one undo step); null when nothing was written. */
  batchId: string | null;
  created: readonly ClaimId[];
  reassigned: readonly ClaimId[];
  /** Proposal ids no longer valid (someone edited the claim meanwhile): left alone. */
  stale: readonly string[];
}>;

async function liveArticle(articleId: ArticleId): Promise<Article> {
  const article = await db.articles.get(articleId);
  if (!article || article.deletedAt !== null)
    throw new DbError('not-found', 'That article no longer exists.');
  return article;
}

/** Inside a transaction over articles, claims, speakers, evidence and history. */
async function currentProposals(article: Article, extraction: Extraction): Promise<ReextractionProposal[]> {
  checkExtraction(article.text, extraction);
  const claims = await db.claims.where('articleId').equals(article.id).toArray();
  const ids = claims.map((c) => c.id);
  const edited = new Set<string>();
  if (ids.length > 0) {
    // the import is one 'articles' entry: any 'claims' entry is a person's edit
    const withHistory = await rowsWithHistory(ids.map((id) => ['claims', id] as const));
    for (const id of ids) if (withHistory.has(rowRefOf('claims', id))) edited.add(id);
    for (const e of await db.evidence.where('claimId').anyOf(ids).toArray()) edited.add(e.claimId);
  }
  const stored: StoredClaimState[] = claims.map((c) => ({
    id: c.id,
    start: c.start,
    end: c.end,
    speakerId: c.speakerId,
    origin: c.origin,
    deletedAt: c.deletedAt,
    touched: edited.has(c.id) || c.verdict !== 'unchecked' || c.tags.length > 0 || c.notes !== '',
  }));
  const speakerIds = [...new Set(claims.map((c) => c.speakerId).filter((s): s is SpeakerId => s !== null))];
  const speakers = new Map<string, LibrarySpeaker>();
  for (const s of await db.speakers.bulkGet(speakerIds)) if (s) speakers.set(s.id, s);
  return proposeFrom(stored, extraction, speakers);
}

const TABLES = () => [db.articles, db.claims, db.speakers, db.evidence, db.history];

/**
 * What re-running the extractor on an article would add: new claims overlapping no stored claim,
 * and other speakers for extracted claims nobody has touched. Manual claims, edited claims,
 * deleted claims and claims the extractor no longer finds are left as they are. Writes nothing.
 */
export async function proposeReextraction(
  articleId: ArticleId,
  extraction: Extraction,
): Promise<ReextractionProposal[]> {
  return db.transaction('r', TABLES(), async () =>
    currentProposals(await liveArticle(articleId), extraction),
  );
}

/**
 * Writes the chosen proposals in one batch (one undo step). Proposals are computed again against
 * the claims as they are now, so one made stale by an edit meanwhile is skipped (`stale`).
 */
export async function acceptProposals(
  articleId: ArticleId,
  extraction: Extraction,
  proposalIds: readonly string[],
  options: WriteOptions = {},
): Promise<AcceptResult> {
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', TABLES(), async () => {
    const article = await liveArticle(articleId);
    const proposals = await currentProposals(article, extraction);
    const wanted = new Set(proposalIds);
    const chosen = proposals.filter((p) => wanted.has(p.id));
    const stale = proposalIds.filter((id) => !chosen.some((p) => p.id === id));
    if (chosen.length === 0) return { batchId: null, created: [], reassigned: [], stale };

    const now = Date.now();
    const used = new Set(chosen.map((p) => p.speaker?.id).filter((s): s is string => s !== undefined));
    const toMatch = extraction.speakers.filter((s) => used.has(s.id));
    const known = await db.speakers
      .where('key')
      .anyOf([...new Set(toMatch.flatMap(speakerLookupKeys))])
      .toArray();
    const { speakerIdOf, created, merged } = matchSpeakers(toMatch, known, () => newId<SpeakerId>(), now);
    const changes: HistoryChange[] = [];
    if (created.length > 0) {
      await db.speakers.bulkAdd(created);
      for (const s of created)
        changes.push({ table: 'speakers', rowId: s.id, action: 'create', from: null, to: s });
    }
    for (const { before, after } of merged) {
      await db.speakers.put(after);
      changes.push({
        table: 'speakers',
        rowId: before.id,
        action: 'update',
        from: { aliases: before.aliases, role: before.role, type: before.type },
        to: { aliases: after.aliases, role: after.role, type: after.type },
      });
    }
    const libraryId = (p: ReextractionProposal) =>
      p.speaker === null ? null : (speakerIdOf.get(p.speaker.id) ?? null);
    const createdIds: ClaimId[] = [];
    const reassigned: ClaimId[] = [];
    for (const p of chosen) {
      if (p.kind === 'reattribute') {
        const claim = (await db.claims.get(p.claimId as ClaimId))!;
        const speakerId = libraryId(p);
        if (speakerId === claim.speakerId) continue;
        await db.claims.put({ ...claim, speakerId, updatedAt: Math.max(now, claim.updatedAt + 1) });
        changes.push({
          table: 'claims',
          rowId: claim.id,
          action: 'update',
          from: { speakerId: claim.speakerId },
          to: { speakerId },
        });
        reassigned.push(claim.id);
        continue;
      }
      const c = p.claim;
      const claim = claimFromExtracted(newId<ClaimId>(), articleId, article.text, c, libraryId(p), now);
      await db.claims.add(claim);
      changes.push({ table: 'claims', rowId: claim.id, action: 'create', from: null, to: claim });
      createdIds.push(claim.id);
    }
    const n = createdIds.length + reassigned.length;
    await recordHistory(changes, now, {
      batchId,
      label: `Accept ${n} re-extraction ${n === 1 ? 'proposal' : 'proposals'}`,
    });
    return { batchId, created: createdIds, reassigned, stale };
  });
}
