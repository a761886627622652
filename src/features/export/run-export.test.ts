import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { setClaimVerdict } from '@/db/claims';
import { db } from '@/db/db';
import { runExport } from '@/features/export/run-export';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';

beforeEach(resetDb);

const run = (format: 'claimreview' | 'csv') =>
  runExport({
    format,
    scope: { kind: 'all' },
    title: 'All claims',
    bom: false,
    total: 0,
    onProgress: () => {},
  });

describe('runExport', () => {
  test('ClaimReview counts the reviews it wrote, not the claims it read (none rated: none out)', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const none = await run('claimreview');
    expect(none.claims).toBe(0);
    expect(JSON.parse(await none.blob.text())).toEqual([]);

    const [first] = await db.claims.toArray();
    await setClaimVerdict(first!.id as ClaimId, 'false');
    const one = await run('claimreview');
    expect(one.claims).toBe(1);
    expect(JSON.parse(await one.blob.text())).toHaveLength(1);
    // every other format still counts every claim it wrote
    expect((await run('csv')).claims).toBeGreaterThan(1);
  });
});
