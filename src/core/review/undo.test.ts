import { describe, expect, test } from 'vitest';
import { type BatchRecord, invertChange, undoState } from './undo';

const change = (id: string): BatchRecord => ({ batchId: id, kind: 'change', target: null });
const undo = (id: string, target: string): BatchRecord => ({ batchId: id, kind: 'undo', target });
const redo = (id: string, target: string): BatchRecord => ({ batchId: id, kind: 'redo', target });

describe('undoState', () => {
  test('empty history: nothing to undo or redo', () => {
    expect(undoState([])).toEqual({ undo: null, redo: null, undoDepth: 0, redoDepth: 0 });
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

  test('an undo that does not match the top of the stack (a stale tab) is ignored', () => {
    expect(undoState([change('a'), change('b'), undo('u', 'a')])).toMatchObject({ undo: 'b', redo: null });
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
