/**
 * The one library seeder of the browser benchmarks (claims-db, screens, compare, export): N claims
 * over M articles, speakers, sources and links, made from a seeded random stream (the same shape
 * every run), written through the app's database (so the derived-rows middleware keeps facets and
 * summaries, as every write does) or straight into IndexedDB with the same derived rows (the default,
 * `SeedWrite`). Each bench says what differs in its library through `LibraryShape`.
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
import { headOf } from '@/db/derived/article-heads';
import { applyDelta, CountDelta, facetOf } from '@/db/derived/facets';
import { storedClaimOf, storedFacetOf } from '@/db/derived/hot-keys';
import { FACETS, HEADS, SUMMARIES } from '@/db/derived/middleware';
import { SOURCED } from '@/db/derived/old-facets';
import { newId } from '@/db/ids';
import { openRaw } from './raw-idb';

export const WORDS =
  'police officers crime victims council report inquiry minister budget hospital school housing rail energy water flood tax wages jobs prices court prison border health children families'.split(
    ' ',
  );

/** Mostly unchecked, one of each rating. */
export const VERDICT_MIX: readonly Verdict[] = [
  ...Array<Verdict>(14).fill('unchecked'),
  'in progress',
  'true',
  'mostly true',
  'half true',
  'mostly false',
  'false',
  'misleading',
];

const isRating = (v: Verdict) => v !== 'unchecked' && v !== 'in progress';

/** A seeded random stream (the same library every run). */
export function randomStream(seed = 42) {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return { rand, pick };
}

type Random = ReturnType<typeof randomStream>;

export type LibraryShape = Readonly<{
  claims: number;
  articles: number;
  speakers?: number;
  sources?: number;
  /** Made-up rarer words mixed into the claims (0: only the 25 common words). */
  vocab?: number;
  verdicts?: readonly Verdict[];
  kinds?: readonly Claim['kind'][];
  /** Share of claims with one tag (from `tags`). */
  tagRate?: number;
  tags?: readonly string[];
  /** Whether a claim with this verdict gets a link to a source. */
  linked?: (verdict: Verdict, r: Random) => boolean;
  /** The speakers quoted in article `a` (default: 8 picked from everyone). */
  cast?: (a: number, speakers: readonly Speaker[], r: Random) => readonly Speaker[];
  /** The speaker of the `i`th claim of article `a` (default: one of the cast). */
  speakerOf?: (
    i: number,
    a: number,
    cast: readonly Speaker[],
    r: Random,
    everyone: readonly Speaker[],
  ) => Speaker;
  /** The claim's text (default: a sentence of 3–11 words with a number). */
  sentence?: (i: number, r: Random) => string;
  title?: (a: number, r: Random) => string;
  /** The article's publication date (default: none). */
  published?: (a: number) => string | null;
  /** A claim's notes (default: none). */
  notes?: (r: Random) => string;
  /** When a claim was last changed (default: up to about 3 hours ago). */
  updatedAt?: (now: number, r: Random) => number;
  seed?: number;
  log?: (s: string) => void;
}>;

export type SeededArticle = Readonly<{ article: Article; claims: Claim[]; evidence: Evidence[] }>;

export type Library = Readonly<{
  speakers: Speaker[];
  sources: Source[];
  /** The articles with their claims and links, made one at a time. */
  articles: () => Generator<SeededArticle, void, undefined>;
  perArticle: number;
}>;

