import { describe, expect, test } from 'vitest';
import { partLabel, quotationsOf } from './quotations';

const c = (id: string, start: number, groupId?: string, speakerId: string | null = 's1') => ({
  id,
  start,
  speakerId,
  ...(groupId ? { groupId } : {}),
});

describe('quotationsOf', () => {
  test('claims sharing a group id and a speaker are one quotation, in reading order', () => {
    const claims = [c('b', 40, 'q1'), c('a', 0, 'q1'), c('x', 20, 'q2'), c('m', 60)];
    const { list, of } = quotationsOf(claims);
    expect(list.map((q) => q.parts.map((p) => p.id))).toEqual([['a', 'b'], ['x'], ['m']]);
    expect(of.get('b')!.id).toBe('a');
    expect(partLabel(of.get('b'), 'b')).toBe('part 2 of 2');
    expect(partLabel(of.get('x'), 'x')).toBeNull();
  });

  test('a part whose speaker was corrected stands on its own', () => {
    const { list } = quotationsOf([c('a', 0, 'q1'), c('b', 30, 'q1', 's2'), c('d', 50, 'q1')]);
    expect(list.map((q) => q.parts.map((p) => p.id))).toEqual([['a', 'd'], ['b']]);
  });

  test('claims with no group id never join each other', () => {
    const { list } = quotationsOf([c('a', 0), c('b', 10)]);
    expect(list).toHaveLength(2);
  });
});
