import type { Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { verdictNeedsSource } from '@/core/review/verdicts';
import { db } from './db';
import { articleScope, LIBRARY, type SummaryRow, speakerScope, tagScope } from './derived/facets';

/** The counts of live claims in one scope (an article, a speaker, a tag, the library). */
export type ClaimCounts = Readonly<{
  claimCount: number;
  /** Claims with a rating verdict (`verdictNeedsSource`). */
  checkedCount: number;
  uncheckedCount: number;
  /** A rating verdict and no live source. */
  flaggedCount: number;
  withSource: number;
  withoutSource: number;
  byVerdict: Readonly<Record<Verdict, number>>;
}>;

export function countsOf(row: SummaryRow | undefined): ClaimCounts {
  const c = row?.counts ?? {};
  const n = (key: string) => c[key] ?? 0;
  const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, n(`v:${v}`)])) as Record<Verdict, number>;
  const rating = VERDICTS.filter(verdictNeedsSource);
  const claimCount = VERDICTS.reduce((sum, v) => sum + byVerdict[v], 0);
  const checkedCount = rating.reduce((sum, v) => sum + byVerdict[v], 0);
  return {
    claimCount,
    checkedCount,
    uncheckedCount: claimCount - checkedCount,
    flaggedCount: rating.reduce((sum, v) => sum + n(`v:${v}|h:0`), 0),
    withSource: n('h:1'),
    withoutSource: n('h:0'),
    byVerdict,
  };
}

/** The ids after `prefix` of the keys with a count (`s:` in an article's summary: its speakers). */
export const keysOf = (row: SummaryRow | undefined, prefix: string): string[] =>
  Object.keys(row?.counts ?? {})
    .filter((k) => k.startsWith(prefix) && !k.includes('|'))
    .map((k) => k.slice(prefix.length));

export const readSummaries = async (ids: readonly string[]): Promise<(SummaryRow | undefined)[]> =>
  db.summaries.bulkGet([...ids]);

/** An article's counts, and how many speakers its live claims name (the article screen's header). */
export type ArticleCounts = ClaimCounts & Readonly<{ speakerCount: number }>;
export const articleCounts = async (id: string): Promise<ArticleCounts> => {
  const row = await db.summaries.get(articleScope(id));
  return { ...countsOf(row), speakerCount: keysOf(row, 's:').length };
};
export const speakerCounts = async (id: string) => countsOf(await db.summaries.get(speakerScope(id)));
export const tagCounts = async (tag: string) => countsOf(await db.summaries.get(tagScope(tag)));
export const libraryCounts = async () => countsOf(await db.summaries.get(LIBRARY));

/** Every tag on a live claim with how many live claims carry it (tags as written). */
export async function tagsInUse(): Promise<Map<string, number>> {
  const lib = await db.summaries.get(LIBRARY);
  return new Map(keysOf(lib, 't:').map((tag) => [tag, lib!.counts[`t:${tag}`]!]));
}
