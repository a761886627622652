import { describe, expect, test } from 'vitest';
import { diffRow } from './row-diff';

describe('diffRow', () => {
  test('keeps only the changed fields, before and after', () => {
    expect(
      diffRow(
        { verdict: 'unchecked', notes: 'a', updatedAt: 1 },
        { verdict: 'true', notes: 'a', updatedAt: 2 },
      ),
    ).toEqual({
      from: { verdict: 'unchecked' },
      to: { verdict: 'true' },
    });
  });

  test('compares arrays and objects by value', () => {
    expect(diffRow({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toBeNull();
    expect(diffRow({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual({
      from: { tags: ['a'] },
      to: { tags: ['a', 'b'] },
    });
    expect(diffRow({ cue: { start: 1, end: 2 } }, { cue: { start: 1, end: 2 } })).toBeNull();
  });

  test('records a field that did not exist as undefined', () => {
    expect(diffRow({}, { x: null })).toEqual({ from: { x: undefined }, to: { x: null } });
  });
});
