import { describe, expect, test } from 'vitest';
import type { Stance } from '../model/types';
import { detectPositionChanges, type StanceEvent } from './position-change';

const ev = (
  claimId: string,
  stance: Stance,
  date: string | null,
  speakerId = 'billings',
  questionId = 'q1',
): StanceEvent => ({
  claimId,
  stance,
  date,
  speakerId,
  questionId,
});

describe('change of position', () => {
  test('the same speaker for, then against, on one question at two dates is a reversal', () => {
    const changes = detectPositionChanges([ev('c2', 'against', '2024-06-01'), ev('c1', 'for', '2023-01-15')]);
    expect(changes).toEqual([
      {
        speakerId: 'billings',
        questionId: 'q1',
        from: { stance: 'for', date: '2023-01-15', claimIds: ['c1'] },
        to: { stance: 'against', date: '2024-06-01', claimIds: ['c2'] },
        reversal: true,
      },
    ]);
  });

  test('the same stance at every date is no change; nor are different stances the same day', () => {
    expect(detectPositionChanges([ev('a', 'for', '2023-01-01'), ev('b', 'for', '2024-01-01')])).toEqual([]);
    expect(
      detectPositionChanges([
        ev('a', 'for', '2023-01-01T09:00:00Z'),
        ev('b', 'against', '2023-01-01T18:00:00Z'),
      ]),
    ).toEqual([]);
  });

  test('different speakers or different questions never make a change', () => {
    expect(
      detectPositionChanges([
        ev('a', 'for', '2023-01-01', 'billings'),
        ev('b', 'against', '2024-01-01', 'stafford'),
        ev('c', 'against', '2024-01-01', 'billings', 'q2'),
      ]),
    ).toEqual([]);
  });

  test('undated claims are left out; a softening to neutral is a change but not a reversal', () => {
    const changes = detectPositionChanges([
      ev('a', 'against', '2022-03-01'),
      ev('b', 'for', null),
      ev('c', 'neutral', '2023-03-01'),
      ev('d', 'neutral', '2023-09-01'),
      ev('e', 'for', '2024-03-01'),
    ]);
    expect(changes.map((c) => [c.from.stance, c.to.stance, c.reversal])).toEqual([
      ['against', 'neutral', false],
      ['neutral', 'for', false],
    ]);
  });

  test('several stances on one day count as mixed', () => {
    const [change] = detectPositionChanges([
      ev('a', 'for', '2022-01-01'),
      ev('b', 'for', '2023-01-01'),
      ev('c', 'against', '2023-01-01'),
    ]);
    expect(change).toMatchObject({ from: { stance: 'for' }, to: { stance: 'mixed', claimIds: ['b', 'c'] } });
  });
});
