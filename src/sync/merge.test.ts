import { describe, expect, test } from 'vitest';
import { mergeRows } from './merge';

const base = {
  id: 'c',
  verdict: 'unchecked',
  notes: '',
  tags: ['a', 'b'],
  start: 1,
  end: 5,
  text: 'abcd',
  updatedAt: 10,
};

describe('three-way row merge', () => {
  test('a field only one side changed takes that side; sets merge adds and removals of both sides', () => {
    const mine = { ...base, notes: 'mine', tags: ['a', 'b', 'm'], updatedAt: 20 };
    const theirs = { ...base, verdict: 'false', tags: ['b', 't'], updatedAt: 30 };
    const { row, both, ask } = mergeRows('claims', base, mine, theirs);
    expect(row).toMatchObject({ notes: 'mine', verdict: 'false', updatedAt: 30 });
    expect(row.tags).toEqual(['b', 'm', 't']);
    expect(both).toEqual([]);
    expect(ask).toEqual([]);
  });

  test('a field both changed goes to the newer row; the other value is reported, and a verdict is asked', () => {
    const mine = { ...base, verdict: 'true', updatedAt: 40 };
    const theirs = { ...base, verdict: 'false', updatedAt: 30 };
    const { row, both, ask } = mergeRows('claims', base, mine, theirs);
    expect(row.verdict).toBe('true');
    expect(both).toEqual([
      { field: 'verdict', base: 'unchecked', mine: 'true', theirs: 'false', kept: 'mine' },
    ]);
    expect(ask).toHaveLength(1);
  });

  test("a claim's span goes whole to one side when both moved it", () => {
    const mine = { ...base, start: 2, text: 'bcd', updatedAt: 20 };
    const theirs = { ...base, end: 4, text: 'abc', updatedAt: 30 };
    const { row } = mergeRows('claims', base, mine, theirs);
    expect([row.start, row.end, row.text]).toEqual([1, 4, 'abc']);
  });

  test('with no base (both created the row), every difference is settled by the newer row', () => {
    const mine = { ...base, notes: 'x', updatedAt: 50 };
    const theirs = { ...base, notes: 'y', tags: ['z'], updatedAt: 60 };
    const { row, both } = mergeRows('claims', null, mine, theirs);
    expect(row.notes).toBe('y');
    expect(row.tags).toEqual(['a', 'b', 'z']);
    expect(both.map((c) => c.field)).toEqual(['notes']);
  });
});
