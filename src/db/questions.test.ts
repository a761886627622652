import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ArticleId, ClaimId } from '@/core/model/types';
import { resetDb } from '@/test/db';
import { historyOfRow } from './history';
import { questionQueries } from './queries';
import { createQuestion, setStance, softDeleteQuestion, updateQuestion } from './questions';

beforeEach(resetDb);

describe('questions', () => {
  test('create, set and clear stances with history, list by article', async () => {
    const a = 'a-1' as ArticleId;
    const q = await createQuestion('  Has policing   improved? ', [a, a]);
    expect(q).toMatchObject({ text: 'Has policing improved?', articleIds: [a], stances: {} });
    await setStance(q.id, 'c-1' as ClaimId, 'for');
    await setStance(q.id, 'c-2' as ClaimId, 'against');
    const cleared = await setStance(q.id, 'c-1' as ClaimId, null);
    expect(cleared.stances).toEqual({ 'c-2': 'against' });
    await updateQuestion(q.id, { text: 'Is Rotherham safer?' });
    expect((await historyOfRow('questions', q.id)).map((h) => h.action)).toEqual([
      'create',
      'update',
      'update',
      'update',
      'update',
    ]);
    expect((await new QueryClient().fetchQuery(questionQueries.byArticle(a))).map((x) => x.text)).toEqual([
      'Is Rotherham safer?',
    ]);
    await softDeleteQuestion(q.id);
    expect(await new QueryClient().fetchQuery(questionQueries.list())).toEqual([]);
    await expect(createQuestion(' ')).rejects.toThrow('A question needs some text.');
  });
});
