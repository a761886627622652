/**
 * A team library made for the sync benchmarks and written straight to the test server with
 * `_bulk_docs` as the server admin (not through an app), so seeding 100,000 claims takes seconds,
 * not the minutes a device's outbox would.
 */
import type { Article, Claim, Speaker } from '../src/core/model/types';
import { basicAuth, type CouchAdmin } from '../src/sync/testing/couch-server';

export type SeedSize = Readonly<{ claims: number; articles: number; speakers?: number }>;

const T = 1_800_000_000_000;

export const benchArticleId = (i: number) => `art-${String(i).padStart(32, '0')}` as Article['id'];
export const benchClaimId = (i: number, articles: number) =>
  `${benchArticleId(i % articles)}.${String(i).padStart(8, '0')}` as Claim['id'];

export function benchSpeakers(count: number): Speaker[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `spk-${i}` as Speaker['id'],
    name: `Speaker ${i}`,
    key: `speaker ${i}`,
    type: 'person',
    role: null,
    aliases: [],
    updatedAt: T,
    deletedAt: null,
  }));
}

export function benchArticle(i: number): Article {
  return {
    id: benchArticleId(i),
    title: `Article ${i}`,
    text: `Article ${i} text. `.repeat(200),
    outlet: 'Bench Gazette',
    url: null,
    publishedAt: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    importedAt: T + i,
    extractorVersion: 'bench',
    sha256: String(i).padStart(64, '0'),
    boilerplate: [],
    updatedAt: T,
    deletedAt: null,
  };
}

const WORDS = 'police officers crime council report budget hospital school housing rail energy tax'.split(
  ' ',
);

export function benchClaim(i: number, articles: number, speakers: number): Claim {
  const text = `Claim ${i}: ${WORDS[i % WORDS.length]} rose by ${i % 97} per cent, ${WORDS[(i * 7) % WORDS.length]} said.`;
  return {
    id: benchClaimId(i, articles),
    articleId: benchArticleId(i % articles),
    speakerId: `spk-${i % speakers}` as Speaker['id'],
    text,
    start: i,
    end: i + text.length,
    quote: { exact: text, prefix: '', suffix: '' },
    kind: 'direct',
    cue: null,
    speakerMention: null,
    confidence: 0.9,
    checkworthy: { score: (i % 10) / 10, signals: [] },
    verdict: i % 3 === 0 ? 'false' : 'unchecked',
    ratingNote: '',
    tags: i % 5 === 0 ? ['numbers'] : [],
    notes: '',
    origin: 'extracted',
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
  };
}

const doc = (table: string, row: { id: string }) => ({ _id: `${table}:${row.id}`, ...row });

/** Writes the library to `dbUrl` in `_bulk_docs` rounds; returns how many documents it holds. */
export async function seedTeamLibrary(
  dbUrl: string,
  admin: CouchAdmin,
  size: SeedSize,
  round = 5_000,
): Promise<number> {
  const speakers = size.speakers ?? 200;
  const headers = { 'content-type': 'application/json', authorization: basicAuth(admin) };
  const post = async (docs: object[]) => {
    const res = await fetch(`${dbUrl}/_bulk_docs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ docs }),
    });
    const answer = (await res.json()) as { error?: string; id: string }[];
    const failed = Array.isArray(answer) ? answer.filter((r) => r.error) : [answer];
    if (!res.ok || failed.length > 0)
      throw new Error(`seeding failed: ${JSON.stringify(failed.slice(0, 3))}`);
  };
  await post([
    ...benchSpeakers(speakers).map((s) => doc('speakers', s)),
    ...Array.from({ length: size.articles }, (_, i) => doc('articles', benchArticle(i))),
  ]);
  for (let from = 0; from < size.claims; from += round) {
    const to = Math.min(size.claims, from + round);
    await post(
      Array.from({ length: to - from }, (_, k) =>
        doc('claims', benchClaim(from + k, size.articles, speakers)),
      ),
    );
  }
  return speakers + size.articles + size.claims;
}
