/**
 * The claims-database benchmark, run inside a real browser page (bench/claims-db.ts drives it in
 * Chromium). Seeds N claims across M articles into the app's own Dexie database, then times the
 * reads and writes the review workspace makes.
 */
import { QueryClient, QueryObserver } from '@tanstack/react-query';
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
import { countClaims, listClaims } from '@/db/claim-list';
import { setClaimsVerdict, setClaimVerdict } from '@/db/claims';
import { db } from '@/db/db';
import { newId } from '@/db/ids';
import { invalidateOnWrite } from '@/db/live';
import { articleQueries, claimQueries } from '@/db/queries';
import { claimSearchStats, searchClaims } from '@/db/search';
import { undo } from '@/db/undo';

type Options = { claims: number; articles: number; runs: number; vocab: number };
type Timing = { name: string; ms: number[]; median: number; note?: string };

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

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

/** Rarer words (made up, e.g. "kadoru"), so that not every claim shares the 25 common ones. */
let rare: string[] = [];
const SYLLABLES = ['ka', 'do', 'ru', 'mi', 'te', 'so', 'la', 've', 'ni', 'po', 'shu', 'ber'];
function makeRare(n: number): string[] {
  return Array.from({ length: n }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES)).join(''),
  );
}

function sentence(i: number): string {
  const n = 3 + Math.floor(rand() * 9);
  const words = Array.from({ length: n }, () => (rare.length > 0 && rand() < 0.7 ? pick(rare) : pick(WORDS)));
  return `${words.join(' ')} rose by ${Math.floor(rand() * 900) + 10} per cent since ${2000 + (i % 24)}.`;
}

