import { beforeEach, expect, test, vi } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { createClaimIndex } from '@/core/search/claim-index';
import { ID_BYTES } from '@/core/search/id-bytes';
import { arraysOfStoredClaimIndex } from '@/core/search/packed-index';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { exportBackup } from './backup-export';
import { restoreBackup } from './backup-restore';
import { backupSourceOfBlob } from './backup-source';
import { setClaimsVerdict, updateClaim } from './claims';
import { db } from './db';
import { attachSource } from './evidence';
import { claimSearchStats, resetClaimSearch, saveClaimSearch, searchClaims } from './search';
import { formatFour, withTextIds } from './testing/search-formats';

const officersClaim = async () => (await db.claims.toArray()).find((c) => c.text.includes('officers'))!;

beforeEach(resetDb);

test('the saved index is loaded on start and brought up to date with what changed since', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(claimSearchStats().loaded).toBe(false);
  expect(await saveClaimSearch()).toBe(true);
  expect(await saveClaimSearch()).toBe(false); // nothing changed since

  // a later start: the index comes from its saved copy, then re-indexes only the new rows
  resetClaimSearch();
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const claim = (await db.claims.toArray()).find((c) => c.text.includes('officers'))!;
  await updateClaim(claim.id, { notes: 'zebrafinch' });
  expect((await searchClaims('zebrafinch')).map((h) => h.id)).toEqual([claim.id]);
  expect((await searchClaims('Jay report')).length).toBe(1);
  const stats = claimSearchStats();
  expect(stats.loaded).toBe(true);
  expect(stats.documents).toBe(await db.claims.count());
});

test('a new thread (the search worker at start) reads the saved index once, not again after its first open', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  expect(await saveClaimSearch()).toBe(true);
  // a fresh module graph: its own database connection, not yet open, as in a worker that starts
  vi.resetModules();
  const fresh = await import('./search');
  const freshDb = (await import('./db')).db;
  try {
    expect(freshDb.isOpen()).toBe(false);
    expect((await fresh.searchClaims('officers')).map((h) => h.id)).toEqual([(await officersClaim()).id]);
    expect(fresh.claimSearchStats()).toMatchObject({ loaded: true, loads: 1 });
  } finally {
    freshDb.close();
  }
});

test('an unreadable saved index is rebuilt from the claims', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await db.searchIndex.put({ id: 'claims', json: '{not json', since: 0, documents: 0 });
  resetClaimSearch();
  expect((await searchClaims('officers')).length).toBe(1);
  expect(claimSearchStats().loaded).toBe(false);
});

test('the index is saved packed (its arrays in one Blob, no JSON) and loads from it', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  expect((await searchClaims('officers')).length).toBe(1);
  await saveClaimSearch();
  const row = (await db.searchIndex.get('claims'))!;
  expect(row.json).toBeUndefined();
  expect(row.packed?.format).toBe(5);
  expect(row.packed?.format === 5 && row.packed.data).toBeInstanceOf(Blob);
  resetClaimSearch();
  expect((await searchClaims('officers')).map((h) => h.id)).toEqual([(await officersClaim()).id]);
  expect(claimSearchStats()).toMatchObject({ loaded: true, documents: await db.claims.count() });
});

test('an index saved as JSON before the packed form is loaded, then saved again packed', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claims = await db.claims.toArray();
  const old = createClaimIndex(
    claims.map((c) => ({ id: c.id, text: c.text, speaker: '', sources: '', notes: '', tags: '' })),
  );
  await db.searchIndex.put({
    id: 'claims',
    json: JSON.stringify(old),
    since: Date.now(),
    documents: claims.length,
  });
  resetClaimSearch();
  expect((await searchClaims('officers')).length).toBe(1);
  expect(claimSearchStats().loaded).toBe(true);
  expect(await saveClaimSearch()).toBe(true);
  expect((await db.searchIndex.get('claims'))!.packed).toBeDefined();
});

test.each([2, 3, 4])(
  'an index saved in an earlier packed format (%i) is loaded, then saved again in the current one',
  async (format) => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    expect((await searchClaims('officers')).length).toBe(1);
    await saveClaimSearch();
    const row = (await db.searchIndex.get('claims'))!;
    if (row.packed?.format !== 5) throw new Error('expected format 5');
    const current = await arraysOfStoredClaimIndex(row.packed);
    // the claims' ids (an extracted claim's: its article and span) kept as bytes since format 5
    expect(current.idBytes?.length).toBe(ID_BYTES * (await db.claims.count()));
    const packed = withTextIds(current);
    const split = (text: string, ends: Uint32Array) =>
      [...ends].map((e, i) => text.slice(i ? ends[i - 1] : 0, e));
    const { idText, idEnds, termText, termEnds, format: _, ...rest } = packed;
    await db.searchIndex.put({
      ...row,
      packed:
        format === 2
          ? { ...rest, format: 2, ids: split(idText, idEnds), terms: split(termText, termEnds) }
          : format === 3
            ? packed
            : formatFour(packed),
    });
    resetClaimSearch();
    expect((await searchClaims('officers')).map((h) => h.id)).toEqual([(await officersClaim()).id]);
    expect(claimSearchStats().loaded).toBe(true);
    expect(await saveClaimSearch()).toBe(true);
    const saved = (await db.searchIndex.get('claims'))!.packed;
    if (saved?.format !== 5) throw new Error('expected format 5');
    expect(await arraysOfStoredClaimIndex(saved)).toMatchObject({
      format: 3,
      idText: '',
      idBytes: current.idBytes,
      termText,
    });
  },
);

