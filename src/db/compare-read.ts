import { queryOptions } from '@tanstack/react-query';
import type { CompareClaim } from '@/core/compare/types';
import type {
  Article,
  ArticleId,
  Claim,
  ClaimId,
  Question,
  QuestionId,
  Speaker,
  SpeakerId,
  Timestamp,
} from '@/core/model/types';
import { db } from './db';
import type { DbQueryMeta } from './queries';

/** At most this many questions in a library-wide comparison (the most recently changed). */
export const RECENT_QUESTIONS = 200;
/** At most this many claims in a speaker profile. */
export const PROFILE_CLAIMS = 10_000;

export type ArticleRef = Readonly<{ id: ArticleId; title: string; date: string | null }>;

export type ComparisonScope = Readonly<{
  /** Questions raised by any of these articles; empty: the most recent questions of the library. */
  articleIds: readonly ArticleId[];
}>;

export type ComparisonData = Readonly<{
  questions: readonly Question[];
  /** The claims placed under those questions, with their source counts and dates. */
  claims: readonly CompareClaim[];
  speakers: readonly Speaker[];
  articles: readonly ArticleRef[];
}>;

export type SpeakerProfileData = Readonly<{
  speaker: Speaker | null;
  /** The speaker's live claims, oldest first, with source counts and dates. */
  claims: readonly CompareClaim[];
  /** The live questions any of those claims is placed under. */
  questions: readonly Question[];
  articles: readonly ArticleRef[];
  /** More claims than `PROFILE_CLAIMS`: the rest are left out. */
  truncated: boolean;
}>;

const READ_TABLES = () => [
  db.questions,
  db.claims,
  db.claimFacets,
  db.evidence,
  db.speakers,
  db.articleHeads,
];

const isLive = <T extends { deletedAt: Timestamp | null }>(row: T | undefined): row is T =>
  row !== undefined && row.deletedAt === null;

/** The day an article's claims were made: its publication date if it reads as one, else its import. */
export function articleDay(article: Pick<Article, 'publishedAt' | 'importedAt'>): string {
  const p = article.publishedAt?.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}/.test(p)) return p.slice(0, 10);
  const parsed = p === '' ? Number.NaN : Date.parse(p);
  return new Date(Number.isNaN(parsed) ? article.importedAt : parsed).toISOString().slice(0, 10);
}

/** Titles and dates from the articles' heads (never their text). */
async function articleRefs(ids: Iterable<ArticleId>): Promise<Map<ArticleId, ArticleRef>> {
  const unique = [...new Set(ids)];
  const rows = await db.articleHeads.bulkGet(unique);
  const out = new Map<ArticleId, ArticleRef>();
  for (const a of rows)
    if (a) out.set(a.id, { id: a.id, title: a.title, date: a.deletedAt === null ? articleDay(a) : null });
  return out;
}

async function questionsByKeys(keys: readonly QuestionId[]): Promise<Question[]> {
  return (await db.questions.bulkGet([...new Set(keys)])).filter(isLive);
}