async function seedDb(opts: Options, log: (s: string) => void): Promise<number> {
  const { claims, articles } = opts;
  const t0 = performance.now();
  rare = makeRare(opts.vocab);
  await db.delete();
  await db.open();
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
  let written = 0;
  for (let a = 0; a < articles; a++) {
    const articleId = newId<ArticleId>();
    const sentences = Array.from({ length: perArticle }, (_, i) => sentence(i));
    const text = sentences.join(' ');
    const article: Article = {
      id: articleId,
      title: `Article ${a}`,
      text,
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
    // a news article quotes a handful of people
    const cast = Array.from({ length: 8 }, () => pick(speakers));
    const rows: Claim[] = [];
    const evidence: Evidence[] = [];
    let offset = 0;
    for (const s of sentences) {
      const start = offset;
      const end = start + s.length;
      offset = end + 1;
      const verdict = pick(VERDICT_MIX);
      const claim: Claim = {
        id: newId<ClaimId>(),
        articleId,
        speakerId: pick(cast).id,
        text: s,
        start,
        end,
        quote: { exact: s, prefix: '', suffix: '' },
        kind: pick(['direct', 'indirect', 'mixed'] as const),
        cue: null,
        speakerMention: null,
        confidence: 0.8,
        checkworthy: { score: Math.round(rand() * 100) / 100, signals: ['number'] },
        verdict,
        ratingNote: '',
        tags: rand() < 0.1 ? [pick(['crime', 'health', 'economy', 'education'])] : [],
        notes: rand() < 0.05 ? `check with ${pick(WORDS)} desk` : '',
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
    written += rows.length;
    if (a % 100 === 99) log(`seeded ${written} claims (${Math.round(performance.now() - t0)} ms)`);
  }
  return performance.now() - t0;
}

async function time(name: string, runs: number, fn: (i: number) => Promise<unknown>, note?: string) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(Math.round((performance.now() - t) * 10) / 10);
  }
  const sorted = [...ms].sort((a, b) => a - b);
  console.log(`${name}: ${ms.join(', ')} ms`);
  return { name, ms, median: sorted[Math.floor(sorted.length / 2)]!, ...(note ? { note } : {}) };
}

export async function runClaimsBench(
  opts: Options,
): Promise<{ seedMs: number; searchStats: ReturnType<typeof claimSearchStats>; results: Timing[] }> {
  const out = document.getElementById('out')!;
  const log = (s: string) => {
    out.textContent = s;
    console.log(s);
  };
  const seedMs = await seedDb(opts, log);
  const { runs } = opts;
  const results: Timing[] = [];
  const someArticle = (await db.articles.orderBy('importedAt').first())!.id;
  const someSpeaker = (await db.claims.limit(1).first())!.speakerId!;

  results.push(
    await time('page: 100 rows, no filter, sort updated desc (index)', runs, () =>
      listClaims({ sort: 'updated', desc: true }, { limit: 100 }),
    ),
  );
  results.push(
    await time('page: 100 rows, no filter, sort check-worthiness desc (index)', runs, () =>
      listClaims({ sort: 'checkworthy', desc: true }, { limit: 100 }),
    ),
  );
  results.push(
    await time('page: 100 rows, verdict false, sort updated desc', runs, () =>
      listClaims({ verdicts: ['false'], sort: 'updated', desc: true }, { limit: 100 }),
    ),
  );
  results.push(
    await time('page: 100 rows, one article, sort article', runs, () =>
      listClaims({ articleIds: [someArticle] }, { limit: 100 }),
    ),
  );
  results.push(
    await time('page: 100 rows, one speaker + verdicts false/misleading, no source', runs, () =>
      listClaims({ speakerIds: [someSpeaker], verdicts: ['false', 'misleading'], source: 'without' }),
    ),
  );
  results.push(
    await time('page: 100 rows, tag crime + kind direct, sort verdict', runs, () =>
      listClaims({ tags: ['crime'], kinds: ['direct'], sort: 'verdict' }, { limit: 100 }),
    ),
  );
  results.push(await time('count: all live claims', runs, () => countClaims({})));
  results.push(
    await time('library: 1,000 article summaries with progress, sorted needs-work', 1, () =>
      new QueryClient().fetchQuery(articleQueries.list('needs-work')),
    ),
  );
  results.push(
    await time('count: verdict false (index count)', runs, () => countClaims({ verdicts: ['false'] })),
  );
  results.push(
    await time('count: verdict false + kind direct (filtered)', runs, () =>
      countClaims({ verdicts: ['false'], kinds: ['direct'] }),
    ),
  );
  results.push(
    await time('count: no source (flag filter over all claims)', 1, () => countClaims({ source: 'without' })),
  );
  results.push(
    await time('search: first query (builds the index from every claim)', 1, () =>
      searchClaims('hospital', 100),
    ),
  );
  const queries = ['police', 'offic crime', 'hospitl', 'report 12', 'wages prices'];
  results.push(
    await time('search: query on the built index (incl. incremental refresh)', runs, (i) =>
      searchClaims(queries[i % queries.length]!, 100),
    ),
  );
  results.push(
    await time('page: 100 rows, q "police crime" + verdict filter', runs, () =>
      listClaims({ q: 'police crime', verdicts: ['unchecked'] }, { limit: 100 }),
    ),
  );

  // a single edit, seen by an active claims-table query through the storagemutated bridge
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, networkMode: 'always' } } });
  const stop = invalidateOnWrite(client);
  const observer = new QueryObserver(
    client,
    claimQueries.list({ sort: 'updated', desc: true }, { limit: 100 }),
  );
  const unsubscribe = observer.subscribe(() => {});
  await client.fetchQuery(claimQueries.list({ sort: 'updated', desc: true }, { limit: 100 }));
  const ids = (await db.claims.limit(runs * 60).primaryKeys()) as ClaimId[];
  results.push(
    await time('single edit: setClaimVerdict, write only', runs, (i) =>
      setClaimVerdict(ids[i]!, 'mostly true'),
    ),
  );
  results.push(
    await time(
      'single edit → active table page refetched with the change on top',
      runs,
      async (i) => {
        const id = ids[runs + i]!;
        const seen = new Promise<void>((resolve) => {
          const off = observer.subscribe((r) => {
            if (r.data?.[0]?.id === id && !r.isFetching) {
              off();
              resolve();
            }
          });
        });
        await setClaimVerdict(id, 'half true');
        await seen;
      },
      'write + storagemutated + invalidation + list refetch',
    ),
  );
  unsubscribe();
  stop();
  results.push(
    await time('search after an edit (incremental re-index)', runs, async (i) => {
      await setClaimVerdict(ids[2 * runs + i]!, 'false');
      await searchClaims('police', 100);
    }),
  );
  results.push(
    await time('bulk verdict on 50 claims (one batch)', runs, (i) =>
      setClaimsVerdict(ids.slice(3 * runs + i * 50, 3 * runs + (i + 1) * 50), 'misleading'),
    ),
  );
  results.push(await time('undo the bulk verdict on 50 claims', 1, () => undo()));
  const searchStats = claimSearchStats();
  log('done');
  return { seedMs: Math.round(seedMs), searchStats, results };
}

(window as unknown as { runClaimsBench: typeof runClaimsBench }).runClaimsBench = runClaimsBench;
document.getElementById('out')!.textContent = 'ready';
