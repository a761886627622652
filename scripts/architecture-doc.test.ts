import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

// docs/ARCHITECTURE.md is a newcomer's map: these checks keep it drawn from the tree as it is.
const root = new URL('../', import.meta.url);
const doc = readFileSync(new URL('docs/ARCHITECTURE.md', root), 'utf8');
const foldersIn = (path: string) =>
  readdirSync(new URL(path, root), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
const filesUnder = (path: string): string[] =>
  readdirSync(new URL(path, root), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);

/** The layer table's rows: the first cell's `src/x/` and the rest of the row. */
const layerRows = [...doc.matchAll(/^\| `src\/([\w-]+)\/`\s*\|(.*)$/gm)].map(([, folder, rest]) => ({
  folder: folder!,
  rest: rest!,
}));

describe('docs/ARCHITECTURE.md', () => {
  test('the layer table has one row for each folder of src/, and no row for a folder that is gone', () => {
    expect(layerRows.map((r) => r.folder).sort()).toEqual(foldersIn('src/'));
  });

  test('the features row names every feature folder, and only those', () => {
    const row = layerRows.find((r) => r.folder === 'features');
    const named = [...(row?.rest.split('|')[0] ?? '').matchAll(/`([\w-]+)`/g)].map((m) => m[1]).sort();
    expect(named).toEqual(foldersIn('src/features/'));
  });

  test('every source file the doc names exists under src/ or e2e/', () => {
    const files = new Set([...filesUnder('src/'), ...filesUnder('e2e/')]);
    const named = [...doc.matchAll(/`(?:[\w./-]*\/)?([\w.-]+\.tsx?)`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((name) => !files.has(name))).toEqual([]);
  });
});
