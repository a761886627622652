/** `npx tsx --test bench/lib/bundle-scripts.test.ts`: what bench:bundle counts as loaded, on a made-up build. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { firstLoadScripts, workerScripts, writeLayerScripts } from './bundle-scripts';

function build(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-scripts-'));
  mkdirSync(join(dir, 'assets'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const dist = build({
  'index.html': '<script type="module" crossorigin src="/assets/index-a.js"></script>',
  'assets/index-a.js':
    'import{a}from"./shared-b.js";const s=()=>import(`./screen-c.js`),w=()=>import(`./write-layer-f.js`);',
  'assets/write-layer-f.js': 'import{a}from"./shared-b.js";import"./rolldown-runtime-g.js";',
  'assets/rolldown-runtime-g.js': '',
  'assets/shared-b.js': 'export const a=1;',
  'assets/screen-c.js': 'import{a}from"./shared-b.js";',
  'assets/search.worker-d.js': 'l.then(()=>import(`./search-worker-main-e.js`));',
  'assets/search-worker-main-e.js': 'import{a}from"./shared-b.js";',
});

test('the first load is the entry and its static imports, not its lazy screens', () => {
  assert.deepEqual(firstLoadScripts(dist).sort(), ['assets/index-a.js', 'assets/shared-b.js']);
});

test("a worker's code includes the chunks it imports dynamically, written with backquotes", () => {
  assert.deepEqual(workerScripts(dist, 'search.worker').sort(), [
    'assets/search-worker-main-e.js',
    'assets/search.worker-d.js',
    'assets/shared-b.js',
  ]);
});

test('the write layer is its chunk and what it imports beyond the first load', () => {
  const first = firstLoadScripts(dist);
  assert.deepEqual(writeLayerScripts(dist, first).sort(), [
    'assets/rolldown-runtime-g.js',
    'assets/write-layer-f.js',
  ]);
});
