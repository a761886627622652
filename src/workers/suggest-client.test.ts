import { describe, expect, test } from 'vitest';
import { suggestQuestions } from '@/core/compare/suggest';
import { suggestOffThread } from './suggest-client';

const claims = [
  {
    id: 'a1',
    speakerId: 'councillors',
    text: 'Gangs are still exploiting children in Rotherham, the councillors said.',
  },
  {
    id: 'b1',
    speakerId: 'commissioner',
    text: 'Claims that gangs are exploiting children in Rotherham are vague.',
  },
  { id: 'c1', speakerId: 'minister', text: 'The budget for roads will rise by 4 per cent next year.' },
];

describe('suggestions off the main thread', () => {
  test('give what the pure grouping gives (made here where there is no Worker)', async () => {
    const made = await suggestOffThread(claims);
    expect(made).toEqual(suggestQuestions(claims));
    expect(made.length).toBeGreaterThan(0);
    expect(made[0]!.claimIds).toEqual(expect.arrayContaining(['a1', 'b1']));
    expect(made[0]!.claimIds).not.toContain('c1');
  });
});
