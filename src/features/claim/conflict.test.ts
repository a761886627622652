import { describe, expect, test } from 'vitest';
import { conflictSummary } from '@/features/claim/conflict';

describe('conflictSummary', () => {
  test('a field both tabs wrote: the later write replaced the other value', () => {
    expect(
      conflictSummary({ previous: { verdict: 'false' }, at: Date.now(), changedFields: ['verdict'] }),
    ).toBe(
      'This claim was changed in another tab a moment ago (verdict was False); your change replaced it. History keeps both.',
    );
  });
  test('different fields: both kept', () => {
    expect(conflictSummary({ previous: { notes: '' }, at: Date.now(), changedFields: ['verdict'] })).toBe(
      'Another tab changed the verdict of this claim a moment ago; your change was saved alongside, nothing was lost.',
    );
  });
  test('a plural field reads as one: the notes were different', () => {
    expect(
      conflictSummary({
        previous: { notes: 'Asked the council.' },
        at: Date.now(),
        changedFields: ['notes'],
      }),
    ).toBe(
      'This claim was changed in another tab a moment ago (the notes were different); your change replaced it. History keeps both.',
    );
  });
});
