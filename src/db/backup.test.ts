import { beforeEach, describe, expect, test } from 'vitest';
import { BackupError } from '@/core/export/backup-error';
import type { ClaimId } from '@/core/model/types';
import { resetDb } from '@/test/db';
import { buildFullLibrary, dumpTables } from '@/test/full-library';
import { exportBackup } from './backup-export';
import {
  describeLoss,
  interruptedRestore,
  previewRestore,
  restoreBackup,
  restoreChecked,
} from './backup-restore';
import { type BackupSource, backupSourceOfBlob, backupSourceOfText } from './backup-source';
import { setClaimVerdict, updateClaim } from './claims';
import { db } from './db';
import { computeDerived } from './derived/rebuild';
import { countHistory, historyOfRow } from './history-read';
import { readUndoState, undo } from './undo';

beforeEach(resetDb);

async function backupOfLibrary(pageSize = 3) {
  const progress: number[] = [];
  const blob = await exportBackup({ pageSize, onProgress: (p) => progress.push(p.done) });
  return { blob, text: await blob.text(), progress };
}

describe('backup and restore', () => {
  test('round trip: every table of a library with every kind of row and edit comes back equal', async () => {
    await buildFullLibrary();
    const before = await dumpTables();
    for (const t of ['articles', 'speakers', 'sources', 'claims', 'evidence', 'questions', 'history', 'meta'])
      expect(before[t]!.length, t).toBeGreaterThan(0);
    const { blob, progress } = await backupOfLibrary();
    expect(progress.length).toBeGreaterThan(5);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    await resetDb();
    const steps: string[] = [];
    const result = await restoreBackup(backupSourceOfBlob(blob), 'merge', {
      chunkSize: 4,
      onProgress: (p) => steps.push(p.phase),
    });
    expect(steps).toContain('checking');
    expect(steps).toContain('writing');
    expect(result.conflicts).toEqual([]);
    expect(await dumpTables()).toEqual(before);
  });

  test('replace into a fresh library gives the same rows too, and says what it deletes first', async () => {
    await buildFullLibrary();
    const before = await dumpTables();
    const { text } = await backupOfLibrary(100);
    await resetDb();
    await buildFullLibrary(); // the same texts: the same article ids (content-derived since v5), other ids elsewhere
    const preview = await previewRestore(backupSourceOfText(text), 'replace');
    expect(preview.lost.claims).toBeGreaterThan(0);
    // speakers added by hand have content-derived ids too (issue 13): the second build's match the backup's
    expect(describeLoss(preview)).toMatch(/^Replace deletes what the backup does not hold: \d+ sources/);
    await restoreBackup(backupSourceOfText(text), 'replace', { chunkSize: 5 });
    expect(await dumpTables()).toEqual(before);
    expect(await interruptedRestore()).toBeNull();
  });

  test('the screen path (preview, then restore what it checked) reads the file twice: a check, then the writes', async () => {
    await buildFullLibrary();
    const before = await dumpTables();
    const { text } = await backupOfLibrary(100);
    await resetDb();
    let reads = 0;
    const inner = backupSourceOfText(text);
    const counted: BackupSource = {
      lines: () => {
        reads++;
        return inner.lines();
      },
      wholeText: inner.wholeText,
    };
    const preview = await previewRestore(counted, 'merge', { chunkSize: 4 });
    expect(reads).toBe(1);
    const phases = new Set<string>();
    const result = await restoreChecked(preview, { onProgress: (p) => phases.add(p.phase) });
    expect(reads).toBe(2);
    expect([...phases]).toEqual(['writing']);
    expect(result.conflicts).toEqual([]);
    expect(await dumpTables()).toEqual(before);
    expect(await interruptedRestore()).toBeNull();
  });

  test('a file that changed between the preview and the restore is refused before the first write', async () => {
    await buildFullLibrary();
    const { text } = await backupOfLibrary(100);
    await resetDb();
    const empty = await dumpTables();
    let current = text;
    const changing: BackupSource = {
      lines: () => backupSourceOfText(current).lines(),
      wholeText: async () => current,
    };
    const preview = await previewRestore(changing, 'replace');
    const other = await backupOfLibrary(100); // another export: another exportedAt
    expect(other.text).not.toBe(text);
    current = other.text.replace(/"exportedAt":"[^"]+"/, '"exportedAt":"2020-01-01T00:00:00.000Z"');
    await expect(restoreChecked(preview)).rejects.toThrow(/changed after it was checked/);
    expect(await dumpTables()).toEqual(empty);
    expect(await interruptedRestore()).toBeNull();
  });

  test('restoreChecked refuses anything but a preview previewRestore made', async () => {
    await buildFullLibrary();
    const { text } = await backupOfLibrary(100);
    const preview = await previewRestore(backupSourceOfText(text), 'merge');
    await expect(restoreChecked({ ...preview })).rejects.toThrow(/previewRestore/);
  });

  test('derived tables are not in the backup, and are right after a replace or a merge restore', async () => {
    const derivedMatchRows = async () => {
      const [claims, evidence, speakers] = await Promise.all([
        db.claims.toArray(),
        db.evidence.toArray(),
        db.speakers.toArray(),
      ]);
      const derived = computeDerived(claims, evidence, speakers);
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
      expect(await db.summaries.orderBy('id').toArray()).toEqual([...derived.summaries].sort(byId));
      expect(await db.claimFacets.orderBy('id').toArray()).toEqual([...derived.facets].sort(byId));
    };
    await buildFullLibrary();
    await derivedMatchRows();
    const { text } = await backupOfLibrary(100);
    for (const name of ['claimFacets', 'summaries', 'searchIndex']) expect(text).not.toContain(`"${name}"`);
    await resetDb();
    await buildFullLibrary(); // other ids, same texts
    await restoreBackup(backupSourceOfText(text), 'replace', { chunkSize: 5 });
    expect(await db.summaries.count()).toBeGreaterThan(0);
    await derivedMatchRows();
    await resetDb();
    await buildFullLibrary();
    await restoreBackup(backupSourceOfText(text), 'merge', { chunkSize: 5 });
    await derivedMatchRows();
  });

  test('merge: a field both sides changed takes the newer, every conflict is listed and kept in history', async () => {
    await buildFullLibrary();
    const [c1, c2] = (await db.claims.orderBy('id').limit(2).toArray()).map((c) => c.id) as [
      ClaimId,
      ClaimId,
    ];
    const { text } = await backupOfLibrary(100);
    // after the backup: c1's verdict changes here (library newer), c2's notes here and later on
    // the laptop (backup newer)
    await setClaimVerdict(c1, 'unverifiable');
    await updateClaim(c2, { notes: 'Edited here' });
    const edited = JSON.parse(text);
    // c1's verdict was also changed on the laptop, before the library's change: the library's wins
    const older = edited.tables.claims.find((c: { id: string }) => c.id === c1);
    older.verdict = older.verdict === 'true' ? 'false' : 'true';
    const row = edited.tables.claims.find((c: { id: string }) => c.id === c2);
    row.notes = 'Edited on the laptop';
    row.updatedAt = Date.now() + 60_000;
    const source = backupSourceOfText(JSON.stringify(edited));
    const preview = await previewRestore(source, 'merge');
    expect(preview.summary.claims).toMatchObject({ add: 0, change: 1, keep: 1 });
    expect(preview.conflicts.map((c) => [c.id, c.winner])).toEqual(
      expect.arrayContaining([
        [c1, 'library'],
        [c2, 'backup'],
      ]),
    );
    const historyBefore = await countHistory();
    const result = await restoreBackup(source, 'merge');
    expect((await db.claims.get(c1))!.verdict).toBe('unverifiable');
    expect((await db.claims.get(c2))!.notes).toBe('Edited on the laptop');
    expect(result.batchId).not.toBeNull();
    const kept = (await historyOfRow('claims', c2)).at(-1)!;
    expect(kept).toMatchObject({
      batchId: result.batchId,
      from: { notes: expect.any(String) },
      to: { notes: 'Edited on the laptop' },
    });
    const lost = (await historyOfRow('claims', c1)).at(-1)!;
    expect(lost).toMatchObject({ batchId: result.batchId, to: { verdict: 'unverifiable' } });
    expect(lost.from).toHaveProperty('verdict');
    expect(await countHistory()).toBe(
      historyBefore + result.conflicts.filter((c) => c.table !== 'meta').length,
    );
    // undo offers the merge's own batch, not the edits made here before it (the restore's floor)
    const undoState = await readUndoState();
    expect(undoState.undo?.batchId).toBe(result.batchId);
    expect(undoState.undoDepth).toBe(1);
  });

  test('merge of the same articles imported on another device: one article each, claims follow', async () => {
    await buildFullLibrary();
    const { text } = await backupOfLibrary(100);
    await resetDb();
    await buildFullLibrary();
    const articles = await db.articles.count();
    await restoreBackup(backupSourceOfText(text), 'merge');
    expect(await db.articles.count()).toBe(articles);
    const orphans = (await db.claims.toArray()).filter((c) => c.articleId && !c.articleId.length);
    expect(orphans).toEqual([]);
    const ids = new Set((await db.articles.toArray()).map((a) => a.id));
    expect((await db.claims.toArray()).every((c) => ids.has(c.articleId))).toBe(true);
  });

  test('bad backups change nothing: truncated, colliding ids, not a backup', async () => {
    await buildFullLibrary();
    const { text } = await backupOfLibrary(100);
    const before = await dumpTables();
    const collide = JSON.parse(text);
    const claimId = collide.tables.claims[0].id;
    await updateClaim(claimId, { notes: 'x' });
    const snapshot = await dumpTables();
    // the same claim id pointing at another article of the backup
    const otherArticle = collide.tables.articles.find(
      (a: { id: string }) => a.id !== collide.tables.claims[0].articleId,
    );
    collide.tables.claims[0].articleId = otherArticle.id;
    collide.tables.claims[0].start = 0;
    collide.tables.claims[0].end = 5;
    collide.tables.claims[0].text = otherArticle.text.slice(0, 5); // (the words must be the article's)
    for (const [bad, message] of [
      [text.slice(0, Math.floor(text.length * 0.7)), /cut short|damaged/],
      [JSON.stringify(collide), /same id as a different row in your library/],
      ['{"hello":"world"}', /not a Claimdesk backup/],
    ] as const) {
      for (const mode of ['merge', 'replace'] as const) {
        if (mode === 'replace' && bad === JSON.stringify(collide)) continue;
        const e = await restoreBackup(backupSourceOfText(bad), mode).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(BackupError);
        expect((e as Error).message).toMatch(message);
        expect(await dumpTables()).toEqual(snapshot);
      }
    }
    expect(before.claims).toBeDefined();
    // replace does not merge: the backup's claim simply takes the place of the library's
    await restoreBackup(backupSourceOfText(JSON.stringify(collide)), 'replace');
    expect((await db.claims.get(claimId))!.articleId).toBe(otherArticle.id);
  });
});

describe('undo after a restore', () => {
  test("the backup's history is not offered as this person's last change; what is done after the restore is", async () => {
    await buildFullLibrary();
    const { text } = await backupOfLibrary(100);
    for (const mode of ['merge', 'replace'] as const) {
      await resetDb();
      expect((await readUndoState()).undo, mode).toBeNull();
      await restoreBackup(backupSourceOfText(text), mode);
      // the backup holds batches (imports, edits): none of them is this library's to undo
      expect((await countHistory()) > 0, mode).toBe(true);
      expect((await readUndoState()).undo, mode).toBeNull();
      expect(await undo(), mode).toBeNull();
      const claim = (await db.claims.filter((c) => c.deletedAt === null).first())!;
      await setClaimVerdict(claim.id, claim.verdict === 'false' ? 'true' : 'false');
      const state = await readUndoState();
      expect(state.undo?.label, mode).toMatch(/verdict/i);
      expect(state.undoDepth, mode).toBe(1);
    }
  });
});
