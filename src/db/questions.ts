import type { ArticleId, ClaimId, Question, QuestionId, Stance } from '@/core/model/types';
import { db } from './db';
import { DbError } from './errors';
import { recordHistory, type WriteOptions } from './history';
import { newId } from './ids';
import { patchRow } from './rows';

const STANCES: readonly Stance[] = ['for', 'against', 'neutral', 'mixed'];

function cleanText(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') throw new DbError('invalid', 'A question needs some text.');
  return t;
}

/** A topic to compare speakers' positions on. */
export async function createQuestion(
  text: string,
  articleIds: readonly ArticleId[] = [],
  options: WriteOptions = {},
): Promise<Question> {
  const cleaned = cleanText(text);
  return db.transaction('rw', [db.questions, db.history], async () => {
    const now = Date.now();
    const question: Question = {
      id: newId<QuestionId>(),
      text: cleaned,
      articleIds: [...new Set(articleIds)],
      stances: {},
      updatedAt: now,
      deletedAt: null,
    };
    await db.questions.add(question);
    await recordHistory(
      [{ table: 'questions', rowId: question.id, action: 'create', from: null, to: question }],
      now,
      options,
    );
    return question;
  });
}

export async function updateQuestion(
  id: QuestionId,
  patch: Partial<Pick<Question, 'text' | 'articleIds'>>,
  options: WriteOptions = {},
): Promise<Question> {
  const full: Partial<Question> = {
    ...(patch.text !== undefined ? { text: cleanText(patch.text) } : {}),
    ...(patch.articleIds !== undefined ? { articleIds: [...new Set(patch.articleIds)] } : {}),
  };
  return db.transaction('rw', [db.questions, db.history], () =>
    patchRow('questions', db.questions, id, full, Date.now(), options),
  );
}

/** Sets (or with null, clears) a claim's stance on a question. */
export async function setStance(
  id: QuestionId,
  claimId: ClaimId,
  stance: Stance | null,
  options: WriteOptions = {},
): Promise<Question> {
  if (stance !== null && !STANCES.includes(stance))
    throw new DbError('invalid', `Unknown stance “${stance}”.`);
  return db.transaction('rw', [db.questions, db.history], async () => {
    const question = await db.questions.get(id);
    if (!question) throw new DbError('not-found', 'That question no longer exists.');
    const stances: Record<string, Stance> = { ...question.stances };
    if (stance === null) delete stances[claimId];
    else stances[claimId] = stance;
    return patchRow('questions', db.questions, id, { stances }, Date.now(), options);
  });
}

export function softDeleteQuestion(id: QuestionId, options: WriteOptions = {}): Promise<Question> {
  return db.transaction('rw', [db.questions, db.history], () => {
    const now = Date.now();
    return patchRow('questions', db.questions, id, { deletedAt: now }, now, options, 'delete');
  });
}
