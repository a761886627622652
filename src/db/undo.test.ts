import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { ClaimId, HistoryEntry, HistoryId, SpeakerId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, extractionOf, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import {
  addManualClaim,
  addTagToClaims,
  removeTagFromClaims,
  setClaimsVerdict,
  setClaimVerdict,
  softDeleteClaims,
  updateClaim,
} from './claims';
import { db } from './db';
import { attachSource, removeEvidence } from './evidence';
import { newBatchId } from './history';
import { historyOfBatch, historyOfRow } from './history-read';
import { newId } from './ids';
import { softDeleteSource } from './sources';
import { mergeSpeakers } from './speakers';
import { readUndoState, redo, undo } from './undo';

beforeEach(resetDb);

async function articleA() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claims = await db.claims.where('articleId').equals(articleId).sortBy('start');
  return { articleId, claims, claim: claims[0]! };
}

const claimNow = async (id: ClaimId) => (await db.claims.get(id))!;

describe('undo and redo', () => {
  test('walk back and forward with labels; a new change clears redo', async () => {
    const { claim } = await articleA();
    await setClaimVerdict(claim.id, 'false');
    await addTagToClaims([claim.id], 'crime');
    expect((await readUndoState()).undo?.label).toBe('Tag 1 claim');

    const first = await undo();
    expect(first).toMatchObject({ kind: 'undo', label: 'Tag 1 claim', applied: 1, skipped: [] });
    expect(first!.message).toBe('Undid: Tag 1 claim.');
    expect((await claimNow(claim.id)).tags).toEqual([]);
    let state = await readUndoState();
    expect(state.undo?.label).toBe('Set verdict on 1 claim');
    expect(state.redo?.label).toBe('Tag 1 claim');

    await undo();
    expect((await claimNow(claim.id)).verdict).toBe('unchecked');
    await redo();
    expect((await claimNow(claim.id)).verdict).toBe('false');
    state = await readUndoState();
    expect(state).toMatchObject({ undo: { label: 'Set verdict on 1 claim' }, redoDepth: 1 });

    await updateClaim(claim.id, { notes: 'new work' });
    state = await readUndoState();
    expect(state.redo).toBeNull();
    expect(await redo()).toBeNull();
  });

  test('the audit trail keeps the change and its undo (nothing rewritten)', async () => {
    const { claim } = await articleA();
    const saved = await setClaimVerdict(claim.id, 'false');
    const undone = await undo();
    const history = await historyOfRow('claims', saved.id);
    expect(history.map((h) => [h.batchKind, h.from, h.to])).toEqual([
      ['change', { verdict: 'unchecked' }, { verdict: 'false' }],
      ['undo', { verdict: 'false' }, { verdict: 'unchecked' }],
    ]);
    expect(history[1]!.target).toBe(history[0]!.batchId);
    expect(history[1]!.batchId).toBe(undone!.batchId);
    expect(history.every((h) => h.undoneAt === null)).toBe(true);
  });

  test('survives a reopened database (a reload)', async () => {
    const { claims } = await articleA();
    await setClaimsVerdict(
      claims.map((c) => c.id),
      'true',
    );
    await addTagToClaims([claims[0]!.id], 'police');
    await undo();
    db.close();
    await db.open();
    const state = await readUndoState();
    expect(state.undo?.label).toBe('Set verdict on 3 claims');
    expect(state.redo?.label).toBe('Tag 1 claim');
    await redo();
    expect((await claimNow(claims[0]!.id)).tags).toEqual(['police']);
    await undo();
    await undo();
    expect((await db.claims.bulkGet(claims.map((c) => c.id))).map((c) => c!.verdict)).toEqual([
      'unchecked',
      'unchecked',
      'unchecked',
    ]);
    expect(await undo()).toMatchObject({ label: 'Import “Police chief pledges more officers”' });
    expect(await db.claims.filter((c) => c.deletedAt === null).count()).toBe(0);
    expect(await db.claims.count()).toBe(3); // tombstones, not removals
    await redo();
    expect(await db.claims.filter((c) => c.deletedAt === null).count()).toBe(3);
  });

  test('a bulk tag on 50 claims is undone in one step', async () => {
    const sentences = Array.from({ length: 50 }, (_, i) => `Claim number ${i + 1} is here.`);
    const text = `Fifty claims\n\n${sentences.map((s) => `She said: "${s}"`).join('\n')}`;
    const extraction = extractionOf(
      text,
      [{ id: 's', name: 'Jane Doe' }],
      sentences.map((quote) => ({ quote, speaker: 's' })),
    );
    const { articleId } = await saveImportedArticle({ text }, extraction);
    const ids = (await db.claims.where('articleId').equals(articleId).primaryKeys()) as ClaimId[];
    expect(ids).toHaveLength(50);
    const batchId = await addTagToClaims(ids, '  child   safety ');
    expect(await historyOfBatch(batchId)).toHaveLength(50);
    expect((await readUndoState()).undo?.label).toBe('Tag 50 claims');

    const result = await undo();
    expect(result).toMatchObject({ applied: 50, skipped: [], label: 'Tag 50 claims' });
    expect((await db.claims.bulkGet(ids)).every((c) => c!.tags.length === 0)).toBe(true);
    await redo();
    expect((await db.claims.bulkGet(ids)).every((c) => c!.tags[0] === 'child safety')).toBe(true);
    await removeTagFromClaims(ids.slice(0, 10), 'CHILD SAFETY');
    expect((await readUndoState()).undo?.label).toBe('Untag 10 claims');
    await softDeleteClaims(ids);
    expect((await readUndoState()).undo?.label).toBe('Delete 50 claims');
    await undo();
    expect(
      await db.claims
        .where('articleId')
        .equals(articleId)
        .filter((c) => c.deletedAt === null)
        .count(),
    ).toBe(50);
  }, 30_000);

  test('undo after a later conflicting edit keeps the later value and says so', async () => {
    const { claim } = await articleA();
    const first = await setClaimVerdict(claim.id, 'false', { expectedUpdatedAt: claim.updatedAt });
    await updateClaim(claim.id, { notes: 'later', verdict: 'true' }); // a later edit, e.g. in another tab
    const result = await undo({ batchId: first.batchId }); // the earlier change, from the history panel
    expect(result?.applied).toBe(0);
    expect(result?.skipped).toEqual([
      {
        table: 'claims',
        rowId: claim.id,
        fields: ['verdict'],
        reason: 'Changed again since (verdict); the later change was kept.',
      },
    ]);
    expect(result?.message).toMatch(/1 item was left as changed since/);
    expect(await claimNow(claim.id)).toMatchObject({ verdict: 'true', notes: 'later' });
    // the earlier change is off the undo stack; the later one is still on top
    const state = await readUndoState();
    expect(state.undo?.label).toBe('Edit 1 claim');
    await expect(undo({ batchId: first.batchId })).rejects.toThrow(/already undone/);
  });

  test('a span edited since is left whole, not half reverted', async () => {
    const { claim } = await articleA();
    const spanBatch = await updateClaim(
      claim.id,
      { start: claim.start + 3 },
      { expectedUpdatedAt: claim.updatedAt },
    );
    await updateClaim(claim.id, { end: claim.end - 1 });
    const result = await undo({ batchId: spanBatch.batchId });
    expect(result?.skipped[0]?.fields).toEqual(expect.arrayContaining(['start', 'text', 'quote']));
    const now = await claimNow(claim.id);
    expect(ARTICLE_A.slice(now.start, now.end)).toBe(now.text);
  });

  test('a manual claim: undo tombstones it, redo brings it back', async () => {
    const { articleId } = await articleA();
    const manual = await addManualClaim({ articleId, start: 0, end: 12 });
    expect((await readUndoState()).undo?.label).toBe('Add 1 claim');
    await undo();
    expect((await claimNow(manual.id)).deletedAt).not.toBeNull();
    await redo();
    expect((await claimNow(manual.id)).deletedAt).toBeNull();
  });

  test('undo past a deleted source brings the source back with its link, and says so', async () => {
    const { claim, claims } = await articleA();
    const { evidence, source } = await attachSource(claim.id, {
      url: 'https://example.org/stats',
      title: 'Police workforce',
    });
    const unlink = await removeEvidence(evidence.id);
    await softDeleteSource(source.id);
    const unlinkBatch = (await historyOfRow('evidence', unlink.id)).at(-1)!.batchId;
    const result = await undo({ batchId: unlinkBatch });
    expect(result?.notes).toEqual([
      'The source “Police workforce” was in the trash; it is back, with its link.',
    ]);
    expect((await db.evidence.get(evidence.id))?.deletedAt).toBeNull();
    expect((await db.sources.get(source.id))?.deletedAt).toBeNull();

    // undoing the attach while another claim links the same source keeps the source
    await attachSource(claims[1]!.id, source.id);
    const attachBatch = (await historyOfRow('evidence', evidence.id))[0]!.batchId;
    const undone = await undo({ batchId: attachBatch });
    expect(undone?.skipped.map((s) => s.reason)).toEqual([
      'Kept the source “Police workforce”: another claim links to it.',
    ]);
    expect((await db.sources.get(source.id))?.deletedAt).toBeNull();
    expect((await db.evidence.get(evidence.id))?.deletedAt).not.toBeNull();
  });

  test('a speaker merge is undone in one step: claims go back, the merged speaker returns', async () => {
    await saveImportedArticle({ text: ARTICLE_A }, extractionA());
    await saveImportedArticle({ text: ARTICLE_B }, extractionB());
    const cartlidge = (await db.speakers.where('key').equals('james cartlidge').first())!;
    const billings = (await db.speakers.where('key').equals('alan billings').first())!;
    const jayClaim = (await db.claims.where('speakerId').equals(cartlidge.id).first())!;
    await mergeSpeakers(billings.id, [cartlidge.id as SpeakerId]);
    expect((await readUndoState()).undo?.label).toBe('Merge speakers');
    await undo();
    expect((await claimNow(jayClaim.id)).speakerId).toBe(cartlidge.id);
    expect((await db.speakers.get(cartlidge.id))?.deletedAt).toBeNull();
    expect((await db.speakers.get(billings.id))?.aliases).toEqual(billings.aliases);
  });

  test('nothing to undo: null', async () => {
    expect(await undo()).toBeNull();
    expect(await readUndoState()).toEqual({ undo: null, redo: null, undoDepth: 0, redoDepth: 0 });
  });
});

