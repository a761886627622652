import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { CompareClaim } from '@/core/compare/types';
import type { ArticleId, ClaimId, Question, QuestionId, Speaker, SpeakerId } from '@/core/model/types';
import { type ArticleRef, articleRefs, isLive, sourceCounts, toCompareClaims } from './compare-read';
import { db } from './db';
import { speakerScope } from './derived/facets';
import type { DbQueryMeta } from './queries';
import { step } from './read-steps';
import { type ClaimCounts, countsOf, keysOf } from './summaries';

/** Articles whose claims one page of a profile's "by article" section reads. */
export const PROFILE_PAGE_ARTICLES = 10;

export type ProfileArticle = ArticleRef & Readonly<{ claimCount: number }>;

/** What a speaker profile shows first: never the speaker's claims, only counts and placed claims. */
export type SpeakerProfileHead = Readonly<{
  speaker: Speaker | null;
  /** The speaker's live claims by verdict (kept summary `s:<speaker>`). */
  counts: ClaimCounts;
  /** The live articles the speaker has claims in, oldest first, with how many. */
  articles: readonly ProfileArticle[];
  /** The live questions any of the speaker's claims is placed under, oldest first. */
  questions: readonly Question[];
  /** The speaker's claims placed under those questions. */
  placed: readonly CompareClaim[];
}>;

export type ProfilePage = Readonly<{
  /** Each article of the page with the speaker's claims in it, in text order. */
  articles: readonly { articleId: ArticleId; claims: readonly CompareClaim[] }[];
  /** The index in `SpeakerProfileHead.articles` of the next page, or null at the end. */
  next: number | null;
}>;

const byDateThenTitle = (a: ArticleRef, b: ArticleRef) =>
  (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title);

/**
 * The head of a profile: the speaker, their kept counts (by verdict and by article), the articles'
 * heads, and the questions they are placed under with those claims. The claims are found through
 * index keys only (the speaker's claim ids, then the questions' `placedClaimIds` index): a speaker
 * with 5,000 claims costs 5,000 keys, not 5,000 rows.
 */
export function readProfileHead(speakerId: SpeakerId): Promise<SpeakerProfileHead> {
  const tables = [db.speakers, db.summaries, db.articleHeads, db.claims, db.questions, db.evidence];
  return db.transaction('r', tables, async () => {
    const [speaker, summary, claimIds] = await Promise.all([
      step('profile.speaker', () => db.speakers.get(speakerId)),
      step('profile.summary', () => db.summaries.get(speakerScope(speakerId))),
      step('profile.claimKeys', () => db.claims.where('speakerId').equals(speakerId).primaryKeys()),
    ]);
    const articleIds = keysOf(summary, 'a:') as ArticleId[];
    const [refs, questionIds] = await Promise.all([
      step(
        'profile.articleHeads',
        () => articleRefs(articleIds),
        (m) => m.size,
      ),
      step('profile.questionKeys', () =>
        claimIds.length === 0
          ? Promise.resolve([] as QuestionId[])
          : db.questions.where('placedClaimIds').anyOf(claimIds).primaryKeys(),
      ),
    ]);
    const own = new Set<string>(claimIds);
    const questions = await step('profile.questionRows', async () =>
      (await db.questions.bulkGet([...new Set(questionIds)]))
        .filter(isLive)
        .filter((q) => q.placedClaimIds.some((id) => own.has(id))),
    );
    questions.sort((a, b) => a.id.localeCompare(b.id)); // ids are time-ordered: oldest first
    const placedIds = [
      ...new Set(questions.flatMap((q) => q.placedClaimIds.filter((id) => own.has(id)))),
    ] as ClaimId[];
    const placedRows = await step('profile.placedRows', async () =>
      (await db.claims.bulkGet(placedIds)).filter(isLive),
    );
    const counts = await step(
      'profile.placedSourceCounts',
      () => sourceCounts(placedRows),
      (m) => m.size,
    );
    const placedRefs = await articleRefs(placedRows.map((c) => c.articleId).filter((id) => !refs.has(id)));
    for (const [id, ref] of placedRefs) refs.set(id, ref);
    const articles: ProfileArticle[] = [];
    for (const id of articleIds) {
      const ref = refs.get(id);
      if (ref && ref.date !== null) articles.push({ ...ref, claimCount: summary?.counts[`a:${id}`] ?? 0 });
    }
    return {
      speaker: speaker ?? null,
      counts: countsOf(summary),
      articles: articles.sort(byDateThenTitle),
      questions,
      placed: toCompareClaims(placedRows, counts, refs),
    };
  });
}

/** The speaker's claims in these articles: one `[articleId+speakerId]` index range each. */
export function readProfileClaims(
  speakerId: SpeakerId,
  articles: readonly ArticleRef[],
): Promise<{ articleId: ArticleId; claims: CompareClaim[] }[]> {
  return db.transaction('r', [db.claims, db.evidence], async () => {
    const parts = await step(
      'profile.pageRows',
      () =>
        Promise.all(
          articles.map((a) => db.claims.where('[articleId+speakerId]').equals([a.id, speakerId]).toArray()),
        ),
      (p) => p.flat().length,
    );
    const live = parts.map((rows) => rows.filter(isLive).sort((x, y) => x.start - y.start));
    const counts = await step(
      'profile.pageSourceCounts',
      () => sourceCounts(live.flat()),
      (m) => m.size,
    );
    const refs = new Map(articles.map((a) => [a.id, a]));
    return articles.map((a, i) => ({ articleId: a.id, claims: toCompareClaims(live[i]!, counts, refs) }));
  });
}

const TABLES_READ: DbQueryMeta = {
  tables: ['claims', 'evidence', 'speakers', 'articles', 'articleHeads', 'questions', 'summaries'],
};

export const speakerProfileQueries = {
  all: () => ['questions', 'compare', 'profile'] as const,
  head: (speakerId: SpeakerId) =>
    queryOptions({
      queryKey: [...speakerProfileQueries.all(), speakerId, 'head'] as const,
      queryFn: () => readProfileHead(speakerId),
      meta: TABLES_READ,
    }),
  /** Pages of the "by article" section, `PROFILE_PAGE_ARTICLES` articles at a time, in the head's order. */
  claims: (speakerId: SpeakerId, articles: readonly ArticleRef[]) =>
    infiniteQueryOptions({
      queryKey: [...speakerProfileQueries.all(), speakerId, 'claims', articles.map((a) => a.id)] as const,
      initialPageParam: 0,
      queryFn: async ({ pageParam }): Promise<ProfilePage> => {
        const end = pageParam + PROFILE_PAGE_ARTICLES;
        const page = await readProfileClaims(speakerId, articles.slice(pageParam, end));
        return { articles: page, next: end < articles.length ? end : null };
      },
      getNextPageParam: (last) => last.next,
      meta: TABLES_READ,
    }),
};
