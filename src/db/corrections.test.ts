import { beforeEach, expect, test } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { extractionOf, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { mergeClaims } from './corrections';
import { db } from './db';
import { createQuestion, setStance } from './questions';
import { undo } from './undo';

beforeEach(resetDb);

const TEXT = 'Budget row\n\nAnn Lee said: "Rents rose. Wages did not."';

async function twoAdjacentClaims() {
  const extraction = extractionOf(
    TEXT,
    [{ id: 's1', name: 'Ann Lee' }],
    [
      { quote: 'Rents rose.', speaker: 's1' },
      { quote: 'Wages did not.', speaker: 's1' },
    ],
  );
  const { articleId } = await saveImportedArticle({ title: 'Budget row', text: TEXT }, extraction);
  const claims = await db.claims.where('articleId').equals(articleId).sortBy('start');
  return { articleId, first: claims[0]!.id as ClaimId, second: claims[1]!.id as ClaimId };
}

test('merging two claims moves the absorbed claim’s compare placement to the kept claim, and undo puts it back', async () => {
  const { articleId, first, second } = await twoAdjacentClaims();
  const placedSecond = await createQuestion('Are households worse off?', [articleId]);
  await setStance(placedSecond.id, second, 'for');
  const placedBoth = await createQuestion('Is the budget fair?', [articleId]);
  await setStance(placedBoth.id, first, 'against');
  await setStance(placedBoth.id, second, 'for');

  await mergeClaims(first, second);

  const [moved, kept] = await db.questions.bulkGet([placedSecond.id, placedBoth.id]);
  expect(moved?.stances).toEqual({ [first]: 'for' });
  expect(moved?.placedClaimIds).toEqual([first]);
  expect(kept?.stances).toEqual({ [first]: 'against' });

  await undo();
  const [back, backBoth] = await db.questions.bulkGet([placedSecond.id, placedBoth.id]);
  expect(back?.stances).toEqual({ [second]: 'for' });
  expect(backBoth?.stances).toEqual({ [first]: 'against', [second]: 'for' });
  expect((await db.claims.get(second))?.deletedAt).toBeNull();
});
