import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { resetDb } from '@/test/db';
import { readComparison, recentQuestions } from './compare-read';
import { createQuestion, softDeleteQuestion, updateQuestion } from './questions';

beforeEach(async () => {
  await resetDb();
  let now = Date.UTC(2026, 0, 1);
  vi.spyOn(Date, 'now').mockImplementation(() => (now += 1_000));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the most recent questions (a comparison of no chosen article)', () => {
  test('the most recently changed live ones first, past those in the trash, at most as many as asked', async () => {
    const made = [];
    for (const text of ['One?', 'Two?', 'Three?', 'Four?', 'Five?']) made.push(await createQuestion(text));
    await updateQuestion(made[0]!.id, { text: 'One, reworded?' }); // changed last: most recent
    await softDeleteQuestion(made[4]!.id);
    await softDeleteQuestion(made[3]!.id); // the trash is now the most recently changed
    expect((await recentQuestions(2)).map((q) => q.text)).toEqual(['One, reworded?', 'Three?']);
    expect((await recentQuestions(10)).map((q) => q.text)).toEqual(['One, reworded?', 'Three?', 'Two?']);
    // the first batch of keys is all in the trash: the next batch is read
    expect((await recentQuestions(1)).map((q) => q.text)).toEqual(['One, reworded?']);
    await softDeleteQuestion(made[0]!.id);
    await softDeleteQuestion(made[2]!.id);
    expect((await recentQuestions(2)).map((q) => q.text)).toEqual(['Two?']);
    expect((await readComparison({ articleIds: [] })).questions.map((q) => q.text)).toEqual(['Two?']);
  });
});
