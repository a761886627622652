import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, test } from 'vitest';
import type { SpeakerId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle, speakerIdFor } from './articles';
import { reassignToNewSpeaker } from './corrections';
import { db } from './db';
import { speakerSortKey } from './derived/facets';
import { historyOfBatch, historyOfRow } from './history-read';
import { speakerQueries } from './queries';
import { createSpeaker, mergeSpeakers, updateSpeaker } from './speakers';

beforeEach(resetDb);

describe('speakers', () => {
  test('create and rename: the key follows the name, history records both', async () => {
    const s = await createSpeaker({
      name: '  Sarah   Champion ',
      aliases: ['Ms Champion', 'Sarah Champion'],
    });
    expect(s).toMatchObject({
      name: 'Sarah Champion',
      key: 'sarah champion',
      aliases: ['Ms Champion'],
      type: 'person',
    });
    const renamed = await updateSpeaker(s.id, { name: 'Sarah Champion MP', role: ' MP ' });
    expect(renamed).toMatchObject({ key: 'sarah champion mp', role: 'MP' });
    const history = await historyOfRow('speakers', s.id);
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]?.from).toEqual({ name: 'Sarah Champion', key: 'sarah champion', role: null });
    await expect(updateSpeaker(s.id, { name: '  ' })).rejects.toThrow('A speaker needs a name.');
  });

  test('a speaker added by hand gets the id derived from its key, unless that id is taken', async () => {
    const first = await createSpeaker({ name: 'Dr Jane Doe' });
    expect(first.id).toBe(await speakerIdFor('jane doe'));
    // a second person of the same name, and a name with no key, get random ids
    const second = await createSpeaker({ name: 'Jane Doe' });
    expect(second.id).not.toBe(first.id);
    expect(second.id.startsWith('spk-')).toBe(false);
    expect(await db.speakers.count()).toBe(2);
  });

  test("inside a caller's transaction (a claim moved to a new speaker) the hashing does not end it", async () => {
    const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    const claim = (await db.claims.where('articleId').equals(articleId).first())!;
    const speaker = await reassignToNewSpeaker(claim.id, 'Jane Doe');
    expect(speaker.id).toBe(await speakerIdFor('jane doe'));
    expect((await db.claims.get(claim.id))?.speakerId).toBe(speaker.id);
  });

  test('two speakers renamed in one write each re-sort their own claims by their own new name', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const claims = await db.claims.toArray();
    const ids = [...new Set(claims.map((c) => c.speakerId).filter((s) => s !== null))];
    expect(ids.length).toBeGreaterThan(1);
    const speakers = (await db.speakers.bulkGet(ids)).map((s, i) => ({ ...s!, name: `Renamed ${i}` }));
    await db.speakers.bulkPut(speakers);
    const facets = await db.claimFacets.bulkGet(claims.map((c) => c.id));
    facets.forEach((f, i) => {
      const at = ids.indexOf(claims[i]!.speakerId!);
      expect(f?.o.n).toBe(at === -1 ? speakerSortKey(null) : speakerSortKey(`Renamed ${at}`));
    });
  });

  test('merging moves the claims, keeps the names as aliases, tombstones the others, in one batch', async () => {
    const a = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const billings = (await db.speakers.where('key').equals('alan billings').first())!;
    const group = (await db.speakers.where('key').equals('conservative councillors').first())!;

    const batchId = await mergeSpeakers(billings.id, [group.id]);
    expect((await db.speakers.get(group.id))?.deletedAt).toEqual(expect.any(Number));
    expect((await db.speakers.get(billings.id))?.aliases).toContain('Conservative councillors');
    const claims = await db.claims.where('articleId').equals(a.articleId).toArray();
    expect(claims.every((c) => c.speakerId === billings.id)).toBe(true);

    const entries = await historyOfBatch(batchId);
    expect(entries.map((e) => `${e.table}:${e.action}`).sort()).toEqual([
      'claims:update',
      'speakers:delete',
      'speakers:update',
    ]);
    const names = (await new QueryClient().fetchQuery(speakerQueries.byArticle(a.articleId))).map(
      (s) => s.name,
    );
    expect(names).toEqual(['Alan Billings']);
    await expect(mergeSpeakers('gone' as SpeakerId, [billings.id])).rejects.toThrow(/no longer exists/);
  });
});
