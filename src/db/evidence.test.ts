import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, test } from 'vitest';
import type { SourceId } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { db } from './db';
import { attachSource, countClaimSources, removeEvidence, updateEvidence } from './evidence';
import { historyOfBatch, historyOfRow } from './history-read';
import { evidenceQueries, sourceQueries } from './queries';
import { createSource, findSourcesByUrl, softDeleteSource, updateSource } from './sources';

beforeEach(resetDb);

async function aClaim() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  return (await db.claims.where('articleId').equals(articleId).sortBy('start'))[0]!;
}

const stats = {
  url: ' https://example.org/stats ',
  title: 'Police workforce',
  type: 'official statistics',
} as const;

describe('sources and evidence', () => {
  test('attaching a new source creates it once and links it, in one batch', async () => {
    const claim = await aClaim();
    const first = await attachSource(claim.id, stats, { relation: 'supports', passage: '200 more' });
    expect(first.source).toMatchObject({
      url: 'https://example.org/stats',
      title: 'Police workforce',
      publisher: '',
    });
    expect(
      (await historyOfBatch((await historyOfRow('evidence', first.evidence.id))[0]!.batchId))
        .map((e) => e.table)
        .sort(),
    ).toEqual(['evidence', 'sources']);

    // the same URL again reuses the source
    const second = await attachSource(
      claim.id,
      { url: 'https://example.org/stats' },
      { relation: 'context' },
    );
    expect(second.source.id).toBe(first.source.id);
    expect(await db.sources.count()).toBe(1);
    expect(await countClaimSources(claim.id)).toBe(2);

    const listed = await new QueryClient().fetchQuery(evidenceQueries.byClaim(claim.id));
    expect(listed.map((e) => [e.evidence.relation, e.source?.title])).toEqual([
      ['supports', 'Police workforce'],
      ['context', 'Police workforce'],
    ]);

    await updateEvidence(second.evidence.id, { relation: 'refutes' });
    await removeEvidence(first.evidence.id);
    const after = await new QueryClient().fetchQuery(evidenceQueries.byClaim(claim.id));
    expect(after.map((e) => e.evidence.relation)).toEqual(['refutes']);
    expect((await historyOfRow('evidence', first.evidence.id)).map((h) => h.action)).toEqual([
      'create',
      'delete',
    ]);
  });

  test('an existing source by id; unknown ids and relations are clear errors', async () => {
    const claim = await aClaim();
    const source = await createSource({ url: 'https://example.org/report', type: 'primary document' });
    expect(source.title).toBe('https://example.org/report');
    await attachSource(claim.id, source.id);
    await expect(attachSource(claim.id, 'nope' as SourceId)).rejects.toThrow('That source no longer exists.');
    await expect(attachSource(claim.id, source.id, { relation: 'maybe' as 'context' })).rejects.toThrow(
      /Unknown relation/,
    );
  });

  test('sources: update with history, find by URL, tombstone out of the list', async () => {
    const s = await createSource(stats);
    await updateSource(s.id, { publisher: 'Home Office' });
    expect((await historyOfRow('sources', s.id)).at(-1)?.to).toEqual({ publisher: 'Home Office' });
    expect((await findSourcesByUrl('https://example.org/stats')).map((x) => x.id)).toEqual([s.id]);
    await softDeleteSource(s.id);
    expect(await findSourcesByUrl('https://example.org/stats')).toEqual([]);
    expect(await new QueryClient().fetchQuery(sourceQueries.list())).toEqual([]);
  });
});
