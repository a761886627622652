import { VERDICTS, type Verdict } from '../model/types';

/** Digits 1–9 set the verdicts in scale order. */
export function verdictForDigit(digit: string): Verdict | null {
  const n = Number.parseInt(digit, 10);
  return Number.isInteger(n) && n >= 1 && n <= VERDICTS.length ? (VERDICTS[n - 1] ?? null) : null;
}

export function digitForVerdict(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict) + 1;
}

/** A verdict that rates the claim must rest on at least one source. */
export function verdictNeedsSource(verdict: Verdict): boolean {
  return verdict !== 'unchecked' && verdict !== 'in progress';
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

export type ClaimReviewRating = Readonly<{
  '@type': 'Rating';
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
}>;

const SCALE: Partial<Record<Verdict, number>> = {
  true: 5,
  'mostly true': 4,
  'half true': 3,
  'mostly false': 2,
  false: 1,
};

const LABELS: Record<Verdict, string> = {
  unchecked: 'Unchecked',
  'in progress': 'In progress',
  true: 'True',
  'mostly true': 'Mostly true',
  'half true': 'Half true',
  'mostly false': 'Mostly false',
  false: 'False',
  misleading: 'Misleading',
  unverifiable: 'Unverifiable',
};

export const verdictLabel = (verdict: Verdict): string => LABELS[verdict];

/**
 * schema.org ClaimReview `reviewRating`: the five-step truth scale gets a numeric rating (5 = true);
 * verdicts off that scale (misleading, unverifiable) carry only the textual rating, as fact-checkers publish them.
 * Unrated claims have no rating at all.
 */
export function claimReviewRating(verdict: Verdict): ClaimReviewRating | null {
  if (!verdictNeedsSource(verdict)) return null;
  const value = SCALE[verdict];
  return value === undefined
    ? { '@type': 'Rating', alternateName: LABELS[verdict] }
    : {
        '@type': 'Rating',
        alternateName: LABELS[verdict],
        ratingValue: value,
        bestRating: 5,
        worstRating: 1,
      };
}
