/**
 * Seeds the app's own database with the library the screen benchmarks (bench/screens.ts and
 * bench/lighthouse.ts) and the claims-db bench measure, each on its own copy (bench/lib/profile.ts):
 * N claims over M articles from the shared seeder (bench/lib/seed-library.ts: 2,000 speakers, 8 per
 * article, 1,000 sources, links on most rated claims, a tenth tagged, verdicts mostly unchecked,
 * 5,000 rarer words, a few notes), then one long article (the dev fixtures repeated to 300 KB)
 * imported through the app's real import path, worker extraction included.
 */
import './lib/app-start';
import { db } from '@/db/db';
import { setMeta } from '@/db/meta';
import { importArticle } from '@/features/import/import-article';
import { seedLibrary, WORDS } from './lib/seed-library';

export type SeedOptions = { claims: number; articles: number; vocab: number; longArticleChars: number };
export type Seeded = {
  claims: number;
  articles: number;
  longArticleId: string;
  longArticleClaims: number;
  longArticleChars: number;
  seedMs: number;
};

const fixtures = Object.values(
  import.meta.glob<string>('/src/core/attribution/fixtures/*/article.txt', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
);

/** The dev fixture articles one after another, repeated until the text is `chars` long. */
function longArticle(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const text = fixtures[i % fixtures.length]!.trim();
    parts.push(text);
    length += text.length + 2;
  }
  return parts.join('\n\n');
}

export async function seed(options: SeedOptions): Promise<Seeded> {
  const out = document.getElementById('out')!;
  const log = (s: string) => {
    out.textContent = s;
    console.log(s);
  };
  const t0 = performance.now();
  await seedLibrary({
    claims: options.claims,
    articles: options.articles,
    // rarer words and a few notes, as the claims-db bench (which measures search on this library) wants them
    vocab: options.vocab,
    notes: (r) => (r.rand() < 0.05 ? `check with ${r.pick(WORDS)} desk` : ''),
    title: (a, r) => `Article ${a}: ${r.pick(WORDS)} and ${r.pick(WORDS)}`,
    log,
  });
  // The app imports a reference article on its first start; this library is past that.
  await setMeta('seededReference', true);
  const text = longArticle(options.longArticleChars);
  const long = await importArticle({ kind: 'paste', text, title: 'Bench: the long article' });
  log(`imported the long article: ${long.claimCount} claims`);
  return {
    claims: await db.claims.count(),
    articles: await db.articles.count(),
    longArticleId: long.articleId,
    longArticleClaims: long.claimCount,
    longArticleChars: text.length,
    seedMs: Math.round(performance.now() - t0),
  };
}

(window as unknown as { seedScreensBench: typeof seed }).seedScreensBench = seed;
document.getElementById('out')!.textContent = 'ready';
