import { describe, expect, test } from 'vitest';
import { article, claim, history, MAYOR } from '@/test/export-rows';
import { BackupError } from './backup-error';
import { addToSummary, emptySummary, newMergeContext, planMergeChunk, type Row } from './merge';

const byId = (rows: readonly Row[]) => new Map(rows.map((r) => [String(r.id ?? r.key), r]));

describe('merge planning', () => {
  test('new rows are added, equal rows left alone', () => {
    const a = claim(MAYOR);
    const b = claim(MAYOR, { id: 'cl-new' as never });
    const plan = planMergeChunk('claims', [a, b], { byId: byId([a]) }, newMergeContext());
    expect(plan.add).toEqual([b]);
    expect(plan.change).toEqual([]);
    expect(plan.unchanged).toBe(1);
    expect(plan.conflicts).toEqual([]);
  });

  test('the newer updatedAt wins, and every conflict is listed with what each side had', () => {
    const lib = claim(MAYOR, { verdict: 'true', updatedAt: 10 });
    const newer = claim(MAYOR, { verdict: 'false', notes: 'x', updatedAt: 20 });
    const older = claim(MAYOR, { verdict: 'half true', updatedAt: 5 });
    const win = planMergeChunk('claims', [newer], { byId: byId([lib]) }, newMergeContext());
    expect(win.change).toEqual([newer]);
    expect(win.conflicts).toEqual([
      {
        table: 'claims',
        id: lib.id,
        label: lib.text,
        winner: 'backup',
        fields: ['notes', 'verdict'],
        backupUpdatedAt: 20,
        libraryUpdatedAt: 10,
        lost: { notes: lib.notes, verdict: 'true' },
        kept: { notes: 'x', verdict: 'false' },
      },
    ]);
    const lose = planMergeChunk('claims', [older], { byId: byId([lib]) }, newMergeContext());
    expect(lose.change).toEqual([]);
    expect(lose.conflicts[0]).toMatchObject({
      winner: 'library',
      lost: { verdict: 'half true' },
      kept: { verdict: 'true' },
    });
    const summary = emptySummary(['claims']);
    addToSummary(summary, win);
    addToSummary(summary, lose);
    expect(summary.claims).toEqual({ add: 0, change: 1, unchanged: 0, keep: 1 });
  });

  test('equal updatedAt with different contents: the library keeps its row, the conflict is listed', () => {
    const lib = claim(MAYOR, { verdict: 'true' });
    const plan = planMergeChunk('claims', [claim(MAYOR)], { byId: byId([lib]) }, newMergeContext());
    expect(plan.change).toEqual([]);
    expect(plan.conflicts[0]?.winner).toBe('library');
  });

  test('an article with the same text under another id is the same article: its claims follow it', () => {
    const lib = article({ id: 'mine' as never });
    const ctx = newMergeContext();
    const a = planMergeChunk(
      'articles',
      [article()],
      { byId: new Map(), bySha: new Map([[lib.sha256, lib]]) },
      ctx,
    );
    expect(a.add).toEqual([]);
    expect(a.unchanged).toBe(1);
    expect(ctx.articleIdMap.get('art-1')).toBe('mine');
    const c = planMergeChunk('claims', [claim(MAYOR)], { byId: new Map() }, ctx);
    expect(c.add[0]).toMatchObject({ articleId: 'mine' });
    const h = planMergeChunk(
      'history',
      [history({ table: 'articles', rowId: 'art-1' })],
      { byId: new Map() },
      ctx,
    );
    expect(h.add[0]).toMatchObject({ rowId: 'mine' });
  });

  test('an id that belongs to a different row in the library is refused', () => {
    const other = article({ sha256: 'b'.repeat(64) });
    expect(() => planMergeChunk('articles', [article()], { byId: byId([other]) }, newMergeContext())).toThrow(
      BackupError,
    );
    const elsewhere = claim(MAYOR, { articleId: 'art-9' as never });
    expect(() =>
      planMergeChunk('claims', [claim(MAYOR)], { byId: byId([elsewhere]) }, newMergeContext()),
    ).toThrow(/same id as a different row in your library \(articleId differs\)/);
    const h = history();
    expect(() =>
      planMergeChunk(
        'history',
        [history({ to: { verdict: 'true' } })],
        { byId: byId([h]) },
        newMergeContext(),
      ),
    ).toThrow(/same id as a different row/);
  });

  test('meta rows: missing keys are added; a different value keeps the library’s and is listed', () => {
    const plan = planMergeChunk(
      'meta',
      [
        { key: 'a', value: 1 },
        { key: 'b', value: 2 },
      ],
      { byId: new Map([['b', { key: 'b', value: 3 }]]) },
      newMergeContext(),
    );
    expect(plan.add).toEqual([{ key: 'a', value: 1 }]);
    expect(plan.conflicts[0]).toMatchObject({ table: 'meta', id: 'b', label: 'b', winner: 'library' });
  });

  test('replace: the backup row overwrites whatever the library has under its id', () => {
    const other = claim(MAYOR, { articleId: 'art-9' as never });
    const plan = planMergeChunk('claims', [claim(MAYOR)], { byId: byId([other]) }, newMergeContext(), {
      replace: true,
    });
    expect(plan.change).toEqual([claim(MAYOR)]);
    expect(plan.conflicts).toEqual([]);
  });

  describe('a row both sides hold: what a person did on either side is kept', () => {
    // the first-run article seeded in two profiles: the same ids, each made at its own time
    const made = (at: number, over: Partial<Parameters<typeof claim>[1]> = {}) =>
      claim(MAYOR, {
        verdict: 'unchecked',
        ratingNote: '',
        tags: [],
        notes: '',
        createdAt: at,
        updatedAt: at,
        ...over,
      });

    test('a reviewed backup row wins over the library’s newer row no person touched (a fresh seed)', () => {
      const reviewed = made(100, {
        verdict: 'false',
        notes: 'Asked the council.',
        tags: ['budget'],
        updatedAt: 150,
      });
      const fresh = made(900);
      const plan = planMergeChunk('claims', [reviewed], { byId: byId([fresh]) }, newMergeContext());
      expect(plan.conflicts).toEqual([]);
      expect(plan.change).toEqual([{ ...reviewed, updatedAt: 900 }]);
    });

    test('a backup row no person touched leaves the library’s reviewed row alone', () => {
      const reviewed = made(100, { verdict: 'false', updatedAt: 150 });
      const plan = planMergeChunk('claims', [made(900)], { byId: byId([reviewed]) }, newMergeContext());
      expect(plan).toMatchObject({ change: [], conflicts: [], unchanged: 1 });
    });

    test('two rows the app made at different times: the library’s stays, no conflict', () => {
      const claims = planMergeChunk('claims', [made(100)], { byId: byId([made(900)]) }, newMergeContext());
      expect(claims).toMatchObject({ change: [], conflicts: [], unchanged: 1 });
      const seeded = article({ importedAt: 900, updatedAt: 900 });
      const arts = planMergeChunk('articles', [article()], { byId: byId([seeded]) }, newMergeContext());
      expect(arts).toMatchObject({ change: [], conflicts: [], unchanged: 1 });
    });

    test('each side changed other fields: both edits are kept, tags joined, the earlier making time', () => {
      const backup = made(100, { verdict: 'false', tags: ['budget'], updatedAt: 150 });
      const library = made(900, { notes: 'Called the mayor.', tags: ['transport'], updatedAt: 950 });
      const plan = planMergeChunk('claims', [backup], { byId: byId([library]) }, newMergeContext());
      expect(plan.conflicts).toEqual([]);
      expect(plan.change).toEqual([
        {
          ...library,
          verdict: 'false',
          notes: 'Called the mayor.',
          tags: ['budget', 'transport'],
          createdAt: 100,
          updatedAt: 950,
        },
      ]);
    });

    test('both changed one field: the newer edit wins, the other is the conflict kept in history', () => {
      const backup = made(100, { verdict: 'false', notes: 'Asked the council.', updatedAt: 1000 });
      const library = made(900, { verdict: 'true', updatedAt: 950 });
      const plan = planMergeChunk('claims', [backup], { byId: byId([library]) }, newMergeContext());
      expect(plan.change).toEqual([
        { ...library, verdict: 'false', notes: 'Asked the council.', createdAt: 100, updatedAt: 1000 },
      ]);
      expect(plan.conflicts).toEqual([
        {
          table: 'claims',
          id: library.id,
          label: library.text,
          winner: 'backup',
          fields: ['verdict'],
          backupUpdatedAt: 1000,
          libraryUpdatedAt: 950,
          lost: { verdict: 'true' },
          kept: { verdict: 'false' },
        },
      ]);
    });
  });
});
