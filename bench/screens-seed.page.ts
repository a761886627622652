/**
 * Seeds the app's own database for the screen benchmarks (bench/screens.ts and bench/lighthouse.ts
 * drive it in Chromium on a persistent profile): N claims over M articles written as
 * bench/claims-db.page.ts writes them (2,000 speakers, 8 per article, 1,000 sources, links on most
 * rated claims, a tenth tagged, verdicts mostly unchecked), then one long article (the dev fixtures
 * repeated to 300 KB) imported through the app's real import path, worker extraction included.
 */
import type {
  Article,
  ArticleId,
  Claim,
  ClaimId,
  Evidence,
  EvidenceId,
  Source,
  SourceId,
  Speaker,
  SpeakerId,
  Verdict,
} from '@/core/model/types';
import { db } from '@/db/db';
import { newId } from '@/db/ids';
import { setMeta } from '@/db/meta';
import { importArticle } from '@/features/import/import-article';

export type SeedOptions = { claims: number; articles: number; longArticleChars: number };
export type Seeded = {
  claims: number;
  articles: number;
  longArticleId: string;
  longArticleClaims: number;
  longArticleChars: number;
  seedMs: number;
};

const WORDS =
  'police officers crime victims council report inquiry minister budget hospital school housing rail energy water flood tax wages jobs prices court prison border health children families'.split(
    ' ',
  );
const VERDICT_MIX: Verdict[] = [
  ...Array<Verdict>(14).fill('unchecked'),
  'in progress',
  'true',
  'mostly true',
  'half true',
  'mostly false',
  'false',
  'misleading',
];

let state = 42;
const rand = () => {
  state = (state * 1103515245 + 12345) & 0x7fffffff;
  return state / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

function sentence(i: number): string {
  const words = Array.from({ length: 3 + Math.floor(rand() * 9) }, () => pick(WORDS));
  return `${words.join(' ')} rose by ${Math.floor(rand() * 900) + 10} per cent since ${2000 + (i % 24)}.`;
}

async function seedLibrary({ claims, articles }: SeedOptions, log: (s: string) => void) {
  const now = Date.now();
  const speakers: Speaker[] = Array.from({ length: 2_000 }, (_, i) => ({
    id: newId<SpeakerId>(),
    name: `Speaker ${i} ${pick(WORDS)}`,
    key: `speaker ${i}`,
    type: 'person',
    role: i % 3 === 0 ? 'minister' : null,
    aliases: [`S${i}`],
    updatedAt: now,
    deletedAt: null,
  }));
  await db.speakers.bulkAdd(speakers);
  const sources: Source[] = Array.from({ length: 1_000 }, (_, i) => ({
    id: newId<SourceId>(),
    url: `https://example.org/source/${i}`,
    title: `Report ${i} on ${pick(WORDS)} and ${pick(WORDS)}`,
    publisher: pick(['ONS', 'Home Office', 'NHS England', 'Hansard']),
    date: null,
    type: 'official statistics',
    notes: '',
    excerpt: null,
    updatedAt: now,
    deletedAt: null,
  }));
  await db.sources.bulkAdd(sources);
  const perArticle = Math.ceil(claims / articles);
  for (let a = 0; a < articles; a++) {
    const articleId = newId<ArticleId>();
    const sentences = Array.from({ length: perArticle }, (_, i) => sentence(i));
    const article: Article = {
      id: articleId,
      title: `Article ${a}: ${pick(WORDS)} and ${pick(WORDS)}`,
      text: sentences.join(' '),
      outlet: 'Bench Post',
      url: null,
      publishedAt: null,
      importedAt: now - (articles - a) * 1000,
      extractorVersion: 'bench',
      sha256: `${a}`.padStart(64, '0'),
      boilerplate: [],
      updatedAt: now,
      deletedAt: null,
    };
    const cast = Array.from({ length: 8 }, () => pick(speakers));
    const rows: Claim[] = [];
    const evidence: Evidence[] = [];
    let offset = 0;
    for (const s of sentences) {
      const start = offset;
      offset = start + s.length + 1;
      const verdict = pick(VERDICT_MIX);
      const claim: Claim = {
        id: newId<ClaimId>(),
        articleId,
        speakerId: pick(cast).id,
        text: s,
        start,
        end: start + s.length,
        quote: { exact: s, prefix: '', suffix: '' },
        kind: pick(['direct', 'indirect', 'mixed'] as const),
        cue: null,
        speakerMention: null,
        confidence: 0.8,
        checkworthy: { score: Math.round(rand() * 100) / 100, signals: ['number'] },
        verdict,
        ratingNote: '',
        tags: rand() < 0.1 ? [pick(['crime', 'health', 'economy', 'education'])] : [],
        notes: '',
        origin: 'extracted',
        createdAt: now,
        updatedAt: now - Math.floor(rand() * 1e7),
        deletedAt: null,
      };
      rows.push(claim);
      if (verdict !== 'unchecked' && verdict !== 'in progress' && rand() < 0.7) {
        evidence.push({
          id: newId<EvidenceId>(),
          claimId: claim.id,
          sourceId: pick(sources).id,
          relation: 'supports',
          passage: '',
          note: '',
          updatedAt: now,
          deletedAt: null,
        });
      }
    }
    await db.transaction('rw', [db.articles, db.claims, db.evidence], async () => {
      await db.articles.add(article);
      await db.claims.bulkAdd(rows);
      await db.evidence.bulkAdd(evidence);
    });
    if (a % 100 === 99) log(`seeded ${(a + 1) * perArticle} claims`);
  }
}

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
  await db.delete();
  await db.open();
  // The app imports a reference article on its first start; this library is past that.
  await setMeta('seededReference', true);
  await seedLibrary(options, log);
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
