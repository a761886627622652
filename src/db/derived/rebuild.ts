import type { Table, Transaction } from 'dexie';
import type { Article, Claim, Evidence, Speaker } from '@/core/model/types';
import { headOf } from './article-heads';
import { applyDelta, CountDelta, type FacetRow, facetOf, type SummaryRow } from './facets';
import { FACETS, HEADS, SUMMARIES } from './middleware';

/** Every facet row and summary, worked out from scratch from the claims, links and speakers. */
export function computeDerived(
  claims: readonly Claim[],
  evidence: readonly Evidence[],
  speakers: readonly Speaker[],
): { facets: FacetRow[]; summaries: SummaryRow[] } {
  const sourced = new Set<string>();
  for (const e of evidence) if (e.deletedAt === null) sourced.add(e.claimId);
  const names = new Map(speakers.map((s) => [s.id as string, s.name]));
  const delta = new CountDelta();
  const facets = claims.map((c) => {
    const facet = facetOf(c, sourced.has(c.id), c.speakerId === null ? null : (names.get(c.speakerId) ?? ''));
    delta.add(facet, 1);
    return facet;
  });
  const summaries = [...delta.changed()].map(([id, counts]) => applyDelta(undefined, id, counts));
  return { facets, summaries };
}

/**
 * Rebuilds the derived tables inside `tx` (a read-write or upgrade transaction over claims,
 * evidence, speakers, articles, claimFacets, summaries and articleHeads): what the schema upgrade
 * and a repair run.
 */
export async function rebuildDerivedIn(table: (name: string) => Table): Promise<void> {
  // article by article: only one article's text is in memory at a time
  await table(HEADS).clear();
  await table('articles').each((a: Article) => {
    void table(HEADS).put(headOf(a));
  });
  const [claims, evidence, speakers] = await Promise.all([
    table('claims').toArray() as Promise<Claim[]>,
    table('evidence').toArray() as Promise<Evidence[]>,
    table('speakers').toArray() as Promise<Speaker[]>,
  ]);
  const { facets, summaries } = computeDerived(claims, evidence, speakers);
  await table(FACETS).clear();
  await table(SUMMARIES).clear();
  await table(FACETS).bulkPut(facets);
  await table(SUMMARIES).bulkPut(summaries);
}

export const rebuildInUpgrade = (tx: Transaction) => rebuildDerivedIn((name) => tx.table(name));
