/**
 * The seed check, in a real page (bench/seed-check.ts drives it): one library's rows made once, then
 * written through the app's Dexie instance (the derived-rows middleware) and, after the database is
 * deleted, straight into IndexedDB as the benches seed it (bench/lib/seed-library.ts). Every table is
 * read back after each and compared row by row: the raw seed must leave what the app path leaves.
 */
import './lib/app-start';
import { db } from '@/db/db';
import { makeLibrary, type SeedWrite, WORDS, writeLibrary } from './lib/seed-library';

type Options = { claims: number; articles: number };
type Dump = Map<string, string[]>;

const out = document.getElementById('out')!;
const log = (s: string) => {
  out.textContent = s;
  console.log(s);
};

/** A row as JSON with every object's keys in order (a summary's counts are the same in any order). */
const canonical = (row: unknown): string =>
  JSON.stringify(row, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );

/** Every table's rows, in primary-key order. */
async function dump(): Promise<Dump> {
  const tables: Dump = new Map();
  for (const table of db.tables) tables.set(table.name, (await table.toArray()).map(canonical));
  return tables;
}

(window as unknown as { runBench: (o: Options) => Promise<unknown> }).runBench = async (o) => {
  // the benches' shapes in small: rarer words and notes (claims-db), titles (screens), tags, links
  const lib = makeLibrary({
    claims: o.claims,
    articles: o.articles,
    speakers: 200,
    sources: 100,
    vocab: 500,
    tagRate: 0.3,
    notes: (r) => (r.rand() < 0.05 ? `check with ${r.pick(WORDS)} desk` : ''),
    title: (a, r) => `Article ${a}: ${r.pick(WORDS)} and ${r.pick(WORDS)}`,
  });
  const rows = [...lib.articles()];
  const same = { speakers: lib.speakers, sources: lib.sources, articles: () => rows };
  const seeded: Record<SeedWrite, { ms: number; dump: Dump }> = {} as never;
  for (const write of (new URLSearchParams(location.search).get('order') === 'raw'
    ? ['raw', 'app']
    : ['app', 'raw']) as SeedWrite[]) {
    const s = await writeLibrary(same, { write, log });
    seeded[write] = { ms: Math.round(s.seedMs), dump: await dump() };
    log(`${write}: ${s.claims} claims in ${Math.round(s.seedMs)} ms`);
  }
  const tables: Record<string, { app: number; raw: number; differing: number; first?: string }> = {};
  let differing = 0;
  for (const [name, app] of seeded.app.dump) {
    const raw = seeded.raw.dump.get(name) ?? [];
    let diff = Math.abs(app.length - raw.length);
    let first: string | undefined;
    for (let i = 0; i < Math.min(app.length, raw.length); i++) {
      if (app[i] === raw[i]) continue;
      diff++;
      first ??= `app ${app[i]!.slice(0, 300)} / raw ${raw[i]!.slice(0, 300)}`;
    }
    differing += diff;
    tables[name] = { app: app.length, raw: raw.length, differing: diff, ...(first ? { first } : {}) };
  }
  return { appMs: seeded.app.ms, rawMs: seeded.raw.ms, differing, tables };
};
out.textContent = 'ready';
