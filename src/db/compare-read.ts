import { queryOptions } from '@tanstack/react-query';
import { Dexie } from 'dexie';
import type { CompareClaim } from '@/core/compare/types';
import type {
  Article,
  ArticleId,
  Claim,
  ClaimId,
  Question,
  QuestionId,
  Speaker,
  Timestamp,
} from '@/core/model/types';
import { db } from './db';
import type { ArticleHead } from './derived/article-heads';
import { type PlacedRow, unpack } from './derived/placements';
import type { DbQueryMeta } from './queries';
import { step } from './read-steps';
import { rowsByKey } from './rows-by-key';

/** At most this many questions in a library-wide comparison (the most recently changed). */
export const RECENT_QUESTIONS = 200;

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

const READ_TABLES = () => [db.questions, db.questionPacks, db.placedClaims, db.speakers, db.articleHeads];

export const isLive = <T extends { deletedAt: Timestamp | null }>(row: T | undefined): row is T =>
  row !== undefined && row.deletedAt === null;

/** The day an article's claims were made: its publication date if it reads as one, else its import. */
export function articleDay(article: Pick<Article, 'publishedAt' | 'importedAt'>): string {
  const p = article.publishedAt?.trim() ?? '';
  if (/^\d{4}-\d{2}-\d{2}/.test(p)) return p.slice(0, 10);
  const parsed = p === '' ? Number.NaN : Date.parse(p);
  return new Date(Number.isNaN(parsed) ? article.importedAt : parsed).toISOString().slice(0, 10);
}

/** The stored heads of these articles (`rowsByKey`: few requests). */
export const articleHeadsOf = (ids: Iterable<ArticleId>): Promise<ArticleHead[]> =>
  rowsByKey(db.articleHeads, ids);

/** Titles and dates from the articles' heads (never their text). */
export async function articleRefs(ids: Iterable<ArticleId>): Promise<Map<ArticleId, ArticleRef>> {
  const rows = await articleHeadsOf(ids);
  const out = new Map<ArticleId, ArticleRef>();
  for (const a of rows)
    out.set(a.id, { id: a.id, title: a.title, date: a.deletedAt === null ? articleDay(a) : null });
  return out;
}

/** Questions by key, from their packs (one string each, not the rows' hundreds of values). */
export async function questionsByKeys(keys: readonly QuestionId[]): Promise<Question[]> {
  const packs = await db.questionPacks.bulkGet([...new Set(keys)]);
  return packs.flatMap((p) => (p ? [unpack(p)] : [])).filter(isLive);
}

/** Claim ids (UUID v7) sharing these leading characters were made within the same 65 seconds. */
const SAME_MINUTE = 8;

/**
 * Key ranges covering these ids: ids are time-ordered, so ids made within the same minute (the
 * claims of one import, say) fall in one short range of any index keyed by them. A range may hold
 * other ids too; readers keep only the asked ones.
 */
export function minuteRanges(ids: Iterable<string>): [string, string][] {
  const sorted = [...new Set(ids)].sort();
  const ranges: [string, string][] = [];
  let first = sorted[0];
  for (let i = 1; i <= sorted.length && first !== undefined; i++) {
    const id = sorted[i];
    if (id !== undefined && id.slice(0, SAME_MINUTE) === first.slice(0, SAME_MINUTE)) continue;
    ranges.push([first, sorted[i - 1]!]);
    first = id;
  }
  return ranges;
}

/**
 * Live source links per claim, read through the evidence `claimId` index in a few ranges rather
 * than a look-up per claim: the claims of one article made within the same minute span one short
 * range of the index (`minuteRanges` per article: ranges across articles would span every claim
 * made in between; the range may hold other claims' links too, only the asked claims are counted).
 */
