import { diffRow } from '@/core/model/row-diff';
import type { ArticleId, ClaimId, Question, QuestionId, Stance, Timestamp } from '@/core/model/types';
import { clip } from '@/core/text/clip';
import { db } from './db';
import { DbError } from './errors';
import { recordHistory, type WriteOptions } from './history';
import { newId } from './ids';

const STANCES: readonly Stance[] = ['for', 'against', 'neutral', 'mixed'];
const MAX_QUESTION_LENGTH = 500;

function cleanText(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  if (t === '') throw new DbError('invalid', 'A question needs some text.');
  if (t.length > MAX_QUESTION_LENGTH)
    throw new DbError(
      'invalid',
      `A question can be at most ${MAX_QUESTION_LENGTH} characters; this one has ${t.length}.`,
    );
  return t;
}

/**
 * Applies `patch` to a question inside the current transaction, recording the changed fields (one
 * history entry, labelled for the undo button). Writes nothing when nothing changes.
 */
async function patchQuestion(
  id: QuestionId,
  patch: Partial<Question>,
  at: Timestamp,
  options: WriteOptions,
  label: (q: Question) => string,
  action: 'update' | 'delete' | 'restore' = 'update',
): Promise<Question> {
  const before = await db.questions.get(id);
  if (!before)
    throw new DbError(
      'not-found',
      'That question no longer exists; it may have been deleted in another tab.',
    );
  const diff = diffRow(before as Record<string, unknown>, patch as Record<string, unknown>);
  if (!diff) return before;
  const after = { ...before, ...diff.to, updatedAt: Math.max(at, before.updatedAt + 1) } as Question;
  await db.questions.put(after);
  await recordHistory([{ table: 'questions', rowId: id, action, from: diff.from, to: diff.to }], at, {
    ...options,
    label: label(after),
  });
  return after;
}

/** A topic to compare speakers' positions on, for one article, several, or the whole library (none). */
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
      placedClaimIds: [],
      updatedAt: now,
      deletedAt: null,
    };
    await db.questions.add(question);
    await recordHistory(
      [{ table: 'questions', rowId: question.id, action: 'create', from: null, to: question }],
      now,
      { ...options, label: `Add the question “${clip(cleaned, 60)}”` },
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
    patchQuestion(id, full, Date.now(), options, (q) =>
      patch.text !== undefined
        ? `Reword the question “${clip(q.text, 60)}”`
        : `Edit the question “${clip(q.text, 60)}”`,
    ),
  );
}

export type StancePlacement = Readonly<{ claimId: ClaimId; stance: Stance | null }>;

/**
 * Places claims under a question with a stance, or with null takes them off it; one history entry,
 * one undo step.
 */
export async function setStances(
  id: QuestionId,
  placements: readonly StancePlacement[],
  options: WriteOptions = {},
): Promise<Question> {
  for (const p of placements)
    if (p.stance !== null && !STANCES.includes(p.stance))
      throw new DbError('invalid', `Unknown stance “${p.stance}”.`);
  return db.transaction('rw', [db.questions, db.history], async () => {
    const question = await db.questions.get(id);
    if (!question || question.deletedAt !== null)
      throw new DbError(
        'not-found',
        'That question no longer exists; it may have been deleted in another tab.',
      );
    const stances: Record<string, Stance> = { ...question.stances };
    for (const p of placements) {
      if (p.stance === null) delete stances[p.claimId];
      else stances[p.claimId] = p.stance;
    }
    const placedClaimIds = Object.keys(stances) as ClaimId[];
    const n = placements.length;
    const only = placements[0];
    return patchQuestion(id, { stances, placedClaimIds }, Date.now(), options, (q) => {
      const target = `“${clip(q.text, 60)}”`;
      if (n === 1 && only!.stance === null) return `Take a claim off ${target}`;
      if (n === 1) return `Place a claim under ${target} (${only!.stance})`;
      return `Place ${n} claims under ${target}`;
    });
  });
}

/** Sets (or with null, clears) a claim's stance on a question. */
export function setStance(
  id: QuestionId,
  claimId: ClaimId,
  stance: Stance | null,
  options: WriteOptions = {},
): Promise<Question> {
  return setStances(id, [{ claimId, stance }], options);
}

export function softDeleteQuestion(id: QuestionId, options: WriteOptions = {}): Promise<Question> {
  return db.transaction('rw', [db.questions, db.history], () => {
    const now = Date.now();
    return patchQuestion(
      id,
      { deletedAt: now },
      now,
      options,
      (q) => `Delete the question “${clip(q.text, 60)}”`,
      'delete',
    );
  });
}

export function restoreQuestion(id: QuestionId, options: WriteOptions = {}): Promise<Question> {
  return db.transaction('rw', [db.questions, db.history], () =>
    patchQuestion(
      id,
      { deletedAt: null },
      Date.now(),
      options,
      (q) => `Restore the question “${clip(q.text, 60)}”`,
      'restore',
    ),
  );
}
