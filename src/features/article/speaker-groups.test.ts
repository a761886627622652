import { describe, expect, test } from 'vitest';
import { groupClaimsBySpeaker, groupsWith } from '@/features/article/speaker-groups';

const speakers = [
  { id: 'cartlidge', name: 'James Cartlidge', role: 'justice minister' },
  { id: 'billings', name: 'Alan Billings', role: 'police and crime commissioner' },
];

describe('groupClaimsBySpeaker', () => {
  test('orders groups by first appearance, claims by position, unattributed last', () => {
    const groups = groupClaimsBySpeaker(
      [
        { id: 'c3', start: 300, speakerId: 'cartlidge' },
        { id: 'c0', start: 0, speakerId: null },
        { id: 'c2', start: 200, speakerId: 'billings' },
        { id: 'c1', start: 100, speakerId: 'billings' },
      ],
      speakers,
    );
    expect(groups.map((g) => [g.name, g.colourIndex, g.claims.map((c) => c.id)])).toEqual([
      ['Alan Billings', 0, ['c1', 'c2']],
      ['James Cartlidge', 1, ['c3']],
      ['No speaker', -1, ['c0']],
    ]);
    expect(groups[0]!.role).toBe('police and crime commissioner');
  });

  test('a claim whose speaker is missing counts as unattributed', () => {
    const groups = groupClaimsBySpeaker([{ id: 'c1', start: 0, speakerId: 'ghost' }], speakers);
    expect(groups).toEqual([
      { speakerId: null, name: 'No speaker', role: null, colourIndex: -1, claims: [expect.anything()] },
    ]);
  });
});

describe('groupsWith', () => {
  test('puts edited claims in place: the same groups as grouping afresh, the untouched groups the same objects', () => {
    const claims = [
      { id: 'a', start: 0, speakerId: 's1', verdict: 'unchecked' },
      { id: 'b', start: 10, speakerId: 's2', verdict: 'unchecked' },
      { id: 'c', start: 20, speakerId: 's1', verdict: 'unchecked' },
      { id: 'd', start: 30, speakerId: null, verdict: 'unchecked' },
    ];
    const speakers = [
      { id: 's1', name: 'Ann', role: null },
      { id: 's2', name: 'Bo', role: null },
    ];
    const groups = groupClaimsBySpeaker(claims, speakers);
    const edited = claims.map((c) => (c.id === 'c' || c.id === 'd' ? { ...c, verdict: 'false' } : c));
    const pairs = [2, 3].map((i) => [claims[i]!, edited[i]!] as const);
    const next = groupsWith(groups, pairs)!;
    expect(next).toEqual(groupClaimsBySpeaker(edited, speakers));
    expect(next[1]).toBe(groups[1]);
    expect(next[0]).not.toBe(groups[0]);
    expect(groupsWith(groups, [[{ ...claims[0]! }, edited[0]!]])).toBeNull();
  });
});