test('a claim written with an older clock (a restore, a sync pull) shows in the next search', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claim = await officersClaim();
  expect((await searchClaims('zebrafinch')).length).toBe(0); // the index is built now
  await new Promise((r) => setTimeout(r, 5));
  // as a restore or a pulled change writes it: with the clock it had elsewhere, before the index looked
  await db.claims.put({ ...claim, notes: 'zebrafinch', updatedAt: claim.updatedAt - 60_000 });
  expect((await searchClaims('zebrafinch')).map((h) => h.id)).toEqual([claim.id]);
});

test('a claim deleted outright (no tombstone) leaves the search', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claim = await officersClaim();
  expect((await searchClaims('officers')).map((h) => h.id)).toEqual([claim.id]);
  await db.claims.delete(claim.id);
  expect(await searchClaims('officers')).toEqual([]);
});

test('a replacing restore shows in the next search: old text back, claims not in the backup gone', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const blob = await exportBackup();
  const claim = await officersClaim();
  await updateClaim(claim.id, { notes: 'zebrafinch' });
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  expect((await searchClaims('zebrafinch')).map((h) => h.id)).toEqual([claim.id]);
  expect((await searchClaims('Jay report')).length).toBe(1);

  await restoreBackup(backupSourceOfBlob(blob), 'replace');
  expect(await searchClaims('zebrafinch')).toEqual([]);
  expect(await searchClaims('Jay report')).toEqual([]);
  expect((await searchClaims('officers')).map((h) => h.id)).toEqual([claim.id]);
});

test("a pulled change (older clock) made after the index was saved shows in the next start's first search", async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claim = await officersClaim();
  expect((await searchClaims('officers')).map((h) => h.id)).toEqual([claim.id]);
  await saveClaimSearch();
  resetClaimSearch(); // the next start loads the saved copy, whose clock is later than the pulled row's
  await db.claims.put({ ...claim, notes: 'zebrafinch', updatedAt: claim.updatedAt - 60_000 });
  await new Promise((r) => setTimeout(r, 0)); // the write's note
  expect((await searchClaims('zebrafinch')).map((h) => h.id)).toEqual([claim.id]);
  expect(claimSearchStats().loaded).toBe(true);
});

test("rows written 50 or more at a time with an older clock (a pull's batch, a restore) show in the next search", async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claims = await db.claims.toArray();
  expect((await searchClaims('zebrafinch')).length).toBe(0); // the index is built now
  await new Promise((r) => setTimeout(r, 5));
  // Dexie tells a write of 50 rows or more as the whole table, not by key
  const pulled = Array.from({ length: 60 }, (_, i) => {
    const c = claims[i % claims.length]!;
    const id = (i < claims.length ? c.id : `${c.id}.pulled${i}`) as typeof c.id;
    return { ...c, id, notes: `zebrafinch ${i}`, updatedAt: c.updatedAt - 60_000 };
  });
  await db.claims.bulkPut(pulled);
  expect((await searchClaims('zebrafinch', 500)).map((h) => h.id).sort()).toEqual(
    pulled.map((c) => c.id).sort(),
  );
  await db.claims.bulkDelete(pulled.slice(claims.length).map((c) => c.id));
  expect((await searchClaims('zebrafinch', 500)).length).toBe(claims.length);
});

test('a speaker or a source renamed with an older clock (pulled) reaches its claims in the search', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claim = await officersClaim();
  await attachSource(claim.id, { url: 'https://example.org/r', title: 'Annual report' });
  expect((await searchClaims('quagga')).length).toBe(0); // the index is built now
  await new Promise((r) => setTimeout(r, 5));
  const speaker = (await db.speakers.get(claim.speakerId!))!;
  await db.speakers.put({ ...speaker, name: 'Quagga Billings', updatedAt: speaker.updatedAt - 60_000 });
  expect((await searchClaims('quagga')).map((h) => h.id)).toContain(claim.id);
  const source = (await db.sources.toArray())[0]!;
  await db.sources.put({ ...source, title: 'Okapi review', updatedAt: source.updatedAt - 60_000 });
  expect((await searchClaims('okapi')).map((h) => h.id)).toEqual([claim.id]);
});

test('a claim re-read unchanged (a verdict edit) keeps its place among hits of equal score', async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const before = await searchClaims('billings');
  // the speaker's claims match by the speaker's name alone: equal scores
  const tied = before.filter((h) => h.score === before[0]!.score);
  expect(tied.length).toBeGreaterThan(1);
  await setClaimsVerdict([tied[0]!.id as ClaimId], 'false');
  expect(await searchClaims('billings')).toEqual(before);
  // re-read again in the same millisecond as the last look (its clock is not later): still in place
  const row = (await db.claims.get(tied[0]!.id as ClaimId))!;
  await db.claims.put({ ...row, updatedAt: Date.now() });
  expect(await searchClaims('billings')).toEqual(before);
  expect(await searchClaims('billings')).toEqual(before);
});