describe('two tabs editing the same claim', () => {
  test('the later write wins, reports what it replaced, and history shows both', async () => {
    const { claim } = await articleA();
    // both tabs show the claim as of claim.updatedAt
    const tabA = await setClaimVerdict(claim.id, 'false', { expectedUpdatedAt: claim.updatedAt });
    expect(tabA.conflict).toBeNull();
    const tabB = await setClaimVerdict(claim.id, 'true', { expectedUpdatedAt: claim.updatedAt });
    expect(tabB.claim.verdict).toBe('true');
    expect(tabB.conflict).toEqual({
      previous: { verdict: 'false' },
      at: tabA.claim.updatedAt,
      changedFields: ['verdict'],
    });
    const history = await historyOfRow('claims', claim.id);
    expect(history.map((h) => h.to)).toEqual([{ verdict: 'false' }, { verdict: 'true' }]);
    // "your change replaced it — Undo": the other tab's value comes back
    await undo({ batchId: tabB.batchId });
    expect((await claimNow(claim.id)).verdict).toBe('false');
  });

  test('edits in the same millisecond still move updatedAt on', async () => {
    const { claim } = await articleA();
    const a = await updateClaim(claim.id, { notes: 'a' });
    const b = await updateClaim(claim.id, { notes: 'b' });
    expect(b.updatedAt).toBeGreaterThan(a.updatedAt);
  });
});

