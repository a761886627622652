import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { CompareClaim } from '@/core/compare/types';
import type { ArticleId, Question, QuestionId, Speaker, SpeakerId } from '@/core/model/types';
import {
  type ArticleRef,
  articleRefs,
  isLive,
  placedCompareClaims,
  questionsByKeys,
  sourceCounts,
  toCompareClaims,
} from './compare-read';
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
  /** The first page of the "by article" section (`PROFILE_PAGE_ARTICLES` articles), read with the head. */
  firstPage: ProfilePage;
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
 * heads, and the questions they are placed under with those claims. The questions are found through
 * the speaker's placement rows (the `s` index of `placedClaims`): a speaker with 5,000 claims of
 * which 40 are placed reads 40 small rows, not 5,000 claim keys. The independent reads are issued
 * at once, and the first page of the "by article" section is read with the head (the screen shows
 * it at once).
 */
export function readProfileHead(speakerId: SpeakerId): Promise<SpeakerProfileHead> {
  const tables = [
    db.speakers,
    db.summaries,
    db.articleHeads,
    db.claims,
    db.evidence,
    db.placedClaims,
    db.questionPacks,
  ];
  return db.transaction('r', tables, async () => {
    const summaryAndHeads = step('profile.summary', () => db.summaries.get(speakerScope(speakerId))).then(
      async (summary) => {
        const articleIds = keysOf(summary, 'a:') as ArticleId[];
        const refs = await step(
          'profile.articleHeads',
          () => articleRefs(articleIds),
          (m) => m.size,
        );
        return { summary, articleIds, refs };
      },
    );
    const speaker = step('profile.speaker', () => db.speakers.get(speakerId));
    const placements = step(
      'profile.placements',
      () => db.placedClaims.where('s').equals(speakerId).toArray(),
      (r) => r.length,
    );
    const [speakerRow, { summary, articleIds, refs }, questions, rows] = await Promise.all([
      speaker,
      summaryAndHeads,
      step('profile.questionRows', async () => {
        const keys = [...new Set((await placements).map((r) => r.q))] as QuestionId[];
        return questionsByKeys(keys);
      }),
      placements,
    ]);
    questions.sort((a, b) => a.id.localeCompare(b.id)); // ids are time-ordered: oldest first
    const asked = new Set<string>(questions.map((q) => q.id));
    const placedRows = rows.filter((r) => asked.has(r.q)).sort((a, b) => a.q.localeCompare(b.q));
    const articles: ProfileArticle[] = [];
    for (const id of articleIds) {
      const ref = refs.get(id);
      if (ref && ref.date !== null) articles.push({ ...ref, claimCount: summary?.counts[`a:${id}`] ?? 0 });
    }
    articles.sort(byDateThenTitle);
    const first = articles.slice(0, PROFILE_PAGE_ARTICLES);
    // the first page of the "by article" section in the same read, beside the placed claims' articles
    const [firstPage, placedRefs] = await Promise.all([
      claimsOfArticles(speakerId, first),
      step('profile.placedArticles', () =>
        articleRefs(
          placedRows.flatMap((r) => (r.a !== null && !refs.has(r.a as ArticleId) ? [r.a as ArticleId] : [])),
        ),
      ),
    ]);
    for (const [id, ref] of placedRefs) refs.set(id, ref);
    return {
      speaker: speakerRow ?? null,
      counts: countsOf(summary),
      articles,
      questions,
      placed: placedCompareClaims(placedRows, refs),
      firstPage: { articles: firstPage, next: first.length < articles.length ? first.length : null },
    };
  });
}

/** The speaker's claims in these articles: one `[speakerId+articleId]` index range each. */
async function claimsOfArticles(
  speakerId: SpeakerId,
  articles: readonly ArticleRef[],
): Promise<{ articleId: ArticleId; claims: CompareClaim[] }[]> {
  const parts = await step(
    'profile.pageRows',
    () =>
      Promise.all(
        articles.map((a) => db.claims.where('[speakerId+articleId]').equals([speakerId, a.id]).toArray()),
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
}

/** The speaker's claims in these articles (a page of the "by article" section after the first). */
export function readProfileClaims(
  speakerId: SpeakerId,
  articles: readonly ArticleRef[],
): Promise<{ articleId: ArticleId; claims: CompareClaim[] }[]> {
  return db.transaction('r', [db.claims, db.evidence], () => claimsOfArticles(speakerId, articles));
}

const TABLES_READ: DbQueryMeta = {
  tables: [
    'claims',
    'evidence',
    'speakers',
    'articles',
    'articleHeads',
    'questions',
    'summaries',
    'placedClaims',
  ],
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
