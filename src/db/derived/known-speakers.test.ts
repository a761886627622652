import type { DBCoreTable, DBCoreTransaction } from 'dexie';
import { beforeEach, expect, test } from 'vitest';
import type { Claim, Speaker } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from '../articles';
import { db } from '../db';
import { belowDerived } from '../testing/request-log';
import { speakerSortKey } from './facets';
import { knownSpeakerNames, rememberingSpeakers, speakersWriteAsked } from './known-speakers';

beforeEach(resetDb);

/** Logs, below the derived-rows middleware, each read of speakers by id and each claims write. */
async function recordRequests(): Promise<string[]> {
  const log: string[] = [];
  await belowDerived('known-speakers', (name, table) => ({
    ...table,
    getMany: (req) => {
      if (name === 'speakers') log.push(`speakers read ${req.keys.length}`);
      return table.getMany(req);
    },
    mutate: (req) => {
      if (name === 'claims') log.push('claims write');
      return table.mutate(req);
    },
  }));
  return log;
}

const speakerKeyOf = async (claimId: string) => (await db.claimFacets.get(claimId as never))?.o.n;

/** A claim of `speakerId` on the article of `like`, with a new id. */
const claimOf = (like: Claim, speakerId: string, n: number): Claim =>
  ({ ...like, id: `${like.id}-copy-${n}`, speakerId }) as Claim;

/** A claim of article A, imported, and its speaker. */
async function importedClaimAndSpeaker(): Promise<{ like: Claim; speaker: Speaker }> {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const like = (await db.claims.where('articleId').equals(articleId).first())!;
  return { like, speaker: (await db.speakers.get(like.speakerId!))! };
}

test("an import's claims take their speakers' names from the speakers it read and wrote: no speaker is read again", async () => {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const log = await recordRequests();
  const { articleId } = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  // the import's own read of the speaker ids it derives, and nothing else: not the old names of the
  // speakers it merges (read by key just before), not the names of its claims' speakers
  expect(log).toEqual(['speakers read 2', 'claims write']);
  const claims = await db.claims.where('articleId').equals(articleId).toArray();
  const names = new Map((await db.speakers.toArray()).map((s) => [s.id as string, s.name]));
  expect(claims.length).toBeGreaterThan(0);
  for (const c of claims)
    expect(await speakerKeyOf(c.id)).toBe(
      speakerSortKey(c.speakerId === null ? null : (names.get(c.speakerId) ?? '')),
    );
});

test('a speaker renamed after it was read: the claims added next take the new name', async () => {
  const { like, speaker } = await importedClaimAndSpeaker();
  await db.transaction('rw', [db.speakers, db.claims], async () => {
    await db.speakers.get(speaker.id);
    await db.speakers.put({ ...speaker, name: 'Zed Renamed' });
    await db.claims.add(claimOf(like, speaker.id, 1));
  });
  expect(await speakerKeyOf(`${like.id}-copy-1`)).toBe(speakerSortKey('Zed Renamed'));
});

test('a read asked before a rename and answered after it does not tell the name', async () => {
  const { like, speaker } = await importedClaimAndSpeaker();
  await db.transaction('rw', [db.speakers, db.claims], async () => {
    // asked together: the read is answered first (with the old name), the rename after it
    const [old] = await Promise.all([
      db.speakers.get(speaker.id),
      db.speakers.put({ ...speaker, name: 'Aaron After' }),
    ]);
    expect(old?.name).toBe(speaker.name);
    await db.claims.add(claimOf(like, speaker.id, 2));
  });
  expect(await speakerKeyOf(`${like.id}-copy-2`)).toBe(speakerSortKey('Aaron After'));
});

test('a speaker deleted in the transaction is not known: a claim added for it sorts as an unknown speaker', async () => {
  const { like, speaker } = await importedClaimAndSpeaker();
  await db.transaction('rw', [db.speakers, db.claims], async () => {
    await db.speakers.get(speaker.id);
    await db.speakers.delete(speaker.id);
    await db.claims.add(claimOf(like, speaker.id, 3));
  });
  expect(await speakerKeyOf(`${like.id}-copy-3`)).toBe(speakerSortKey(''));
});

test('a written name is known as it was when its request went out, not as the caller changed its row after', async () => {
  const { like, speaker } = await importedClaimAndSpeaker();
  await db.transaction('rw', [db.speakers, db.claims], async () => {
    await db.speakers.get(speaker.id);
    const row = { ...speaker, name: 'Olga Once' };
    const written = db.speakers.put(row);
    row.name = 'Changed After';
    await written;
    await db.claims.add(claimOf(like, speaker.id, 5));
  });
  const stored = (await db.speakers.get(speaker.id))!.name;
  expect(await speakerKeyOf(`${like.id}-copy-5`)).toBe(speakerSortKey(stored));
});

test('a read asked while a speakers write is under way (asked, its request not yet issued) is not kept', async () => {
  const trans = { mode: 'readwrite' } as unknown as DBCoreTransaction;
  const stored = { id: 'spk-1', name: 'Old Name' } as Speaker;
  const table = { get: () => Promise.resolve(stored) } as unknown as DBCoreTable;
  const put = { type: 'put', trans, values: [{ ...stored, name: 'New Name' }] } as const;
  const write = speakersWriteAsked(trans, put);
  // the put reads first, so this read may reach IndexedDB before the put's own request
  await rememberingSpeakers(table).get({ trans, key: stored.id });
  expect(knownSpeakerNames(trans, [stored.id])).toEqual([undefined]);
  write.issued();
  write.answered({ numFailures: 0, failures: [], lastResult: stored.id, results: [stored.id] });
  expect(knownSpeakerNames(trans, [stored.id])).toEqual(['New Name']);
  // with no write under way, a read is kept
  await rememberingSpeakers(table).get({ trans, key: stored.id });
  expect(knownSpeakerNames(trans, [stored.id])).toEqual(['Old Name']);
});
