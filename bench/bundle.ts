/**
 * npm run bench:bundle — builds the app and weighs what the browser must load before the first paint:
 * the entry script of dist/index.html and every chunk it imports statically (or preloads), gzipped
 * as they would travel. Dynamic imports (lazy screens, import code, the worker) are not counted.
 * Also weighs the database's write layer (src/db/write-layer.ts: middlewares and upgrade steps), which
 * the entry asks for as it renders and the database's first open waits for (reported, no budget).
 * Also weighs the search worker's code, which is fetched and compiled before the first search after a
 * reload answers: its script and every chunk it imports, statically or not (reported, no budget).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { firstLoadScripts, workerScripts, writeLayerScripts } from './lib/bundle-scripts';
import { metric, writeResults } from './lib/results';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// The build is deterministic: one run unless asked.
const runs = Number(process.env.BENCH_BUNDLE_RUNS ?? 1);

// As `vite build` reports it: default gzip level, kB of 1,000 bytes.
const gz = (file: string) => gzipSync(readFileSync(file)).length / 1000;

const firstPaint: number[] = [];
const searchWorkerGzip: number[] = [];
const searchWorkerMin: number[] = [];
const largest: number[] = [];
const writeLayerGzip: number[] = [];
let files: string[] = [];
let writeLayer: string[] = [];
let worker: string[] = [];
for (let i = 0; i < runs; i++) {
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  files = firstLoadScripts(dist);
  firstPaint.push(files.reduce((n, f) => n + gz(join(dist, f)), 0));
  writeLayer = writeLayerScripts(dist, files);
  writeLayerGzip.push(writeLayer.reduce((n, f) => n + gz(join(dist, f)), 0));
  const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  largest.push(Math.max(...chunks.map((f) => statSync(join(dist, 'assets', f)).size / 1000)));
  worker = workerScripts(dist, 'search.worker');
  searchWorkerGzip.push(worker.reduce((n, f) => n + gz(join(dist, f)), 0));
  searchWorkerMin.push(worker.reduce((n, f) => n + statSync(join(dist, f)).size / 1000, 0));
}
for (const f of files) console.log(`first load: ${f} ${gz(join(dist, f)).toFixed(1)} KB gzip`);
for (const f of writeLayer) console.log(`write layer: ${f} ${gz(join(dist, f)).toFixed(1)} KB gzip`);
for (const f of worker) console.log(`search worker: ${f} ${gz(join(dist, f)).toFixed(1)} KB gzip`);

writeResults('bundle', [
  metric('JavaScript before first paint (gzip)', 'kB', firstPaint, 150),
  // Vite warns about any chunk over 500 KB minified.
  metric('largest JavaScript chunk (minified)', 'kB', largest, 500),
  // Asked for as the first load renders; the database's first open (the first rows) waits for it.
  metric('database write layer before the first query (gzip)', 'kB', writeLayerGzip, null),
  metric('search worker code before the first search (gzip)', 'kB', searchWorkerGzip, null),
  metric('search worker code before the first search (minified)', 'kB', searchWorkerMin, null),
]);
