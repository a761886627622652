import { readdirSync, readFileSync } from 'node:fs';
import { parseGold } from '../core/eval/corpus';
import type { Gold } from '../core/eval/score';

export type FixtureFile = Readonly<{ slug: string; text: string; gold: Gold }>;

/** Every `<slug>/article.txt` + `<slug>/gold.json` under `dir` (a path ending in '/'), sorted by slug. */
export function readFixtureDir(dir: string, only: readonly string[] = []): FixtureFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (only.length === 0 || only.includes(d.name)))
    .map((d) => d.name)
    .sort()
    .map((slug) => ({
      slug,
      text: readFileSync(`${dir}${slug}/article.txt`, 'utf8'),
      gold: parseGold(JSON.parse(readFileSync(`${dir}${slug}/gold.json`, 'utf8'))),
    }));
}
