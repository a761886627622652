/**
 * Cold read shapes (bench/compare-cold.ts; bench/compare.page.ts puts `runColdShape` on its page): each run of a shape is the first IndexedDB read of a
 * freshly launched browser (after the database's open and an untimed prelude), then the same read
 * again warm. Says what a cold read costs per object store or index touched and per record.
 */
import { Dexie } from 'dexie';
import type { ArticleId, Question, Speaker } from '@/core/model/types';
import { articleRefs, minuteRanges, placementsOf } from '@/db/compare-read';
import { db } from '@/db/db';
import { unpack } from '@/db/derived/placements';

type Ctx = { articles: readonly ArticleId[]; questions: Question[] };
type Shape = Readonly<{
  tables: string[];
  prelude?: (c: Ctx) => Promise<void>;
  run: (c: Ctx) => Promise<number>;
}>;

const packs = async (c: Ctx) => {
  c.questions = (await db.questionPacks.toArray()).map(unpack);
};
const headRanges = (ids: readonly ArticleId[]) =>
  Promise.all(
    minuteRanges(ids).map(([lo, hi]) =>
      db.articleHeads
        .where(':id')
        .between(lo as ArticleId, hi as ArticleId, true, true)
        .toArray(),
    ),
  );

export const COLD_SHAPES: Readonly<Record<string, Shape>> = {
  'one get (speakers, missing key)': {
    tables: ['speakers'],
    run: async () => ((await db.speakers.get('none' as Speaker['id'])) ? 1 : 0),
  },
  'heads: 200 gets': {
    tables: ['articleHeads'],
    run: async (c) => (await db.articleHeads.bulkGet([...c.articles])).length,
  },
  'heads: minute ranges (getAll each)': {
    tables: ['articleHeads'],
    run: async (c) => (await headRanges(c.articles)).flat().length,
  },
  'heads: one getAll of the table (1,000)': {
    tables: ['articleHeads'],
    run: async () => (await db.articleHeads.toArray()).length,
  },
  'heads: articleRefs as in main': {
    tables: ['articleHeads'],
    run: async (c) => (await articleRefs(c.articles)).size,
  },
  'questions: count keys (limit 201) then packs': {
    tables: ['questions', 'questionPacks'],
    run: async (c) => {
      const keys = await db.questions.limit(c.articles.length + 1).primaryKeys();
      return keys.length + (await db.questionPacks.toArray()).map(unpack).length;
    },
  },
  'questions: packs keys (limit 201) then packs': {
    tables: ['questionPacks'],
    run: async (c) => {
      const keys = await db.questionPacks.limit(c.articles.length + 1).primaryKeys();
      return keys.length + (await db.questionPacks.toArray()).map(unpack).length;
    },
  },
  'questions: packs only': {
    tables: ['questionPacks'],
    run: async () => (await db.questionPacks.toArray()).map(unpack).length,
  },
  'placements: 30 ranges (after packs)': {
    tables: ['questionPacks', 'placedClaims'],
    prelude: packs,
    run: async (c) => (await placementsOf(c.questions)).length,
  },
  'placements: one range over all questions (after packs)': {
    tables: ['questionPacks', 'placedClaims'],
    prelude: packs,
    run: async (c) => {
      const ids = c.questions.map((q) => q.id).sort();
      return (
        await db.placedClaims
          .where('[q+c]')
          .between([ids[0], Dexie.minKey], [ids.at(-1), Dexie.maxKey], true, true)
          .toArray()
      ).length;
    },
  },
};

export async function runColdShape(name: string, articles: ArticleId[]) {
  const shape = COLD_SHAPES[name];
  if (!shape) throw new Error(`no shape ${name}`);
  const c: Ctx = { articles, questions: [] };
  const t0 = performance.now();
  await db.open();
  const openMs = performance.now() - t0;
  if (shape.prelude) await db.transaction('r', shape.tables, () => shape.prelude!(c));
  const once = async () => {
    const t = performance.now();
    const rows = await db.transaction('r', shape.tables, () => shape.run(c));
    return { ms: Math.round((performance.now() - t) * 10) / 10, rows };
  };
  const cold = await once();
  const warm = await once();
  return { openMs: Math.round(openMs), cold: cold.ms, warm: warm.ms, rows: cold.rows };
}