describe('the latest batches, from their heads (schema version 11)', () => {
  /** `n` change batches of `size` verdict entries each, oldest first, written straight into history. */
  async function batches(n: number, size: number): Promise<string[]> {
    const ids: string[] = [];
    for (let b = 0; b < n; b++) {
      const batchId = newBatchId();
      ids.push(batchId);
      const entries: HistoryEntry[] = Array.from({ length: size }, (_, e) => ({
        id: newId<HistoryId>(),
        table: 'claims',
        rowId: `c-${b}-${e}`,
        batchId,
        action: 'update',
        from: { verdict: 'unchecked' },
        to: { verdict: 'false' },
        at: 1_000 + b,
        undoneAt: null,
        batchKind: 'change',
        target: null,
      }));
      // half the batches written in two requests, as an edit that records its history in steps
      if (b % 2) {
        await db.history.bulkAdd(entries.slice(0, 2));
        await db.history.bulkAdd(entries.slice(2));
      } else await db.history.bulkAdd(entries);
    }
    return ids;
  }

  /** Requests asked of history's indexes while `read` runs (a cursor's steps are not requests). */
  async function historyRequests(read: () => Promise<unknown>): Promise<number> {
    const spies = (['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'] as const).map(
      (op) => vi.spyOn(IDBIndex.prototype, op),
    );
    try {
      await read();
      return spies
        .flatMap((spy) => spy.mock.contexts as IDBIndex[])
        .filter((index) => index.objectStore.name === 'history').length;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  }

  test('every batch has one head per write; the window is the latest 200 batches, however many entries each', async () => {
    const ids = await batches(210, 6);
    expect(new Set(await db.history.orderBy('hd').keys())).toEqual(new Set(ids));
    expect(await db.history.where('hd').anyOf(ids.slice(0, 2)).count()).toBe(3);
    const state = await readUndoState();
    expect(state.undoDepth).toBe(200);
    expect(state.undo?.batchId).toBe(ids.at(-1));
    expect(state.undo?.at).toBe(1_000 + 209);
  });

  test('the Undo button finds the latest batches in one walk of their heads, not a request per batch', async () => {
    await batches(80, 12);
    // the walk, and the undo step's label (its batch's entries): 201 requests before version 11
    expect(await historyRequests(readUndoState)).toBeLessThanOrEqual(3);
    const { claims } = await articleA();
    await setClaimsVerdict(
      claims.slice(0, 3).map((c) => c.id),
      'false',
    );
    const undone = await undo();
    expect(undone).toMatchObject({ kind: 'undo', applied: 3 });
    expect((await readUndoState()).redo?.batchId).toBe(undone!.target);
  });
});
