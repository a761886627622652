/**
 * A poll's share of its respondents, read in one place for every rule that asks: `One in three`, `nearly nine out
 * of 10`, `47%`, `55 per cent of voters`, `Sixty-two percent`, `More than half`, `a majority`, and, right before a
 * cue, a bare count (`43 said`) or `all but two`. The group subject reader (`groupSubject` in
 * `group-subjects.ts`), the share subject of `frames.ts` (`shareSubject`) and the `with 30 percent saying …`
 * participle (`shareBefore`) all read a share through `readShare`.
 */
import type { Token } from '../text/tokens';

const UNIT = 'one|two|three|four|five|six|seven|eight|nine';
/** A number a share is made of: digits (`47`, `47%`, `2,000`), or a number word (`six`, `forty`, `Sixty-two`). */
const NUMBER = new RegExp(
  `^(\\d[\\d,.]*%?|${UNIT}|ten|eleven|twelve|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:${UNIT}))?|hundred)$`,
);
/** Nouns that are a share by themselves (`half`, `a majority`, `Most`). */
const SHARE_NOUN = /^(half|majority|minority|third|quarter|two-thirds|three-quarters|most|plurality)$/;
/** One-word qualifiers before a share (`nearly`, `fully`, `well over`). */
const HEDGE =
  /^(nearly|almost|about|around|roughly|approximately|some|only|fully|just|over|under|barely|well|exactly|precisely)$/;
/** Two-word qualifiers: the first word and the word that must follow it (`more than`, `at least`, `shy of`). */
const HEDGE_PAIR: Record<string, RegExp> = {
  more: /^than$/,
  fewer: /^than$/,
  less: /^than$/,
  at: /^(least|most)$/,
  close: /^to$/,
  shy: /^of$/,
  upwards: /^of$/,
  upward: /^of$/,
};

export type Share = {
  /** Index of the number or share noun (after the qualifiers). */
  at: number;
  /** Last index of the share itself (`10` of `six in 10`, `percent` of `47 percent`). */
  end: number;
  /** Last index of the share with the group it is of (`… of Republicans`, `… of those surveyed`), else `end`. */
  groupEnd: number;
  /** `share`: a number read as a share; `noun`: `half`, `a majority`; `count`: `43` or `all but two` before a cue. */
  form: 'share' | 'noun' | 'count';
};

/** The index after the qualifiers and article that open a share at tokens[i] (`More than`, `just shy of a`). */
function skipQualifiers(tokens: readonly Token[], i: number, last: number): number {
  let k = i;
  for (;;) {
    const key = tokens[k]?.key ?? '';
    if (k > last) return k;
    if (HEDGE.test(key)) k++;
    else if (HEDGE_PAIR[key]?.test(tokens[k + 1]?.key ?? '')) k += 2;
    else break;
  }
  if (tokens[k]?.key === 'a' || tokens[k]?.key === 'the') k++;
  return k;
}

/** A survey share that starts at tokens[i] and lies within tokens[i, last], or null. */
export function readShare(tokens: readonly Token[], i: number, last: number): Share | null {
  const k = skipQualifiers(tokens, i, last);
  const t = tokens[k];
  if (!t || k > last) return null;
  const key = (n: number) => tokens[k + n]?.key || tokens[k + n]?.text || '';
  let end = -1;
  let form: Share['form'] = 'share';
  if (NUMBER.test(t.key) && key(1) === 'in' && NUMBER.test(key(2))) end = k + 2;
  else if (NUMBER.test(t.key) && key(1) === 'out' && key(2) === 'of' && NUMBER.test(key(3))) end = k + 3;
  else if (/^\d[\d.]*%$/.test(t.text)) end = k;
  else if (NUMBER.test(t.key) && (key(1) === '%' || key(1) === 'percent')) end = k + 1;
  else if (NUMBER.test(t.key) && key(1) === 'per' && key(2) === 'cent') end = k + 2;
  else if (SHARE_NOUN.test(t.key)) {
    end = k;
    form = 'noun';
  }
  // "… had a favorable view of Clinton, 43 said the same for Sanders", "all but two said": a bare count of
  // respondents right before the cue (not a year).
  else if (k === last && /^\d{1,3}$/.test(t.key)) {
    end = k;
    form = 'count';
  } else if (t.key === 'all' && key(1) === 'but' && NUMBER.test(key(2)) && k + 2 === last) {
    end = k + 2;
    form = 'count';
  }
  if (end < 0 || end > last) return null;
  // "… of Republicans", "… of those surveyed": the group the share is of.
  let groupEnd = end;
  if (tokens[end + 1]?.key === 'of') {
    let j = end + 2;
    while (j <= last && j - end <= 6 && tokens[j]!.word) j++;
    groupEnd = j - 1;
  }
  return { at: k, end, groupEnd, form };
}

/** Where a survey share starts at tokens[i] and ends (inclusive, with its `of …` group), or -1. */
export function shareEnd(tokens: readonly Token[], i: number, last: number): number {
  return readShare(tokens, i, last)?.groupEnd ?? -1;
}

/**
 * Does a survey share of respondents open the phrase at tokens[i] ("Six in 10", "nearly nine out of ten",
 * "55 percent of voters")? Only the numeric forms: "half", "most" and bare counts are nouns the phrase reader
 * already types.
 */
export function opensWithShare(tokens: readonly Token[], i: number, last: number): boolean {
  return readShare(tokens, i, last)?.form === 'share';
}
