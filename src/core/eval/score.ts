/**
 * The two scoring protocols of the project's official scorer (`shared/tools/score-attribution.mjs`), as pure
 * functions over a text, its gold annotation and an {@link Extraction}, so tests and scripts score in-process.
 *
 * - overlap ("polnear") protocol: gold claims matched greedily, one-to-one, to the unused predicted claim that
 *   covers most of them, a match needing overlap ≥ 30 % of the gold length; P/R/F1, strict recall (≥ 80 %),
 *   exact-span F1 after trimming quotes and punctuation, and speaker accuracy over the matches.
 * - seed protocol: a gold claim is found when one predicted claim covers ≥ 80 % of it with the right speaker;
 *   a predicted claim is right when ≥ 50 % of it lies inside gold claims of its speaker; predicted claims that
 *   touch a boilerplate string are counted.
 *
 * Figures are percentages rounded to one decimal, as the official scorer prints them. Counts add up across
 * documents, so a corpus is scored by summing counts (micro-average) before computing the figures.
 */
import type { ClaimKind, ExtractedClaim, ExtractedSpeaker, Extraction, SpeakerType } from '../extract/types';

export type GoldKind = Exclude<ClaimKind, 'unattributed'>;

/** A gold speaker has the shape the extractor gives, so one scorer reads both. */
export type GoldSpeaker = ExtractedSpeaker;

export type GoldClaim = Readonly<{
  n: number;
  speaker: string;
  kind: GoldKind;
  text: string;
  start: number;
  end: number;
  cue: string;
  note?: string;
}>;

/** The fixture gold format (`fixtures/<slug>/gold.json`, as the reference `rotherham/gold.json`). */
export type Gold = Readonly<{
  speakers: readonly GoldSpeaker[];
  claims: readonly GoldClaim[];
  boilerplate: readonly string[];
}>;

export type Span = readonly [start: number, end: number];

/** One gold attribution as the overlap protocol sees it. */
export type OverlapGold = Readonly<{
  start: number;
  end: number;
  /** Discontinuous content; when present and non-empty, replaces [start, end]. */
  spans?: readonly Span[];
  kind: string;
  /** Names the predicted speaker may agree with (PolNeAR: the one source string; fixtures: name and aliases). */
  speakerNames: readonly string[];
  /** Where the source is mentioned; a predicted speakerMention overlapping one of these is a correct speaker. */
  speakerSpans?: readonly Span[];
  /** A pronoun source is only judged by its mention, never by name. */
  speakerIsPronoun?: boolean;
}>;

export const overlapLength = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

const TITLES = /\b(mr|mrs|ms|dr|sen|rep|gov|prof|professor|president|the)\b\.?/g;

