import type { Stance, Verdict } from '../model/types';

/** What the compare screens need of a claim (the stored claim plus its source count and date). */
export type CompareClaim = Readonly<{
  id: string;
  speakerId: string | null;
  articleId: string;
  text: string;
  verdict: Verdict;
  sourceCount: number;
  /** The day the claim was made: its article's publication date, else its import date (YYYY-MM-DD). */
  date: string | null;
}>;

export type CompareQuestion = Readonly<{
  id: string;
  text: string;
  /** claim id → stance */
  stances: Readonly<Record<string, Stance>>;
}>;

export type CompareSpeaker = Readonly<{ id: string; name: string }>;

export const STANCES: readonly Stance[] = ['for', 'against', 'neutral', 'mixed'];

export const STANCE_LABELS: Readonly<Record<Stance, string>> = {
  for: 'For',
  against: 'Against',
  neutral: 'Neutral',
  mixed: 'Mixed',
};

/** The stance of several claims together: the one stance they share, or mixed. */
export function combinedStance(stances: readonly Stance[]): Stance | null {
  const distinct = [...new Set(stances)];
  if (distinct.length === 0) return null;
  return distinct.length === 1 ? distinct[0]! : 'mixed';
}
