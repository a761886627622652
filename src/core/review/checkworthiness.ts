/**
 * The one scale check-worthiness is shown on, everywhere: a whole number out of 100 (the stored
 * score is 0–1), with a level word. Filters and sorts keep the stored 0–1 score.
 */
export const checkworthyPoints = (score: number): number => Math.round(Math.min(1, Math.max(0, score)) * 100);

export const formatCheckworthy = (score: number): string => `${checkworthyPoints(score)} / 100`;

export const checkworthyLevel = (score: number): 'High' | 'Medium' | 'Low' =>
  score >= 0.6 ? 'High' : score >= 0.35 ? 'Medium' : 'Low';

/** A filter's lower bound on the same scale ("30 / 100 or more"). */
export const formatCheckworthyAtLeast = (score: number): string => `${formatCheckworthy(score)} or more`;
