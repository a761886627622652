import { beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { ARTICLE_A, ARTICLE_B, resetDb } from '@/test/db';
import { extractClaims } from '@/workers/pipeline';
import { type ArticleInput, saveImportedArticle, sha256Hex } from './articles';
import { type BatchArticle, saveImportBatch } from './bulk-import';
import { db } from './db';
import { allOrNothing } from './derived/middleware';
import { belowDerived } from './testing/request-log';
import { storedHistory } from './testing/stored-history';

/** Records, below the derived-rows middleware, when each table's writes are issued and answered. */
async function recordWrites(): Promise<string[]> {
  const log: string[] = [];
  await belowDerived('io-write-order', (name, table) => ({
    ...table,
    mutate: (req) => {
      log.push(`${name} issued`);
      return table.mutate(req).then((res) => {
        log.push(`${name} done`);
        return res;
      });
    },
  }));
  return log;
}

const bridge = (i: number, who: string) =>
  `Bridge ${i} to reopen\n\n${who} said: "Bridge ${i} will reopen in ${i + 2} weeks."\nCouncillors said the repair cost £${i}m. "We are on it," Hart added.`;

const inputs: ArticleInput[] = [
  { text: bridge(1, 'The mayor, Jo Hart,'), title: 'One', outlet: ' Post ', url: 'https://news.example/1' },
  { text: bridge(2, 'Jo Hart, the city mayor,') },
  { text: ARTICLE_A },
  { text: bridge(1, 'The mayor, Jo Hart,'), title: 'One again' }, // the same text twice in the batch
  { text: bridge(3, 'Mayor Hart') },
  { text: ARTICLE_B, publishedAt: '2026-01-02' },
];

/** Every row, with random ids (speakers, history) replaced by what they stand for and times left out. */
async function library() {
  const speakers = await db.speakers.toArray();
  const name = new Map(speakers.map((s) => [s.id as string, s.name]));
  const who = (id: string | null) => (id === null ? null : name.get(id));
  const untimed = <T extends Record<string, unknown>>(r: T) => {
    const { updatedAt, importedAt, createdAt, at, id, batchId, ...kept } = r as Record<string, unknown>;
    void updatedAt;
    void importedAt;
    void createdAt;
    void at;
    void batchId;
    return { id: String(id).startsWith('art-') ? id : undefined, ...kept } as Record<string, unknown>;
  };
  return {
    articles: (await db.articles.toArray()).map(untimed),
    speakers: speakers.map(untimed).sort((a, b) => String(a.name).localeCompare(String(b.name))),
    claims: (await db.claims.toArray()).map((c) => ({
      ...untimed(c),
      id: c.id,
      speakerId: who(c.speakerId),
    })),
    history: (await storedHistory())
      .map((h) => {
        const to = h.to as Record<string, unknown> | null;
        const mapped =
          h.table === 'articles' && to
            ? { ...to, createdSpeakerIds: (to.createdSpeakerIds as string[]).map(who).sort() }
            : to;
        return {
          table: h.table,
          rowId: h.table === 'speakers' ? who(h.rowId) : h.rowId,
          from: h.from,
          to: mapped,
        };
      })
      .sort((a, b) => `${a.table}${a.rowId}`.localeCompare(`${b.table}${b.rowId}`)),
    facets: await db.claimFacets.toArray(),
    summaries: (await db.summaries.toArray()).map((s) => ({ ...s, id: s.id.replace(/^s:.*/, 's:') })),
  };
}

describe('saveImportBatch', { timeout: 60_000 }, () => {
  beforeEach(resetDb);

  test('writes the rows one import at a time would, speakers matched across the batch', async () => {
    const batch: BatchArticle[] = [];
    for (const input of inputs) batch.push({ input, extraction: await extractClaims(input.text) });

    await saveImportedArticle({ text: ARTICLE_B }, await extractClaims(ARTICLE_B));
    const oneByOne = [];
    for (const a of batch) oneByOne.push(await saveImportedArticle(a.input, a.extraction));
    const expected = await library();
    const speakerIds = (await db.speakers.toArray()).map((s) => s.id).sort();

    await resetDb();
    await saveImportedArticle({ text: ARTICLE_B }, await extractClaims(ARTICLE_B));
    const results = await saveImportBatch(batch);

    expect(results).toEqual(oneByOne);
    expect(results.map((r) => r.status)).toEqual([
      'created',
      'created',
      'created',
      'duplicate',
      'created',
      'duplicate',
    ]);
    const got = await library();
    // ids derived from the speakers' names, as one import makes them: two devices agree on them
    expect((await db.speakers.toArray()).map((s) => s.id).sort()).toEqual(speakerIds);
    expect(got.articles).toEqual(expected.articles);
    expect(got.speakers).toEqual(expected.speakers);
    expect(got.claims).toEqual(expected.claims);
    expect(got.history).toEqual(expected.history);
    expect(new Set(got.history.filter((h) => h.table === 'articles').map((h) => h.rowId)).size).toBe(5);
    const entries = await storedHistory();
    expect(new Set(entries.slice(1).map((h) => h.batchId)).size).toBe(1); // one undo step (after ARTICLE_B's own)
  });

  test("a batch's facet rows go out while the claims are being stored, not after", async () => {
    const batch: BatchArticle[] = [];
    for (const input of inputs.slice(0, 3))
      batch.push({ input, extraction: await extractClaims(input.text) });
    const log = await recordWrites();
    await saveImportBatch(batch);
    expect(log).toContain('claimFacets issued');
    // before: the facets waited for the claims' outcome (claims done, then facets issued)
    expect(log.indexOf('claimFacets issued')).toBeLessThan(log.indexOf('claims done'));
    expect(await db.claimFacets.count()).toBe(await db.claims.count());
  });

  test('a claims add that fails in an all-or-nothing transaction leaves no facet or summary', async () => {
    await saveImportBatch([{ input: inputs[0]!, extraction: await extractClaims(inputs[0]!.text) }]);
    const claims = await db.claims.toArray();
    const facets = await db.claimFacets.toArray();
    const summaries = await db.summaries.toArray();
    // the same rows once more, and one new claim beside them: the stored ids fail the add
    const again = [...claims, { ...claims[0]!, id: `${claims[0]!.id}.new` as (typeof claims)[0]['id'] }];
    const failed = await db
      .transaction('rw', [db.claims], async () => {
        allOrNothing();
        await db.claims.bulkAdd(again);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(failed).not.toBeNull();
    expect(await db.claims.toArray()).toEqual(claims);
    expect(await db.claimFacets.toArray()).toEqual(facets);
    expect(await db.summaries.toArray()).toEqual(summaries);
  });

  test('a batch that brings the hashes of its texts writes the same rows as one hashed here', async () => {
    const batch: BatchArticle[] = [];
    for (const input of inputs) batch.push({ input, extraction: await extractClaims(input.text) });
    // the same clock for both (update times are part of the facets' keys)
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_780_000_000_000);
    onTestFinished(() => now.mockRestore());
    await saveImportBatch(batch);
    const hashedHere = { ...(await library()), facets: await db.claimFacets.toArray() };

    await resetDb();
    const withHashes = await Promise.all(
      batch.map(async (a) => ({ ...a, sha256: await sha256Hex(a.input.text) })),
    );
    const results = await saveImportBatch(withHashes);
    expect(results.map((r) => r.status)).toEqual([
      'created',
      'created',
      'created',
      'duplicate',
      'created',
      'created',
    ]);
    expect({ ...(await library()), facets: await db.claimFacets.toArray() }).toEqual(hashedHere);
    expect((await db.articles.toArray()).map((a) => a.sha256).sort()).toEqual(
      [...new Set(withHashes.map((a) => a.sha256))].sort(),
    );
  });
});
