import type { Table, Transaction } from 'dexie';
import type { Article, Claim, Evidence, Question, Speaker } from '@/core/model/types';
import { headOf } from './article-heads';
import {
  applyDelta,
  CountDelta,
  type FacetRow,
  facetOf,
  type KeyRow,
  keyRowOf,
  type SummaryRow,
} from './facets';
import { FACETS, HEADS, KEYS, SUMMARIES } from './middleware';
import { computePlacements, PLACEMENTS, packOf, QUESTION_PACKS } from './placements';

/** Every facet row and summary, worked out from scratch from the claims, links and speakers. */
export function computeDerived(
  claims: readonly Claim[],
  evidence: readonly Evidence[],
  speakers: readonly Speaker[],
): { facets: FacetRow[]; keys: KeyRow[]; summaries: SummaryRow[] } {
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
  return { facets, keys: facets.map(keyRowOf), summaries };
}

/**
 * Rebuilds the derived tables inside `tx` (a read-write or upgrade transaction over claims,
 * evidence, speakers, articles, claimFacets, summaries and articleHeads): what the schema upgrade
 * and a repair run.
 */
export async function rebuildDerivedIn(
  table: (name: string) => Table,
  has: (name: string) => boolean = () => true,
): Promise<void> {
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
  const { facets, keys, summaries } = computeDerived(claims, evidence, speakers);
  await table(FACETS).clear();
  await table(SUMMARIES).clear();
  await table(FACETS).bulkPut(facets);
  // an upgrade step older than version 6 has no claimKeys table yet
  if (has(KEYS)) {
    await table(KEYS).clear();
    await table(KEYS).bulkPut(keys);
  }
  await table(SUMMARIES).bulkPut(summaries);
  // an upgrade step older than version 8 has no placedClaims table yet
  if (has(PLACEMENTS)) await rebuildPlacementsIn(table, claims, evidence);
}

/** Rebuilds the placement rows (`placedClaims`) and question packs from the questions, the claims they place and their links. */
export async function rebuildPlacementsIn(
  table: (name: string) => Table,
  claims?: readonly Claim[],
  evidence?: readonly Evidence[],
): Promise<void> {
  const questions = (await table('questions').toArray()) as Question[];
  const placed = [...new Set(questions.flatMap((q) => (q.deletedAt === null ? Object.keys(q.stances) : [])))];
  // without the whole tables at hand, only the placed claims and their links are read
  const rows =
    claims ??
    ((await table('claims').bulkGet(placed)) as (Claim | undefined)[]).filter((c) => c !== undefined);
  const links =
    evidence ?? ((await table('evidence').where('claimId').anyOf(placed).toArray()) as Evidence[]);
  await table(PLACEMENTS).clear();
  await table(PLACEMENTS).bulkPut(computePlacements(questions, rows, links));
  await table(QUESTION_PACKS).clear();
  await table(QUESTION_PACKS).bulkPut(questions.map(packOf));
}

/**
 * The schema upgrade that builds the derived rows. Each version that changes how they are kept
 * rebuilds them; an upgrade across several such versions rebuilds once, in the last of them (the
 * tables of the later versions do not exist yet in the earlier steps).
 */
export const rebuildInUpgrade =
  (version: number) =>
  (tx: Transaction): Promise<void> | undefined => {
    const target = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans.db.version;
    if (version < LAST_REBUILD && target >= LAST_REBUILD) return undefined;
    // the placement rows are built by version 8's own step (its table is not in the earlier steps)
    return rebuildDerivedIn(
      (name) => tx.table(name),
      (name) => name !== PLACEMENTS && name !== QUESTION_PACKS && tx.storeNames.includes(name),
    );
  };

/** The last schema version whose upgrade rebuilds the derived rows. */
export const LAST_REBUILD = 7;

/** Schema version 8's upgrade: builds the placement rows (the other derived rows are as version 7 kept them). */
export const placementsInUpgrade = (tx: Transaction): Promise<void> =>
  rebuildPlacementsIn((name) => tx.table(name));
