/**
 * npm run bench:bundle — builds the app and weighs what the browser must load before the first paint:
 * the entry script of dist/index.html and every chunk it imports statically (or preloads), gzipped
 * as they would travel. Dynamic imports (lazy screens, import code, the worker) are not counted.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { metric, writeResults } from './lib/results';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
// The build is deterministic: one run unless asked.
const runs = Number(process.env.BENCH_BUNDLE_RUNS ?? 1);

// As `vite build` reports it: default gzip level, kB of 1,000 bytes.
const gz = (file: string) => gzipSync(readFileSync(file)).length / 1000;

/** The scripts index.html loads, then every chunk they import statically, transitively. */
export function firstLoadScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(/\b(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) {
      queue.push(join(dir, m[1]!).replace(/\\/g, '/'));
    }
  }
  return [...seen];
}

const firstPaint: number[] = [];
const largest: number[] = [];
let files: string[] = [];
for (let i = 0; i < runs; i++) {
  execFileSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  files = firstLoadScripts(dist);
  firstPaint.push(files.reduce((n, f) => n + gz(join(dist, f)), 0));
  const chunks = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  largest.push(Math.max(...chunks.map((f) => statSync(join(dist, 'assets', f)).size / 1000)));
}
for (const f of files) console.log(`first load: ${f} ${gz(join(dist, f)).toFixed(1)} KB gzip`);

writeResults('bundle', [
  metric('JavaScript before first paint (gzip)', 'kB', firstPaint, 150),
  // Vite warns about any chunk over 500 KB minified.
  metric('largest JavaScript chunk (minified)', 'kB', largest, 500),
]);
