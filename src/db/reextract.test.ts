import { beforeEach, describe, expect, test } from 'vitest';
import { ARTICLE_A, extractionA, extractionOf, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { addManualClaim, setClaimSpeaker } from './claims';
import { db } from './db';
import { acceptProposals, proposeReextraction } from './reextract';
import { createSpeaker } from './speakers';
import { readUndoState, undo } from './undo';

beforeEach(resetDb);

/** The extractor, run again on ARTICLE_A, with different opinions. */
const fresh = () =>
  extractionOf(
    ARTICLE_A,
    [
      { id: 'n1', name: 'Alan Billings', aliases: ['He'] },
      { id: 'n2', name: 'Sarah Champion', role: 'MP' },
      { id: 'n3', name: 'Conservative councillors', type: 'group' },
    ],
    [
      { quote: 'Police chief pledges more officers', speaker: 'n1', kind: 'headline' }, // overlaps the manual claim
      { quote: 'We have 200 more officers than in 2014.', speaker: 'n2' }, // corrected by a person
      { quote: 'Victims are listened to now.', speaker: 'n2' }, // untouched: proposal
      { quote: 'The town has 265,000 residents.', speaker: 'n1', kind: 'indirect' }, // new
      { quote: 'failed hundreds of girls', speaker: 'n3', kind: 'mixed' }, // unchanged
    ],
  );

async function setUp() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const [officers, victims] = await db.claims.where('articleId').equals(articleId).sortBy('start');
  const manual = await addManualClaim({ articleId, start: 0, end: 12 }); // "Police chief"
  const jay = await createSpeaker({ name: 'Alexis Jay' });
  await setClaimSpeaker(officers!.id, jay.id); // a person's correction
  return { articleId, officers: officers!, victims: victims!, manual, jay };
}

describe('re-extraction', () => {
  test('proposes, never overwrites: manual claims and corrections survive', async () => {
    const { articleId, officers, victims, manual, jay } = await setUp();
    const before = await db.claims.toArray();
    const proposals = await proposeReextraction(articleId, fresh());
    expect(proposals.map((p) => p.id)).toEqual([`speaker:${victims.id}`, expect.stringMatching(/^new:/)]);
    expect(await db.claims.toArray()).toEqual(before); // proposing writes nothing

    const result = await acceptProposals(
      articleId,
      fresh(),
      proposals.map((p) => p.id),
    );
    expect(result).toMatchObject({ reassigned: [victims.id], stale: [] });
    expect(result.created).toHaveLength(1);
    expect((await db.claims.get(officers.id))?.speakerId).toBe(jay.id);
    expect(await db.claims.get(manual.id)).toEqual(manual);
    const champion = (await db.speakers.where('key').equals('sarah champion').first())!;
    expect((await db.claims.get(victims.id))?.speakerId).toBe(champion.id);
    expect((await db.claims.get(result.created[0]!))?.text).toBe('The town has 265,000 residents.');

    // nothing left to propose; and the whole acceptance is one undo step
    expect(await proposeReextraction(articleId, fresh())).toEqual([]);
    expect((await readUndoState()).undo?.label).toBe('Accept 2 re-extraction proposals');
    await undo();
    expect((await db.claims.get(victims.id))?.speakerId).toBe(
      before.find((c) => c.id === victims.id)?.speakerId,
    );
    expect((await db.claims.get(result.created[0]!))?.deletedAt).not.toBeNull();
  });

  test('a proposal made stale by an edit meanwhile is skipped, not forced', async () => {
    const { articleId, victims, jay } = await setUp();
    const proposals = await proposeReextraction(articleId, fresh());
    await setClaimSpeaker(victims.id, jay.id); // a person got there first
    const result = await acceptProposals(articleId, fresh(), [`speaker:${victims.id}`]);
    expect(result).toEqual({ batchId: null, created: [], reassigned: [], stale: [`speaker:${victims.id}`] });
    expect((await db.claims.get(victims.id))?.speakerId).toBe(jay.id);
    expect(proposals).toHaveLength(2);
  });
});