/** Lower case, no possessive 's, no titles or "the", letters and digits only, single spaces. */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(TITLES, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const lastWord = (s: string): string => s.split(' ').at(-1) ?? '';

/** Overlap protocol: equal, one contains the other, or the same last word (longer than two letters). */
export function namesAgree(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (!x || !y) return false;
  if (x === y || x.includes(y) || y.includes(x)) return true;
  const lx = lastWord(x);
  return lx.length > 2 && lx === lastWord(y);
}

const wordCount = (s: string): number => s.split(' ').filter(Boolean).length;

/**
 * Seed protocol: equal; for a person, the same last name (longer than two letters); or, when the shorter name
 * has at least two words, the longer contains it.
 */
export function seedNameAgrees(name: string, goldAlias: string, goldType: SpeakerType): boolean {
  const x = normalizeName(name);
  const y = normalizeName(goldAlias);
  if (!x || !y) return false;
  if (x === y) return true;
  if (goldType === 'person' && lastWord(x) === lastWord(y) && lastWord(y).length > 2) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  return wordCount(short) >= 2 && long.includes(short);
}

/** The gold speakers a name agrees with (seed protocol). */
export function goldSpeakersMatching(gold: Gold, name: string): string[] {
  return [
    ...new Set(
      gold.speakers
        .filter((s) => [s.name, ...s.aliases].some((a) => seedNameAgrees(name, a, s.type)))
        .map((s) => s.id),
    ),
  ];
}

/** The predicted speaker's name followed by its aliases; empty when the claim has no known speaker. */
export function predictedSpeakerNames(extraction: Extraction, claim: ExtractedClaim): readonly string[] {
  const sp = extraction.speakers.find((s) => s.id === claim.speakerId);
  return sp ? [sp.name, ...sp.aliases] : [];
}

/**
 * The gold speaker a predicted claim's speaker stands for (seed protocol): decided by the name when the name
 * matches anything, else by the aliases; an ambiguous match is no match.
 */
export function goldSpeakerOf(gold: Gold, extraction: Extraction, claim: ExtractedClaim): string | undefined {
  const [name, ...aliases] = predictedSpeakerNames(extraction, claim);
  if (!name) return undefined;
  const byName = goldSpeakersMatching(gold, name);
  if (byName.length) return byName.length === 1 ? byName[0] : undefined;
  const byAlias = [...new Set(aliases.flatMap((a) => goldSpeakersMatching(gold, a)))];
  return byAlias.length === 1 ? byAlias[0] : undefined;
}

const JUNK = /[\s"“”'‘’.,;:!?()\-–—]/;

/** Shrinks [start, end) past whitespace, quotation marks and punctuation at both ends. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && JUNK.test(text[s] ?? '')) s++;
  while (e > s && JUNK.test(text[e - 1] ?? '')) e--;
  return [s, e];
}

/** Offsets and text of the predicted claims, as the official scorer checks them. */
export function predictionProblems(text: string, extraction: Extraction): string[] {
  const problems: string[] = [];
  for (const c of extraction.claims) {
    const ok =
      Number.isInteger(c.start) &&
      Number.isInteger(c.end) &&
      c.start >= 0 &&
      c.end <= text.length &&
      c.start < c.end;
    if (!ok) problems.push(`claim ${c.id} has bad offsets ${c.start}..${c.end}`);
    else if (text.slice(c.start, c.end) !== c.text)
      problems.push(`claim ${c.id} text != text.slice(start,end)`);
  }
  return problems;
}

/** Every occurrence of every boilerplate string, as ranges. */
export function boilerplateRanges(text: string, boilerplate: readonly string[]): Span[] {
  return boilerplate.flatMap((b) => {
    const at: Span[] = [];
    if (!b) return at;
    for (let i = text.indexOf(b); i >= 0; i = text.indexOf(b, i + 1)) at.push([i, i + b.length]);
    return at;
  });
}

/** The predicted claims (not `unattributed`) that touch a boilerplate string. */
export function claimsOnBoilerplate(
  text: string,
  boilerplate: readonly string[],
  extraction: Extraction,
): ExtractedClaim[] {
  const ranges = boilerplateRanges(text, boilerplate);
  return scoredClaims(extraction).filter((c) =>
    ranges.some(([a, b]) => overlapLength(a, b, c.start, c.end) > 0),
  );
}

/** Both protocols ignore claims of kind `unattributed`. */
export const scoredClaims = (extraction: Extraction): ExtractedClaim[] =>
  extraction.claims.filter((c) => c.kind !== 'unattributed');

// ---------------------------------------------------------------------------------------------------------------
// Overlap protocol

export type OverlapCounts = Readonly<{
  docs: number;
  gold: number;
  pred: number;
  /** Gold claims matched (overlap ≥ 30 %). */
  matched: number;
  /** Matches with overlap ≥ 80 %. */
  matchedStrict: number;
  /** Matches whose trimmed spans are equal. */
  exact: number;
  speakerOk: number;
  speakerTotal: number;
  speakerNamedOk: number;
  speakerNamed: number;
  byKind: Readonly<Record<string, Readonly<{ gold: number; found: number }>>>;
  problems: readonly string[];
}>;

export const emptyOverlapCounts: OverlapCounts = {
  docs: 0,
  gold: 0,
  pred: 0,
  matched: 0,
  matchedStrict: 0,
  exact: 0,
  speakerOk: 0,
  speakerTotal: 0,
  speakerNamedOk: 0,
  speakerNamed: 0,
  byKind: {},
  problems: [],
};

const spansOf = (g: OverlapGold): readonly Span[] => (g.spans?.length ? g.spans : [[g.start, g.end]]);

export type GoldMatch = Readonly<{ index: number; overlap: number }>;

/**
 * The overlap protocol's greedy one-to-one matching: each gold claim, in order, takes the unused prediction
 * covering most of it, when that covers at least 0.3 of it; `null` where none does.
 */
export function matchGold(
  gold: readonly OverlapGold[],
  P: readonly Pick<ExtractedClaim, 'start' | 'end'>[],
): (GoldMatch | null)[] {
  const used = new Set<number>();
  return gold.map((g) => {
    const gs = spansOf(g);
    const gl = gs.reduce((n, [a, b]) => n + (b - a), 0);
    let best = -1;
    let bestOv = 0;
    P.forEach((c, i) => {
      if (used.has(i)) return;
      const ov = gs.reduce((n, [a, b]) => n + overlapLength(a, b, c.start, c.end), 0) / gl;
      if (ov > bestOv) {
        bestOv = ov;
        best = i;
      }
    });
    if (best < 0 || bestOv < 0.3) return null;
    used.add(best);
    return { index: best, overlap: bestOv };
  });
}

/** Scores one document with the overlap protocol. */
export function overlapCounts(
  text: string,
  gold: readonly OverlapGold[],
  extraction: Extraction,
): OverlapCounts {
  const P = scoredClaims(extraction);
  const matches = matchGold(gold, P);
  const byKind: Record<string, { gold: number; found: number }> = {};
  let matched = 0;
  let matchedStrict = 0;
  let exact = 0;
  let speakerOk = 0;
  let speakerNamedOk = 0;
  let speakerNamed = 0;
  gold.forEach((g, gi) => {
    const k = byKind[g.kind] ?? { gold: 0, found: 0 };
    byKind[g.kind] = k;
    k.gold++;
    const match = matches[gi];
    const c = match ? P[match.index] : undefined;
    if (!match || !c) return;
    matched++;
    k.found++;
    if (match.overlap >= 0.8) matchedStrict++;
    const [g0, g1] = trimSpan(text, g.start, g.end);
    const [p0, p1] = trimSpan(text, c.start, c.end);
    if (g0 === p0 && g1 === p1) exact++;
    const m = c.speakerMention;
    const mentionOk = !!m && (g.speakerSpans ?? []).some(([a, b]) => overlapLength(a, b, m.start, m.end) > 0);
    const names = predictedSpeakerNames(extraction, c);
    const nameOk = !g.speakerIsPronoun && names.some((n) => g.speakerNames.some((gn) => namesAgree(n, gn)));
    if (mentionOk || nameOk) speakerOk++;
    if (!g.speakerIsPronoun) {
      speakerNamed++;
      if (mentionOk || nameOk) speakerNamedOk++;
    }
  });
  return {
    docs: 1,
    gold: gold.length,
    pred: P.length,
    matched,
    matchedStrict,
    exact,
    speakerOk,
    speakerTotal: matched,
    speakerNamedOk,
    speakerNamed,
    byKind,
    problems: predictionProblems(text, extraction),
  };
}

/** Sums two count records field by field: numbers are added, lists joined. */
function addCounts<T extends Readonly<Record<string, unknown>>>(a: T, b: T): T {
  const sum: Record<string, unknown> = {};
  for (const [key, x] of Object.entries(a)) {
    const y = b[key];
    sum[key] = typeof x === 'number' ? x + (y as number) : Array.isArray(x) ? [...x, ...(y as unknown[])] : x;
  }
  return sum as T;
}

export function addOverlapCounts(a: OverlapCounts, b: OverlapCounts): OverlapCounts {
  const byKind: Record<string, { gold: number; found: number }> = {};
  for (const [kind, v] of [...Object.entries(a.byKind), ...Object.entries(b.byKind)]) {
    const k = byKind[kind] ?? { gold: 0, found: 0 };
    byKind[kind] = { gold: k.gold + v.gold, found: k.found + v.found };
  }
  return { ...addCounts(a, b), byKind };
}

export type OverlapMetrics = Readonly<{
  gold: number;
  pred: number;
  precision: number;
  recall: number;
  f1: number;
  strictRecall80: number;
  exactF1: number;
  speakerAcc: number;
  speakerAccNamed: number;
  recallByKind: Readonly<Record<string, number>>;
  problems: number;
}>;

const pct = (x: number): number => +(100 * x).toFixed(1);
const f1Of = (p: number, r: number): number => (2 * p * r) / (p + r || 1);

/** The official scorer's figures (percentages, one decimal) from summed counts. */
export function overlapMetrics(c: OverlapCounts): OverlapMetrics {
  const p = c.matched / (c.pred || 1);
  const r = c.matched / (c.gold || 1);
  const ep = c.exact / (c.pred || 1);
  const er = c.exact / (c.gold || 1);
  return {
    gold: c.gold,
    pred: c.pred,
    precision: pct(p),
    recall: pct(r),
    f1: pct(f1Of(p, r)),
    strictRecall80: pct(c.matchedStrict / (c.gold || 1)),
    exactF1: pct(f1Of(ep, er)),
    speakerAcc: pct(c.speakerOk / (c.speakerTotal || 1)),
    speakerAccNamed: pct(c.speakerNamedOk / (c.speakerNamed || 1)),
    recallByKind: Object.fromEntries(Object.entries(c.byKind).map(([k, v]) => [k, pct(v.found / v.gold)])),
    problems: c.problems.length,
  };
}

/** A PolNeAR quote as stored in `shared/corpora/polnear-train.json` (only the fields the protocol reads). */
export type PolnearQuote = Readonly<{
  start: number;
  end: number;
  spans?: readonly Span[];
  kind: string;
  speaker?: string | null;
  speakerStart?: number;
  speakerEnd?: number;
  speakerSpans?: readonly Span[];
  speakerIsPronoun?: boolean;
  reportingCue?: unknown;
}>;

/** PolNeAR gold as the official scorer keeps it: only attributions with a reporting cue and a source. */
export function overlapGoldFromPolnear(quotes: readonly PolnearQuote[]): OverlapGold[] {
  return quotes
    .filter((q) => q.reportingCue && q.speaker)
    .map((q) => {
      const speakerSpans: readonly Span[] | undefined = q.speakerSpans?.length
        ? q.speakerSpans
        : q.speakerStart !== undefined && q.speakerEnd !== undefined
          ? [[q.speakerStart, q.speakerEnd]]
          : undefined;
      return {
        start: q.start,
        end: q.end,
        kind: q.kind,
        speakerNames: [q.speaker ?? ''],
        ...(q.spans ? { spans: q.spans } : {}),
        ...(speakerSpans ? { speakerSpans } : {}),
        ...(q.speakerIsPronoun !== undefined ? { speakerIsPronoun: q.speakerIsPronoun } : {}),
      };
    });
}

/**
 * Fixture gold for the overlap protocol. Fixture gold names speakers by id, not by mention span, so a speaker is
 * judged by name: any of the predicted speaker's name and aliases agreeing with any of the gold speaker's.
 */
export function overlapGoldFromFixture(gold: Gold): OverlapGold[] {
  const byId = new Map(gold.speakers.map((s) => [s.id, s]));
  return gold.claims.map((c) => {
    const s = byId.get(c.speaker);
    return { start: c.start, end: c.end, kind: c.kind, speakerNames: s ? [s.name, ...s.aliases] : [] };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Seed protocol

export type SeedCounts = Readonly<{
  docs: number;
  gold: number;
  /** Gold claims covered ≥ 80 % by one predicted claim with the right speaker. */
  found: number;
  pred: number;
  /** Predicted claims with ≥ 50 % of their length inside gold claims of their speaker. */
  right: number;
  /** Predicted claims touching a boilerplate string. */
  boilerplateClaims: number;
  missed: readonly string[];
  wrong: readonly string[];
  problems: readonly string[];
}>;

export const emptySeedCounts: SeedCounts = {
  docs: 0,
  gold: 0,
  found: 0,
  pred: 0,
  right: 0,
  boilerplateClaims: 0,
  missed: [],
  wrong: [],
  problems: [],
};

/** Scores one document with the seed protocol. */
export function seedCounts(text: string, gold: Gold, extraction: Extraction): SeedCounts {
  const P = scoredClaims(extraction);
  const speakers = new Map(P.map((c) => [c, goldSpeakerOf(gold, extraction, c)]));
  const missed: string[] = [];
  const wrong: string[] = [];
  let found = 0;
  for (const g of gold.claims) {
    const hit = P.find(
      (c) =>
        overlapLength(g.start, g.end, c.start, c.end) / (g.end - g.start) >= 0.8 &&
        speakers.get(c) === g.speaker,
    );
    if (hit) found++;
    else missed.push(`#${g.n} ${g.speaker}: ${g.text.slice(0, 60)}`);
  }
  let right = 0;
  for (const c of P) {
    const sid = speakers.get(c);
    const inside = gold.claims
      .filter((g) => g.speaker === sid)
      .reduce((n, g) => n + overlapLength(g.start, g.end, c.start, c.end), 0);
    if (sid && inside / (c.end - c.start) >= 0.5) right++;
    else
      wrong.push(
        `${predictedSpeakerNames(extraction, c)[0] ?? 'no speaker'}: ${text.slice(c.start, c.end).slice(0, 60)}`,
      );
  }
  return {
    docs: 1,
    gold: gold.claims.length,
    found,
    pred: P.length,
    right,
    boilerplateClaims: claimsOnBoilerplate(text, gold.boilerplate, extraction).length,
    missed,
    wrong,
    problems: predictionProblems(text, extraction),
  };
}

export function addSeedCounts(a: SeedCounts, b: SeedCounts): SeedCounts {
  return addCounts(a, b);
}

export type SeedMetrics = Readonly<{
  recall: number;
  precision: number;
  boilerplateClaims: number;
  problems: number;
  /** The official scorer's OK: everything found, everything right, no boilerplate claim, no offset problem. */
  ok: boolean;
}>;

export function seedMetrics(c: SeedCounts): SeedMetrics {
  return {
    recall: pct(c.found / (c.gold || 1)),
    precision: pct(c.right / (c.pred || 1)),
    boilerplateClaims: c.boilerplateClaims,
    problems: c.problems.length,
    ok: c.found === c.gold && c.right === c.pred && c.boilerplateClaims === 0 && c.problems.length === 0,
  };
}