export async function sourceCounts(
  claims: readonly Pick<Claim, 'id' | 'articleId'>[],
): Promise<Map<string, number>> {
  const byArticle = new Map<string, string[]>();
  for (const c of claims) {
    const ids = byArticle.get(c.articleId);
    if (ids) ids.push(c.id);
    else byArticle.set(c.articleId, [c.id]);
  }
  const wanted = new Set(claims.map((c) => c.id));
  const counts = new Map<string, number>();
  const parts = await Promise.all(
    [...byArticle.values()]
      .flatMap((ids) => minuteRanges(ids))
      .map(([lo, hi]) => db.evidence.where('claimId').between(lo, hi, true, true).toArray()),
  );
  const seen = new Set<string>(); // ranges of articles made at the same time may overlap
  for (const links of parts)
    for (const e of links) {
      if (e.deletedAt !== null || !wanted.has(e.claimId) || seen.has(e.id)) continue;
      seen.add(e.id);
      counts.set(e.claimId, (counts.get(e.claimId) ?? 0) + 1);
    }
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
 * The live questions raised by any of these articles. A range per article reads a question once
 * for each compared article it names (30 questions of 200 articles: 6,000 index keys); when the
 * library holds no more questions than there are articles compared, reading every question's pack
 * is fewer reads than the ranges. So the packs are read first, at most one more than there are
 * articles: one request to one table (the first read of a new browser pays for each table it
 * opens). Only a library with more questions than that reads the article ranges after it, having
 * read that many packs for nothing (as many as the ranges it then reads).
 */
async function questionsInScope(articleIds: readonly ArticleId[]): Promise<Question[]> {
  const few = await step('compare.questionPacks', () =>
    db.questionPacks.limit(articleIds.length + 1).toArray(),
  );
  if (few.length <= articleIds.length) {
    const wanted = new Set<string>(articleIds);
    return few.map(unpack).filter((q) => isLive(q) && q.articleIds.some((a) => wanted.has(a)));
  }
  return step('compare.questionRows', async () => {
    const ids = await step('compare.questionKeys', () => questionsOfArticles(articleIds));
    return questionsByKeys(ids);
  });
}

/**
 * The `max` most recently changed live questions, most recent first: their keys by the `updatedAt`
 * index, then their packs (not a cursor over the question rows: a round trip and a clone of hundreds
 * of values each); more keys only while questions in the trash left fewer than `max`.
 */
export function recentQuestions(max = RECENT_QUESTIONS): Promise<Question[]> {
  return step('compare.recentQuestions', async () => {
    const out: Question[] = [];
    for (let offset = 0; ; offset += max) {
      const keys = await db.questions.orderBy('updatedAt').reverse().offset(offset).limit(max).primaryKeys();
      out.push(...(await questionsByKeys(keys)));
      if (out.length >= max || keys.length < max) return out.slice(0, max);
    }
  });
}

export function toCompareClaims(
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
 * The placed claims as a cell shows them, from their placement rows (each claim once; claims in
 * the trash, not stored, or in an article in the trash are left out).
 */
export function placedCompareClaims(
  rows: readonly PlacedRow[],
  articles: ReadonlyMap<ArticleId, ArticleRef>,
): CompareClaim[] {
  const out: CompareClaim[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.live === 0 || r.a === null || r.v === null || seen.has(r.c)) continue;
    seen.add(r.c);
    const article = articles.get(r.a as ArticleId);
    if (!article || article.date === null) continue;
    out.push({
      id: r.c as ClaimId,
      speakerId: r.s as CompareClaim['speakerId'],
      articleId: r.a as ArticleId,
      text: r.t,
      verdict: r.v,
      sourceCount: r.n,
      date: article.date,
    });
  }
  return out;
}

/** The placement rows of these questions: one `[q+c]` key range each. */
export const placementsOf = async (questions: readonly Question[]): Promise<PlacedRow[]> =>
  (
    await Promise.all(
      questions.map((q) =>
        db.placedClaims
          .where('[q+c]')
          .between([q.id, Dexie.minKey], [q.id, Dexie.maxKey], true, true)
          .toArray(),
      ),
    )
  ).flat();

/**
 * The questions of a comparison and everything their cells show: read by index (questions by
 * article, or the most recent ones), then each question's placement rows (the placed claims with
 * their source counts, kept by the write middleware), their speakers and articles by key — never a
 * whole table, and neither the claim rows nor their links.
 */
export function readComparison(scope: ComparisonScope): Promise<ComparisonData> {
  return db.transaction('r', READ_TABLES(), async () => {
    // the compared articles' heads do not depend on the questions: read alongside them (the placed
    // claims come from those articles, mostly), then only the heads of other articles placed claims
    // come from. Questions: index keys first, then each question once (a question raised by 200
    // articles is 200 index entries, and reading the row through each of them would clone it 200
    // times), or every question when the library has fewer than the articles compared
    const [questions, scopeHeads] = await Promise.all([
      scope.articleIds.length > 0 ? questionsInScope(scope.articleIds) : recentQuestions(),
      step(
        'compare.articleHeads',
        () => articleRefs(scope.articleIds),
        (m) => m.size,
      ),
    ]);
    questions.sort((a, b) => a.id.localeCompare(b.id)); // ids are time-ordered: oldest question first
    const rows = await step(
      'compare.placements',
      () => placementsOf(questions),
      (r) => r.length,
    );
    const live = rows.filter((r) => r.live === 1 && r.a !== null);
    const placedIn = new Set(live.map((r) => r.a as ArticleId));
    const [otherHeads, speakers] = await Promise.all([
      step(
        'compare.otherArticleHeads',
        () => articleRefs([...placedIn].filter((a) => !scopeHeads.has(a))),
        (m) => m.size,
      ),
      step('compare.speakers', () =>
        rowsByKey(
          db.speakers,
          live.flatMap((r) => (r.s ? [r.s as Speaker['id']] : [])),
        ),
      ),
    ]);
    // the articles the placed claims come from, and no other (one article: no titles in the cells)
    const articles = new Map<ArticleId, ArticleRef>();
    for (const [id, ref] of [...scopeHeads, ...otherHeads]) if (placedIn.has(id)) articles.set(id, ref);
    return {
      questions,
      claims: placedCompareClaims(live, articles),
      speakers: speakers.filter(isLive),
      articles: [...articles.values()],
    };
  });
}

const TABLES_READ: DbQueryMeta = {
  tables: ['claims', 'evidence', 'speakers', 'articles', 'articleHeads', 'placedClaims'],
};

export const compareQueries = {
  all: () => ['questions', 'compare'] as const,
  comparison: (scope: ComparisonScope) =>
    queryOptions({
      queryKey: [...compareQueries.all(), 'comparison', [...scope.articleIds].sort()] as const,
      queryFn: () => readComparison(scope),
      meta: TABLES_READ,
    }),
};
