import { describe, expect, test } from 'vitest';
import { claimNumbers } from './numbers';

const imported = [
  { id: 'c', start: 300, createdAt: 1 },
  { id: 'a', start: 0, createdAt: 1 },
  { id: 'b', start: 100, createdAt: 1 },
];

describe('claimNumbers', () => {
  test('numbers imported claims in reading order', () => {
    expect([...claimNumbers(imported)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  test('a claim added before the others takes the next number; none of the others shift', () => {
    const before = claimNumbers(imported);
    const after = claimNumbers([...imported, { id: 'new', start: 50, createdAt: 2 }]);
    for (const [id, n] of before) expect(after.get(id)).toBe(n);
    expect(after.get('new')).toBe(4);
  });
});
