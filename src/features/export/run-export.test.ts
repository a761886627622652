import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { saveImportedArticle } from '@/db/articles';
import { addTagToClaim, setClaimVerdict } from '@/db/claims';
import { db } from '@/db/db';
import type { ExportScope } from '@/db/export-read';
import { runExport } from '@/features/export/run-export';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';

beforeEach(resetDb);

const run = (format: 'claimreview' | 'csv' | 'markdown', scope: ExportScope = { kind: 'all' }) =>
  runExport({
    format,
    scope,
    title: scope.kind === 'view' ? 'Claims' : 'All claims',
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

  test('a filtered view is named by its filter: the file name and the Markdown heading', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const [first, second] = (await db.claims.toArray()).sort((a, b) => a.start - b.start);
    await setClaimVerdict(first!.id as ClaimId, 'false');
    await addTagToClaim(first!.id as ClaimId, 'crime');
    await addTagToClaim(second!.id as ClaimId, 'crime');
    const speaker = await db.speakers.get(first!.speakerId!);
    const date = new Date().toISOString().slice(0, 10);

    const filtered = await run('markdown', {
      kind: 'view',
      filters: { verdicts: ['false'], tags: ['crime'] },
    });
    expect(filtered.fileName).toBe(`claimdesk-claims-verdict-false-tag-crime-${date}.md`);
    expect((await filtered.blob.text()).split('\n')[0]).toBe('# Claims: verdict False, tag crime');
    expect(filtered.claims).toBe(1);

    const bySpeaker = await run('csv', { kind: 'view', filters: { speakerIds: [speaker!.id] } });
    expect(bySpeaker.fileName).toBe(`claimdesk-claims-speaker-alan-billings-${date}.csv`);

    // a tag or a search is the person's text: the name keeps letters, digits and dashes only
    const hostile = await run('csv', {
      kind: 'view',
      filters: { q: '../../etc/passwd', tags: ['a/b\\c:d*?"<>|'] },
    });
    expect(hostile.fileName).toMatch(/^claimdesk-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(hostile.fileName.length).toBeLessThan(90);

    // no filter: the view's own name, as before
    expect((await run('csv', { kind: 'view', filters: {} })).fileName).toBe(`claimdesk-claims-${date}.csv`);
  });

  test('one claim is named apart from its article: exporting both keeps two files', async () => {
    await saveImportedArticle({ text: ARTICLE_A, title: 'Police chief says' }, extractionA());
    const [first] = await db.claims.toArray();
    const date = new Date().toISOString().slice(0, 10);
    const article = await run('csv', { kind: 'article', articleId: first!.articleId });
    const claim = await run('csv', { kind: 'claim', claimId: first!.id });
    expect(article.fileName).toBe(`claimdesk-police-chief-says-${date}.csv`);
    expect(claim.fileName).toBe(`claimdesk-claim-police-chief-says-${date}.csv`);
  });
});
