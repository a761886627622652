/**
 * Highlight colours for up to ten speakers, then repeating. Every background keeps body text
 * (#1b1f24) above 10:1 contrast; the border gives a second cue that does not rely on hue alone.
 */
export type Swatch = Readonly<{ background: string; border: string }>;

const SWATCHES: readonly Swatch[] = [
  { background: '#ffe58f', border: '#9a6b00' },
  { background: '#bfe3ff', border: '#0b62c4' },
  { background: '#c9efc0', border: '#2a7a2a' },
  { background: '#ffd0dc', border: '#b3124f' },
  { background: '#e3d6ff', border: '#6a3fc0' },
  { background: '#ffd9b8', border: '#b45309' },
  { background: '#c2efe8', border: '#0c7a70' },
  { background: '#f1e6c8', border: '#7a5f14' },
  { background: '#dbe3ec', border: '#4a5866' },
  { background: '#f6cdf0', border: '#972090' },
];

/** The swatch for claims with no speaker. */
export const NEUTRAL_SWATCH: Swatch = { background: '#ebebeb', border: '#6b6b6b' };

/** Deterministic: the nth speaker of an article always gets the same colour. */
export function swatchAt(index: number): Swatch {
  return SWATCHES[((index % SWATCHES.length) + SWATCHES.length) % SWATCHES.length]!;
}
