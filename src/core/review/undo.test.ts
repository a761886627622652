import { describe, expect, test } from 'vitest';
import {
  type BatchRecord,
  describeBatch,
  invertChange,
  lastChangeIn,
  planFieldChange,
  undoState,
} from './undo';

const change = (id: string): BatchRecord => ({ batchId: id, kind: 'change', target: null });
const undo = (id: string, target: string): BatchRecord => ({ batchId: id, kind: 'undo', target });
const redo = (id: string, target: string): BatchRecord => ({ batchId: id, kind: 'redo', target });

describe('undoState', () => {
  test('empty history: nothing to undo or redo', () => {
    expect(undoState([])).toEqual({
      undo: null,
      redo: null,
      undoDepth: 0,
      redoDepth: 0,
      undoStack: [],
      redoStack: [],
    });
  });

  test('undo walks back, redo walks forward', () => {
    const log = [change('a'), change('b')];
    expect(undoState(log).undo).toBe('b');
    log.push(undo('u1', 'b'));
    expect(undoState(log)).toMatchObject({ undo: 'a', redo: 'b' });
    log.push(undo('u2', 'a'));
    expect(undoState(log)).toMatchObject({ undo: null, redo: 'a', redoDepth: 2 });
    log.push(redo('r1', 'a'));
    expect(undoState(log)).toMatchObject({ undo: 'a', redo: 'b' });
  });

  test('a new change clears the redo stack', () => {
    expect(undoState([change('a'), undo('u', 'a'), change('b')])).toMatchObject({ undo: 'b', redo: null });
  });

  test('an undo of a batch further down (selective, or a stale tab) takes it out where it is', () => {
    expect(undoState([change('a'), change('b'), undo('u', 'a')])).toMatchObject({
      undo: 'b',
      redo: 'a',
      undoStack: ['b'],
    });
  });
  test('an undo or redo of something not on its stack changes nothing', () => {
    const log = [change('a'), undo('u1', 'a'), undo('u2', 'a'), redo('r1', 'zzz')];
    expect(undoState(log)).toMatchObject({ undo: null, redo: 'a', undoDepth: 0, redoDepth: 1 });
  });
});

describe('invertChange', () => {
  test('inverting swaps from/to and turns create into delete', () => {
    expect(
      invertChange({ action: 'update', from: { verdict: 'unchecked' }, to: { verdict: 'false' } }),
    ).toEqual({
      action: 'update',
      from: { verdict: 'false' },
      to: { verdict: 'unchecked' },
    });
    expect(invertChange({ action: 'create', from: null, to: { id: 'x' } }).action).toBe('delete');
    expect(invertChange({ action: 'delete', from: null, to: null }).action).toBe('restore');
  });
});

describe('planFieldChange', () => {
  test('applies fields still holding `from`, keeps later values, leaves fields already at `to`', () => {
    const current = { verdict: 'true', tags: ['a'], notes: 'x' };
    const plan = planFieldChange(
      current,
      { verdict: 'false', tags: ['a', 'b'], notes: 'x' },
      { verdict: 'unchecked', tags: ['a'], notes: 'y' },
    );
    expect(plan).toEqual({ patch: { notes: 'y' }, skipped: ['verdict'] });
  });
  test('a span goes back all or nothing', () => {
    const plan = planFieldChange(
      { start: 5, end: 20, text: 'b', quote: 'q2' },
      { start: 5, end: 10, text: 'a', quote: 'q1' },
      { start: 0, end: 10, text: 'z', quote: 'q0' },
      [['start', 'end', 'text', 'quote']],
    );
    expect(plan.patch).toBeNull();
    expect([...plan.skipped].sort()).toEqual(['end', 'quote', 'start', 'text']);
  });
});

describe('describeBatch', () => {
  const upd = (rowId: string, from: Record<string, unknown>, to: Record<string, unknown>) =>
    ({ table: 'claims', rowId, action: 'update', from, to }) as const;
  test('labels say what and how many', () => {
    expect(describeBatch([upd('c1', { verdict: 'unchecked' }, { verdict: 'false' })])).toBe(
      'Set verdict on 1 claim',
    );
    const tagged = Array.from({ length: 50 }, (_, i) => upd(`c${i}`, { tags: [] }, { tags: ['x'] }));
    expect(describeBatch(tagged)).toBe('Tag 50 claims');
    expect(describeBatch([upd('c1', { tags: ['x', 'y'] }, { tags: ['x'] })])).toBe('Untag 1 claim');
    expect(describeBatch([upd('c1', { speakerId: 's1' }, { speakerId: 's2' })])).toBe('Reassign 1 claim');
    expect(
      describeBatch([
        { table: 'sources', rowId: 's', action: 'create', from: null, to: {} },
        { table: 'evidence', rowId: 'e', action: 'create', from: null, to: {} },
      ]),
    ).toBe('Attach a source');
    expect(describeBatch([{ ...upd('c1', {}, {}), label: 'Accept 2 proposals' }])).toBe('Accept 2 proposals');
  });
});

describe('lastChangeIn', () => {
  test('the latest change to the row still in effect, skipping what was undone', () => {
    expect(lastChangeIn([])).toBeNull();
    const entries = [
      { batchId: 'b1', at: 1, batchKind: 'change' as const, target: null },
      { batchId: 'b2', at: 2, batchKind: 'change' as const, target: null },
      { batchId: 'b2', at: 2, batchKind: 'change' as const, target: null },
    ];
    expect(lastChangeIn(entries)).toBe('b2');
    expect(lastChangeIn([...entries, { batchId: 'u1', at: 3, batchKind: 'undo', target: 'b2' }])).toBe('b1');
    // Version-1 rows have no batch kind: they are changes.
    expect(lastChangeIn([{ batchId: 'old', at: 1 }])).toBe('old');
  });
});