async function sourceCounts(claimIds: readonly ClaimId[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (claimIds.length === 0) return counts;
  await db.evidence
    .where('claimId')
    .anyOf(claimIds as ClaimId[])
    .each((e) => {
      if (e.deletedAt === null) counts.set(e.claimId, (counts.get(e.claimId) ?? 0) + 1);
    });
  return counts;
}

/** The ids of the questions raised by any of these articles, one small index range each. */
async function questionsOfArticles(articleIds: readonly ArticleId[]): Promise<QuestionId[]> {
  const parts = await Promise.all(
    articleIds.map((a) => db.questions.where('articleIds').equals(a).primaryKeys()),
  );
  return parts.flat();
}

/**
 * The live questions any of these claims is placed under. A library has far fewer questions than
 * a speaker has claims (30 against 5,000 in the benchmark): one batch read of the questions beats
 * a look-up per claim.
 */
async function questionsOfClaims(claimIds: readonly ClaimId[]): Promise<Question[]> {
  const wanted = new Set<string>(claimIds);
  const all = await db.questions.toArray();
  return all.filter((q) => q.deletedAt === null && q.placedClaimIds.some((id) => wanted.has(id)));
}

function toCompareClaims(
  claims: readonly Claim[],
  counts: ReadonlyMap<string, number>,
  articles: ReadonlyMap<ArticleId, ArticleRef>,
): CompareClaim[] {
  const out: CompareClaim[] = [];
  for (const c of claims) {
    const article = articles.get(c.articleId);
    if (!article || article.date === null) continue; // the article is in the trash
    out.push({
      id: c.id,
      speakerId: c.speakerId,
      articleId: c.articleId,
      text: c.text,
      verdict: c.verdict,
      sourceCount: counts.get(c.id) ?? 0,
      date: article.date,
    });
  }
  return out;
}

/**
 * The questions of a comparison and everything their cells show: read by index (questions by
 * article, or the most recent ones), then only the placed claims, their links, speakers and
 * articles by key — never a whole table.
 */
export function readComparison(scope: ComparisonScope): Promise<ComparisonData> {
  return db.transaction('r', READ_TABLES(), async () => {
    // index keys first, then each question once: a question raised by 200 articles is 200 index
    // entries, and reading the row through each of them would clone it 200 times
    const questions =
      scope.articleIds.length > 0
        ? await questionsByKeys(await questionsOfArticles(scope.articleIds))
        : await db.questions
            .orderBy('updatedAt')
            .reverse()
            .filter((q) => q.deletedAt === null)
            .limit(RECENT_QUESTIONS)
            .toArray();
    questions.sort((a, b) => a.id.localeCompare(b.id)); // ids are time-ordered: oldest question first
    const placed = [...new Set(questions.flatMap((q) => Object.keys(q.stances)))] as ClaimId[];
    const claims = (await db.claims.bulkGet(placed)).filter(isLive);
    const [counts, articles, speakers] = await Promise.all([
      sourceCounts(claims.map((c) => c.id)),
      articleRefs(claims.map((c) => c.articleId)),
      db.speakers.bulkGet([...new Set(claims.flatMap((c) => (c.speakerId ? [c.speakerId] : [])))]),
    ]);
    return {
      questions,
      claims: toCompareClaims(claims, counts, articles),
      speakers: speakers.filter(isLive),
      articles: [...articles.values()],
    };
  });
}

/** Everything one speaker said across the library, and the questions it is placed under. */
export function readSpeakerProfile(
  speakerId: SpeakerId,
  limit = PROFILE_CLAIMS,
): Promise<SpeakerProfileData> {
  return db.transaction('r', READ_TABLES(), async () => {
    const speaker = (await db.speakers.get(speakerId)) ?? null;
    // one batch read of the index range (a filter would walk a cursor, a round trip per claim);
    // claims in the trash are dropped after, so `truncated` counts them towards the limit
    const rows = await db.claims
      .where('speakerId')
      .equals(speakerId)
      .limit(limit + 1)
      .toArray();
    const truncated = rows.length > limit;
    const claims = (truncated ? rows.slice(0, limit) : rows).filter((c) => c.deletedAt === null);
    const ids = claims.map((c) => c.id);
    const [counts, articles, questions] = await Promise.all([
      sourceCounts(ids),
      articleRefs(claims.map((c) => c.articleId)),
      ids.length === 0 ? Promise.resolve([] as Question[]) : questionsOfClaims(ids),
    ]);
    const compare = toCompareClaims(claims, counts, articles).sort(
      (a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id),
    );
    return {
      speaker,
      claims: compare,
      questions: questions.sort((a, b) => a.id.localeCompare(b.id)),
      articles: [...articles.values()],
      truncated,
    };
  });
}

const TABLES_READ: DbQueryMeta = { tables: ['claims', 'evidence', 'speakers', 'articles', 'articleHeads'] };

export const compareQueries = {
  all: () => ['questions', 'compare'] as const,
  comparison: (scope: ComparisonScope) =>
    queryOptions({
      queryKey: [...compareQueries.all(), 'comparison', [...scope.articleIds].sort()] as const,
      queryFn: () => readComparison(scope),
      meta: TABLES_READ,
    }),
  profile: (speakerId: SpeakerId) =>
    queryOptions({
      queryKey: [...compareQueries.all(), 'profile', speakerId] as const,
      queryFn: () => readSpeakerProfile(speakerId),
      meta: TABLES_READ,
    }),
};