/** A library's rows, made lazily article by article from one seeded stream. */
export function makeLibrary(shape: LibraryShape): Library {
  const r = randomStream(shape.seed ?? 42);
  const { rand, pick } = r;
  const now = Date.now();
  const syllables = ['ka', 'do', 'ru', 'mi', 'te', 'so', 'la', 've', 'ni', 'po', 'shu', 'ber'];
  const rare = Array.from({ length: shape.vocab ?? 0 }, () =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join(''),
  );
  const sentence =
    shape.sentence ??
    ((i: number) => {
      const n = 3 + Math.floor(rand() * 9);
      const words = Array.from({ length: n }, () =>
        rare.length > 0 && rand() < 0.7 ? pick(rare) : pick(WORDS),
      );
      return `${words.join(' ')} rose by ${Math.floor(rand() * 900) + 10} per cent since ${2000 + (i % 24)}.`;
    });
  const speakers: Speaker[] = Array.from({ length: shape.speakers ?? 2_000 }, (_, i) => ({
    id: newId<SpeakerId>(),
    name: `Speaker ${i} ${pick(WORDS)}`,
    key: `speaker ${i}`,
    type: 'person',
    role: i % 3 === 0 ? 'minister' : null,
    aliases: [`S${i}`],
    updatedAt: now,
    deletedAt: null,
  }));
  const sources: Source[] = Array.from({ length: shape.sources ?? 1_000 }, (_, i) => ({
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
  const perArticle = Math.ceil(shape.claims / shape.articles);
  const verdicts = shape.verdicts ?? VERDICT_MIX;
  const kinds = shape.kinds ?? (['direct', 'indirect', 'mixed'] as const);
  const tags = shape.tags ?? ['crime', 'health', 'economy', 'education'];
  const linked = shape.linked ?? ((v: Verdict) => isRating(v) && rand() < 0.7);
  const cast = shape.cast ?? (() => Array.from({ length: 8 }, () => pick(speakers)));
  const speakerOf = shape.speakerOf ?? ((_i: number, _a: number, c: readonly Speaker[]) => pick(c));
  const updatedAt = shape.updatedAt ?? ((t: number) => t - Math.floor(rand() * 1e7));
  function* articles(): Generator<SeededArticle, void, undefined> {
    for (let a = 0; a < shape.articles; a++) {
      const articleId = newId<ArticleId>();
      const quoted = cast(a, speakers, r);
      const claims: Claim[] = [];
      const evidence: Evidence[] = [];
      let offset = 0;
      for (let i = 0; i < perArticle; i++) {
        const text = sentence(i, r);
        const start = offset;
        offset = start + text.length + 1;
        const verdict = pick(verdicts);
        const claim: Claim = {
          id: newId<ClaimId>(),
          articleId,
          speakerId: speakerOf(i, a, quoted, r, speakers).id,
          text,
          start,
          end: start + text.length,
          quote: { exact: text, prefix: '', suffix: '' },
          kind: pick(kinds),
          cue: null,
          speakerMention: null,
          confidence: 0.8,
          checkworthy: { score: Math.round(rand() * 100) / 100, signals: ['number'] },
          verdict,
          ratingNote: '',
          tags: rand() < (shape.tagRate ?? 0.1) ? [pick(tags)] : [],
          notes: shape.notes?.(r) ?? '',
          origin: 'extracted',
          createdAt: now,
          updatedAt: updatedAt(now, r),
          deletedAt: null,
        };
        claims.push(claim);
        if (linked(verdict, r))
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
      const article: Article = {
        id: articleId,
        title: shape.title?.(a, r) ?? `Article ${a}`,
        text: claims.map((c) => c.text).join(' '),
        outlet: 'Bench Post',
        url: null,
        publishedAt: shape.published?.(a) ?? null,
        importedAt: now - (shape.articles - a) * 1000,
        extractorVersion: 'bench',
        sha256: `${a}`.padStart(64, '0'),
        boilerplate: [],
        updatedAt: now,
        deletedAt: null,
      };
      yield { article, claims, evidence };
    }
  }
  return { speakers, sources, articles, perArticle };
}

export type SeededLibrary = Readonly<{
  speakers: Speaker[];
  sources: Source[];
  articleIds: ArticleId[];
  claims: number;
  seedMs: number;
}>;

/**
 * How a library's rows reach the database. `app`: through the app's Dexie instance, one transaction
 * per article, so the derived-rows middleware keeps facets, keys, heads and summaries as it does for
 * an import (what the seeding cost before: 168 s for 100,000 claims on a quiet machine). `raw`
 * (the default): the same rows and the same derived rows, made by the same functions the app's
 * upgrade rebuild uses (`facetOf`, `CountDelta`/`applyDelta`, `headOf`), written
 * straight into IndexedDB in transactions of many articles. `bench/seed-check.ts` checks that both
 * leave every table alike. `VITE_BENCH_SEED=app` (in the bench's environment) forces the app path.
 */
export type SeedWrite = 'app' | 'raw';

const defaultWrite = (): SeedWrite => (import.meta.env?.VITE_BENCH_SEED === 'app' ? 'app' : 'raw');

/** Writes one batch of a library's articles (with their claims and links). */
type Writer = Readonly<{
  start: (speakers: readonly Speaker[], sources: readonly Source[]) => Promise<void>;
  articles: (batch: readonly SeededArticle[]) => Promise<void>;
  finish: () => Promise<void>;
  /** Articles a batch holds. */
  batch: number;
}>;

function appWriter(): Writer {
  return {
    batch: 1,
    async start(speakers, sources) {
      await db.speakers.bulkAdd([...speakers]);
      await db.sources.bulkAdd([...sources]);
    },
    async articles([seeded]) {
      if (!seeded) return;
      await db.transaction('rw', [db.articles, db.claims, db.evidence], async () => {
        await db.articles.add(seeded.article);
        await db.claims.bulkAdd(seeded.claims);
        await db.evidence.bulkAdd(seeded.evidence);
      });
    },
    async finish() {},
  };
}

function putRows(raw: IDBDatabase, rows: Readonly<Record<string, readonly unknown[]>>): Promise<void> {
  const stores = Object.keys(rows).filter((name) => rows[name]!.length > 0);
  if (stores.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const tx = raw.transaction(stores, 'readwrite', { durability: 'relaxed' });
    for (const name of stores) {
      const store = tx.objectStore(name);
      for (const row of rows[name]!) store.add(row);
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error(`seed transaction aborted (${stores.join(', ')})`));
  });
}

function rawWriter(): Writer {
  let raw: IDBDatabase | null = null;
  const names = new Map<string, string>();
  const counts = new CountDelta();
  let derivingMs = 0;
  let puttingMs = 0;
  const open = () => {
    if (!raw) throw new Error('raw seed writer not started');
    return raw;
  };
  return {
    batch: 25,
    async start(speakers, sources) {
      // Dexie made the stores and indexes (db.open() above); its connection stays shut meanwhile
      db.close();
      raw = await openRaw();
      for (const s of speakers) names.set(s.id, s.name);
      await putRows(raw, { speakers, sources });
    },
    async articles(batch) {
      const articles: Article[] = [];
      const claims: Claim[] = [];
      const evidence: Evidence[] = [];
      for (const seeded of batch) {
        articles.push(seeded.article);
        claims.push(...seeded.claims);
        evidence.push(...seeded.evidence);
      }
      const tc = performance.now();
      const sourced = new Set<string>();
      for (const e of evidence) if (e.deletedAt === null) sourced.add(e.claimId);
      // as computeDerived (src/db/derived/rebuild.ts) makes them for the upgrade's rebuild; the claims
      // as the middleware stores them (with their hot keys, schema v14)
      const facets = claims.map((c) => {
        const facet = facetOf(
          c,
          sourced.has(c.id),
          c.speakerId === null ? null : (names.get(c.speakerId) ?? ''),
        );
        counts.add(facet, 1);
        return storedFacetOf(facet);
      });
      const tp = performance.now();
      await putRows(open(), {
        articles,
        [HEADS]: articles.map(headOf),
        claims: claims.map(storedClaimOf),
        evidence,
        [FACETS]: facets,
        [SOURCED]: facets.filter((f) => f.h === 1).map((f) => ({ id: f.id })),
      });
      derivingMs += tp - tc;
      puttingMs += performance.now() - tp;
    },
    async finish() {
      const summaries = [...counts.changed()].map(([id, delta]) => applyDelta(undefined, id, delta));
      await putRows(open(), { [SUMMARIES]: summaries });
      open().close();
      raw = null;
      await db.open();
      console.log(
        `seed (raw): derived rows made in ${Math.round(derivingMs)} ms, rows written in ${Math.round(puttingMs)} ms`,
      );
    },
  };
}

/** Writes a library made by `makeLibrary` (or its rows, already made) into a fresh `claimdesk` database. */
export async function writeLibrary(
  lib: Pick<Library, 'speakers' | 'sources'> & { articles: () => Iterable<SeededArticle> },
  options: Readonly<{
    write?: SeedWrite;
    onArticle?: (seeded: SeededArticle, index: number) => void;
    log?: (s: string) => void;
  }> = {},
): Promise<SeededLibrary> {
  const t0 = performance.now();
  db.close();
  await db.delete();
  await db.open();
  options.log?.(`seed: empty database open in ${Math.round(performance.now() - t0)} ms`);
  const writer = (options.write ?? defaultWrite()) === 'app' ? appWriter() : rawWriter();
  await writer.start(lib.speakers, lib.sources);
  const articleIds: ArticleId[] = [];
  let written = 0;
  let pending: SeededArticle[] = [];
  const flush = async () => {
    await writer.articles(pending);
    pending = [];
  };
  for (const seeded of lib.articles()) {
    options.onArticle?.(seeded, articleIds.length);
    articleIds.push(seeded.article.id);
    written += seeded.claims.length;
    pending.push(seeded);
    if (pending.length >= writer.batch) await flush();
    if (articleIds.length % 100 === 0)
      options.log?.(`seeded ${written} claims (${Math.round(performance.now() - t0)} ms)`);
  }
  await flush();
  await writer.finish();
  options.log?.(`seed: ${written} claims written in ${Math.round(performance.now() - t0)} ms`);
  return {
    speakers: lib.speakers,
    sources: lib.sources,
    articleIds,
    claims: written,
    seedMs: performance.now() - t0,
  };
}

/**
 * Seeds a fresh `claimdesk` database with the library of `shape` (raw writes with the app's derived
 * rows unless `write` says `app`; see `SeedWrite`). `onArticle` sees each article's rows as made.
 */
export function seedLibrary(
  shape: LibraryShape & { write?: SeedWrite },
  onArticle?: (seeded: SeededArticle, index: number) => void,
): Promise<SeededLibrary> {
  return writeLibrary(makeLibrary(shape), {
    ...(shape.write ? { write: shape.write } : {}),
    ...(onArticle ? { onArticle } : {}),
    ...(shape.log ? { log: shape.log } : {}),
  });
}
