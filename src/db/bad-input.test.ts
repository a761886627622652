import { beforeEach, describe, expect, test } from 'vitest';
import { MAX_NOTE_LENGTH } from '@/core/review/limits';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { addTagToClaims, updateClaim } from './claims';
import { db } from './db';
import { describeDbError } from './errors';
import { attachSource, updateEvidence } from './evidence';
import { countHistory } from './history-read';
import { createSource, findSourcesByUrl, updateSource } from './sources';

beforeEach(resetDb);

async function aClaim() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  return (await db.claims.where('articleId').equals(articleId).sortBy('start'))[0]!;
}

const message = (p: Promise<unknown>) => p.then(() => 'no error', describeDbError);

describe('bad input at the data level', () => {
  test.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('a source URL %s is refused with a clear message, and nothing is written', async (url) => {
    const claim = await aClaim();
    const before = await countHistory();
    expect(await message(createSource({ url, title: 'x' }))).toMatch(
      /^This source address cannot be saved\. Only http and https links are allowed/,
    );
    expect(await message(attachSource(claim.id, { url, title: 'x' }))).toMatch(/cannot be saved/);
    expect(await db.sources.count()).toBe(0);
    expect(await db.evidence.count()).toBe(0);
    expect(await countHistory()).toBe(before);
  });

  test('an existing source cannot be edited into a javascript: URL; a bare host becomes https', async () => {
    const source = await createSource({ url: 'gov.uk/statistics', title: 'Stats' });
    expect(source.url).toBe('https://gov.uk/statistics');
    expect(await message(updateSource(source.id, { url: 'javascript:alert(1)' }))).toMatch(/cannot be saved/);
    expect((await db.sources.get(source.id))?.url).toBe('https://gov.uk/statistics');
    expect(await findSourcesByUrl(' gov.uk/statistics ')).toHaveLength(1);
    // a source with no address (a printed report) is allowed, with a title
    expect((await createSource({ url: '', title: 'Annual report (print)' })).url).toBe('');
    expect(await message(createSource({ url: '  ' }))).toBe('A source needs an address or a title.');
  });

  test(`a 100 KB note is refused with its size (limit ${MAX_NOTE_LENGTH}); a note at the limit is kept intact`, async () => {
    const claim = await aClaim();
    const huge = 'x'.repeat(100 * 1024);
    expect(await message(updateClaim(claim.id, { notes: huge }))).toBe(
      'Notes can be at most 20,000 characters; this one has 102,400. Shorten it, or save the long text as a source’s excerpt.',
    );
    expect((await db.claims.get(claim.id))?.notes).toBe('');
    expect(await message(updateClaim(claim.id, { ratingNote: huge }))).toMatch(/^The rating explanation/);
    const { evidence } = await attachSource(claim.id, { url: 'https://example.org', title: 'E' });
    expect(await message(updateEvidence(evidence.id, { passage: huge }))).toMatch(/^The quoted passage/);

    const atLimit = `${'é🙂'.repeat((MAX_NOTE_LENGTH - 2) / 3)}\n.`;
    expect(atLimit.length).toBe(MAX_NOTE_LENGTH);
    await updateClaim(claim.id, { notes: atLimit });
    expect((await db.claims.get(claim.id))?.notes).toBe(atLimit);
  });

  test('a tag of only spaces is refused; tags are normalised', async () => {
    const claim = await aClaim();
    expect(await message(addTagToClaims([claim.id], '   \t '))).toBe(
      'A tag needs at least one letter or digit, not only spaces.',
    );
    await updateClaim(claim.id, { tags: ['  ', ' child   safety ', 'Child safety', 'police'] });
    expect((await db.claims.get(claim.id))?.tags).toEqual(['child safety', 'police']);
  });
});
