/** Which built scripts a page or a worker loads (bench:bundle weighs them). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`. */
const STATIC_IMPORT = /\b(?:from|import)\s*"(\.\/[^"]+\.js)"/g;
/** Static imports and dynamic ones: the minifier writes `import(`./x.js`)` with backquotes. */
const ANY_IMPORT = /\b(?:from|import)\s*\(?\s*["'`](\.\/[^"'`]+\.js)["'`]/g;

/** The scripts from `roots` (paths in distDir) and every chunk they import as `imports` finds, transitively. */
function reachable(distDir: string, roots: readonly string[], imports: RegExp): string[] {
  const queue = [...roots];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(imports)) queue.push(join(dir, m[1]!).replace(/\\/g, '/'));
  }
  return [...seen];
}

/** The scripts index.html loads (or preloads), then every chunk they import statically, transitively. */
export function firstLoadScripts(distDir: string): string[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const roots = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ].map((m) => m[1]!);
  return reachable(distDir, roots, STATIC_IMPORT);
}

/**
 * A worker's script (`assets/<name>-<hash>.js`) and every chunk it imports, dynamic imports included:
 * the search worker imports its main code as soon as it has asked for the saved index.
 */
export function workerScripts(distDir: string, name: string): string[] {
  const script = readdirSync(join(distDir, 'assets')).find(
    (f) => f.startsWith(`${name}-`) && f.endsWith('.js'),
  );
  if (!script) throw new Error(`no ${name} chunk in ${distDir}/assets`);
  return reachable(distDir, [`assets/${script}`], ANY_IMPORT);
}

/**
 * The database's write layer (src/db/write-layer.ts), which the first load asks for as it renders and
 * the database's first open waits for: its chunk and what it imports statically beyond the first load.
 */
export function writeLayerScripts(distDir: string, firstLoad: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const file of firstLoad) {
    const code = readFileSync(join(distDir, file), 'utf8');
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/["'`](\.\/write-layer-[^"'`]+\.js)["'`]/g)) roots.add(join(dir, m[1]!));
  }
  if (roots.size === 0) throw new Error('the first load does not ask for the write layer');
  return reachable(distDir, [...roots], STATIC_IMPORT).filter((f) => !firstLoad.includes(f));
}
