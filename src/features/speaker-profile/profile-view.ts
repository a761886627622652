import { detectPositionChanges, type PositionChange } from '@/core/compare/position-change';
import type { CompareClaim } from '@/core/compare/types';
import type { Question, Stance } from '@/core/model/types';
import type { SpeakerProfileHead } from '@/db/speaker-profile-read';

export type QuestionSection = Readonly<{
  question: Question;
  entries: readonly { claim: CompareClaim; stance: Stance }[];
}>;

export type ProfileView = Readonly<{
  byQuestion: readonly QuestionSection[];
  changes: readonly PositionChange[];
}>;

/** The profile's questions with the speaker's stances, oldest claim first, and changes of position. */
export function profileView(head: Pick<SpeakerProfileHead, 'questions' | 'placed'>): ProfileView {
  const claims = new Map(head.placed.map((c) => [c.id, c]));
  const byQuestion = head.questions
    .map((question) => ({
      question,
      entries: Object.entries(question.stances)
        .flatMap(([id, stance]) => {
          const claim = claims.get(id);
          return claim ? [{ claim, stance }] : [];
        })
        .sort((a, b) => (a.claim.date ?? '').localeCompare(b.claim.date ?? '')),
    }))
    .filter((s) => s.entries.length > 0);
  const changes = detectPositionChanges(
    byQuestion.flatMap((s) =>
      s.entries.map((e) => ({
        questionId: s.question.id,
        speakerId: e.claim.speakerId ?? '',
        claimId: e.claim.id,
        stance: e.stance,
        date: e.claim.date,
      })),
    ),
  );
  return { byQuestion, changes };
}
