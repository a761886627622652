/**
 * BENCH_COMPARE_PROFILE=<seeded compare profile> E2E_PORT=<port> npx tsx bench/compare-cold.ts [--rounds 3] [--only <substring>]
 *
 * What a cold IndexedDB read costs: each shape of bench/compare-cold-shapes.ts is run as the first read
 * of a freshly launched Chromium on a copy of the kept compare profile (seeded by `npm run
 * bench:compare` with BENCH_COMPARE_PROFILE), then again warm; rounds alternate the shapes.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareBenchServer } from './compare-server';
import { launchBench } from './lib/profile';

const kept = process.env.BENCH_COMPARE_PROFILE;
if (!kept) throw new Error('set BENCH_COMPARE_PROFILE to a seeded compare profile');
const argIndex = process.argv.indexOf('--rounds');
const rounds = argIndex === -1 ? 3 : Number(process.argv[argIndex + 1]);
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex === -1 ? null : process.argv[onlyIndex + 1]!;
const port = Number(process.env.E2E_PORT ?? 4178);
const server = await compareBenchServer(port);
// a copy, so the kept profile is not touched by these launches
const profile = mkdtempSync(join(tmpdir(), 'compare-cold-'));
cpSync(kept, profile, { recursive: true });
type Sample = { openMs: number; cold: number; warm: number; rows: number; load: number };
const samples = new Map<string, Sample[]>();
try {
  let names: string[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i === 0 || i < names.length; i++) {
      const context = await launchBench(profile);
      try {
        const page = await context.newPage();
        page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
        await page.goto(`http://127.0.0.1:${port}/bench/compare.html`, { timeout: 180_000 });
        await page.waitForFunction(() => document.getElementById('out')?.textContent === 'ready', null, {
          timeout: 300_000,
        });
        if (names.length === 0) {
          names = (
            await page.evaluate(() => (window as unknown as { coldShapeNames: string[] }).coldShapeNames)
          ).filter((n) => only === null || n.includes(only));
        }
        const name = names[(i + round) % names.length]!;
        const articles = await page.evaluate(() => {
          const key = Object.keys(localStorage).find((k) => k.startsWith('compare-bench-seed:'));
          return key
            ? (JSON.parse(localStorage.getItem(key)!) as { compareArticles: string[] }).compareArticles
            : [];
        });
        const r = (await page.evaluate(
          ([n, a]) =>
            (window as unknown as { runColdShape: (n: string, a: string[]) => Promise<Sample> }).runColdShape(
              n,
              a,
            ),
          [name, articles] as const,
        )) as Sample;
        const s = { ...r, load: Math.round(loadavg()[0]! * 10) / 10 };
        samples.set(name, [...(samples.get(name) ?? []), s]);
        console.error(`${name}: ${JSON.stringify(s)}`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
console.log(`| shape | rows | cold median (runs) | warm median | load |`);
console.log(`| --- | ---: | --- | ---: | --- |`);
for (const [name, s] of samples)
  console.log(
    `| ${name} | ${s[0]!.rows} | ${median(s.map((x) => x.cold))} (${s.map((x) => x.cold).join(', ')}) | ${median(s.map((x) => x.warm))} | ${s.map((x) => x.load).join(', ')} |`,
  );
