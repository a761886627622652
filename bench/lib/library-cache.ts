/**
 * Seeded libraries made once and copied: a bench that needs a seeded library (a Chromium profile
 * whose IndexedDB holds it) gets a fresh copy of a cached profile, seeded the first time only, so no
 * bench seeds what an earlier one (or an earlier run) already seeded, and none writes into another's
 * library. The cache (`bench/.cache/profiles/<name>-<key>/`, git-ignored) is keyed by content: the
 * seed's options, the port (IndexedDB belongs to an origin, port included), the bench seeders and
 * the data layer (`src/db`, which makes the schema and the derived rows). A change to any of them
 * seeds again; older entries of the same name are removed. `BENCH_RESEED=1` seeds again regardless.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCost } from './cost';
import { RESULTS_DIR, type SeedCost, seedCostFile } from './results';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE_DIR = process.env.BENCH_CACHE ?? join(root, 'bench/.cache/profiles');
/** Written last into a cached profile: its presence says the seed finished. */
export const MARKER_FILE = 'claimdesk-bench.json';

const tsFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort()
    .map((f) => join(root, dir, f));

/**
 * The content key of a seeded library: its options, and every file its rows depend on (the data
 * layer, the shared seeder, and `paths`: the bench's own seeding page, directories of source it runs).
 */
export function libraryKey(options: unknown, paths: readonly string[] = []): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(options));
  const all = ['src/db', 'bench/lib/seed-library.ts', 'bench/lib/raw-idb.ts', ...paths].flatMap((p) =>
    p.endsWith('.ts') ? [join(root, p)] : tsFiles(p),
  );
  for (const f of all) {
    hash.update(f.slice(root.length));
    hash.update(readFileSync(f));
  }
  return hash.digest('hex').slice(0, 16);
}

export type Cached<T> = Readonly<{ dir: string; info: T; seeded: boolean; copyMs: number }>;

/**
 * A fresh copy, in `target`, of the cached profile `name` for `key`; `seed(dir)` makes it into an
 * empty directory the first time (Chromium closed when it returns) and returns what the benches
 * need to know of it (kept beside it as JSON).
 */
export async function copyOfCachedLibrary<T extends object>(
  name: string,
  key: string,
  target: string,
  seed: (dir: string) => Promise<T>,
): Promise<Cached<T>> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const cached = join(CACHE_DIR, `${name}-${key}`);
  const marker = join(cached, MARKER_FILE);
  let seeded = false;
  if (process.env.BENCH_RESEED === '1' || !existsSync(marker)) {
    // older seeds of this name go (a partial one may be another run's, still seeding)
    for (const old of readdirSync(CACHE_DIR))
      if (old.startsWith(`${name}-`) && !old.includes('.partial'))
        rmSync(join(CACHE_DIR, old), { recursive: true, force: true });
    const partial = `${cached}.partial-${process.pid}`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(partial, { recursive: true });
    const end = startCost();
    console.log(`bench library "${name}": seeding ${cached} …`);
    try {
      const info = await seed(partial);
      const cost = end();
      const seedCost: SeedCost = {
        name,
        key,
        finished: new Date().toISOString(),
        wallS: cost.wallS,
        cpuS: Math.round((cost.cpuS + cost.selfCpuS) * 10) / 10,
        loadStart: cost.loadStart,
        loadEnd: cost.loadEnd,
      };
      mkdirSync(join(RESULTS_DIR, 'runs'), { recursive: true });
      writeFileSync(seedCostFile(name), `${JSON.stringify(seedCost, null, 2)}\n`);
      console.log(
        `bench library "${name}": seeded in ${cost.wallS} s (${seedCost.cpuS} s CPU, load ${cost.loadStart}→${cost.loadEnd})`,
      );
      writeFileSync(join(partial, MARKER_FILE), `${JSON.stringify({ ...info, key }, null, 2)}\n`);
      rmSync(cached, { recursive: true, force: true });
      renameSync(partial, cached);
    } finally {
      rmSync(partial, { recursive: true, force: true });
    }
    seeded = true;
  }
  const t0 = Date.now();
  rmSync(target, { recursive: true, force: true });
  cpSync(cached, target, { recursive: true });
  const copyMs = Date.now() - t0;
  console.log(`bench library "${name}": copied to ${target} in ${copyMs} ms`);
  const info = JSON.parse(readFileSync(marker, 'utf8')) as T;
  return { dir: target, info, seeded, copyMs };
}
