import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import type { SuggestClaim } from '@/core/compare/suggest';
import type { ArticleId, Claim, Speaker, SpeakerId } from '@/core/model/types';
import { articleHeadsOf, isLive } from './compare-read';
import { db } from './db';
import { articleScope } from './derived/facets';
import type { DbQueryMeta } from './queries';
import { keysOf } from './summaries';

/**
 * What the compare screen reads about its articles besides the matrix: their speakers, the claims
 * to place (a page at a time, narrowed by speaker or words) and the claims the question
 * suggestions are made from (a bounded number). None of it reads every claim of the articles.
 */

/** Claims a page of the "place claims" panel holds at most. */
export const PLACE_PAGE = 100;
/** Articles one page reads at most (a narrow filter may find fewer than a page in them). */
const PAGE_ARTICLES = 20;
/** Articles read at once. */
const BATCH = 10;

export type PlaceFilter = Readonly<{ speakerId: SpeakerId | null; text: string }>;

export type PlacePage = Readonly<{
  claims: readonly Claim[];
  /** The index in the article list to go on from, or null when every article was read. */
  next: number | null;
}>;

/** One article's live, attributed claims in text order (of one speaker if asked): one index range. */
async function claimsOf(articleId: ArticleId, speakerId: SpeakerId | null): Promise<Claim[]> {
  const rows = speakerId
    ? (await db.claims.where('[speakerId+articleId]').equals([speakerId, articleId]).toArray()).sort(
        (a, b) => a.start - b.start,
      )
    : await db.claims
        .where('[articleId+start]')
        .between([articleId, Dexie.minKey], [articleId, Dexie.maxKey], true, true)
        .toArray();
  return rows.filter((c) => isLive(c) && c.speakerId !== null);
}

const matches = (text: string) => {
  const words = text.trim().toLowerCase();
  return words === '' ? () => true : (c: Claim) => c.text.toLowerCase().includes(words);
};

/**
 * A page of claims to place, from article `from` on in the given order: articles are read (ten at a
 * time) until the page holds `PLACE_PAGE` matching claims or `PAGE_ARTICLES` articles were read.
 * The last article may overfill the page: its claims are all kept, so the next page starts at an
 * article boundary.
 */
export function readPlacePage(
  articleIds: readonly ArticleId[],
  filter: PlaceFilter,
  from: number,
): Promise<PlacePage> {
  const keep = matches(filter.text);
  return db.transaction('r', db.claims, async () => {
    const claims: Claim[] = [];
    let at = from;
    while (at < articleIds.length && at - from < PAGE_ARTICLES && claims.length < PLACE_PAGE) {
      const batch = articleIds.slice(at, Math.min(at + BATCH, from + PAGE_ARTICLES));
      const parts = await Promise.all(batch.map((id) => claimsOf(id, filter.speakerId)));
      for (const part of parts) {
        at += 1;
        claims.push(...part.filter(keep));
        if (claims.length >= PLACE_PAGE) break; // the articles after this one start the next page
      }
    }
    return { claims, next: at < articleIds.length ? at : null };
  });
}

/** The live speakers of these articles by name, from the articles' kept summaries (no claims read). */
export function readScopeSpeakers(articleIds: readonly ArticleId[]): Promise<Speaker[]> {
  return db.transaction('r', [db.summaries, db.speakers], async () => {
    const summaries = await db.summaries.bulkGet(articleIds.map(articleScope));
    const ids = new Set(summaries.flatMap((s) => keysOf(s, 's:'))) as Set<SpeakerId>;
    const speakers = (await db.speakers.bulkGet([...ids])).filter(isLive);
    return speakers.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/**
 * The first `max` attributed claims of these articles, in article then text order: what the
 * question suggestions compare (their cost grows with the cube of the count, so they take at most
 * that many anyway).
 */
export function readSuggestInput(articleIds: readonly ArticleId[], max = 400): Promise<SuggestClaim[]> {
  return db.transaction('r', db.claims, async () => {
    const out: SuggestClaim[] = [];
    for (let at = 0; at < articleIds.length && out.length < max; at += BATCH) {
      const parts = await Promise.all(articleIds.slice(at, at + BATCH).map((id) => claimsOf(id, null)));
      for (const c of parts.flat()) out.push({ id: c.id, speakerId: c.speakerId, text: c.text });
    }
    return out.slice(0, max);
  });
}

export type ScopeArticleState = Readonly<{ id: ArticleId; title: string; trashed: boolean }>;

/**
 * The compared articles that are not live (the scope picker lists live articles only): each one in
 * the trash with its title, so the screen can say so and offer to restore it. An id with no stored
 * article (a link from another library) is not in the answer.
 */
export async function readScopeGone(articleIds: readonly ArticleId[]): Promise<ScopeArticleState[]> {
  const heads = await articleHeadsOf(articleIds);
  return heads.filter((h) => h.deletedAt !== null).map((h) => ({ id: h.id, title: h.title, trashed: true }));
}

// keyed by the table they read first (a write to it invalidates them), not under `questions`:
// adding or placing a question does not change what they show
export const compareScopeQueries = {
  all: () => ['claims', 'compare-scope'] as const,
  speakers: (articleIds: readonly ArticleId[]) =>
    queryOptions({
      queryKey: ['speakers', 'compare-scope', [...articleIds]] as const,
      queryFn: () => readScopeSpeakers(articleIds),
      meta: { tables: ['summaries'] } satisfies DbQueryMeta,
    }),
  /** The compared articles in the trash (`readScopeGone`); a move to or from the trash reads it again. */
  gone: (articleIds: readonly ArticleId[]) =>
    queryOptions({
      queryKey: ['articles', 'compare-scope', 'gone', [...articleIds]] as const,
      queryFn: () => readScopeGone(articleIds),
      meta: { tables: ['articleHeads'] } satisfies DbQueryMeta,
    }),
  place: (articleIds: readonly ArticleId[], filter: PlaceFilter) =>
    infiniteQueryOptions({
      queryKey: [...compareScopeQueries.all(), 'place', [...articleIds], filter] as const,
      initialPageParam: 0,
      queryFn: ({ pageParam }) => readPlacePage(articleIds, filter, pageParam),
      getNextPageParam: (last) => last.next,
    }),
};
