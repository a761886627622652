/**
 * The fixture corpus as a whole: reading a gold file, checking it, scoring every fixture with both protocols
 * (micro-averaged), the baseline ratchet, and a compact table. Pure: the callers read the files.
 */
import type { Extraction, SpeakerType } from '../extract/types';
import {
  addOverlapCounts,
  addSeedCounts,
  boilerplateRanges,
  emptyOverlapCounts,
  emptySeedCounts,
  type Gold,
  type GoldClaim,
  type GoldKind,
  type GoldSpeaker,
  goldSpeakersMatching,
  type OverlapCounts,
  overlapCounts,
  overlapGoldFromFixture,
  overlapLength,
  overlapMetrics,
  type SeedCounts,
  seedCounts,
  seedMetrics,
} from './score';

const SPEAKER_TYPES: readonly SpeakerType[] = ['person', 'group', 'organization', 'document', 'unknown'];
const GOLD_KINDS: readonly GoldKind[] = ['direct', 'indirect', 'mixed', 'headline'];

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';

/** Checks the shape of a parsed gold.json and returns it typed; throws with the first problem. */
export function parseGold(json: unknown): Gold {
  if (!isRecord(json)) throw new Error('gold: not an object');
  const { speakers, claims, boilerplate } = json;
  if (!Array.isArray(speakers) || !Array.isArray(claims) || !Array.isArray(boilerplate))
    throw new Error('gold: speakers, claims and boilerplate must be arrays');
  const goldSpeakers = speakers.map((s, i): GoldSpeaker => {
    if (!isRecord(s) || !isString(s.id) || !isString(s.name) || !Array.isArray(s.aliases))
      throw new Error(`gold: speaker ${i} needs id, name and aliases`);
    if (!SPEAKER_TYPES.includes(s.type as SpeakerType))
      throw new Error(`gold: speaker ${s.id} has type ${s.type}`);
    if (!s.aliases.every(isString)) throw new Error(`gold: speaker ${s.id} has a non-string alias`);
    return {
      id: s.id,
      name: s.name,
      type: s.type as SpeakerType,
      role: isString(s.role) ? s.role : null,
      aliases: s.aliases,
    };
  });
  const goldClaims = claims.map((c, i): GoldClaim => {
    if (!isRecord(c) || !isString(c.speaker) || !isString(c.text) || !isString(c.cue))
      throw new Error(`gold: claim ${i} needs speaker, text and cue`);
    if (typeof c.start !== 'number' || typeof c.end !== 'number')
      throw new Error(`gold: claim ${i} has no offsets (run scripts/fixture-gold.mjs)`);
    if (!GOLD_KINDS.includes(c.kind as GoldKind)) throw new Error(`gold: claim ${i} has kind ${c.kind}`);
    return {
      n: typeof c.n === 'number' ? c.n : i + 1,
      speaker: c.speaker,
      kind: c.kind as GoldKind,
      text: c.text,
      start: c.start,
      end: c.end,
      cue: c.cue,
      ...(isString(c.note) ? { note: c.note } : {}),
    };
  });
  if (!boilerplate.every(isString)) throw new Error('gold: boilerplate must be strings');
  return { speakers: goldSpeakers, claims: goldClaims, boilerplate };
}

/**
 * What is wrong with a gold annotation: offsets, texts, speaker references, boilerplate, overlapping claims, and
 * speakers the seed protocol could not tell apart: a name or alias that also matches another gold speaker makes
 * an extractor using that form uncreditable (titles such as "president" are ignored by the matcher).
 */
export function validateGold(text: string, gold: Gold): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const s of gold.speakers) {
    if (ids.has(s.id)) problems.push(`duplicate speaker id ${s.id}`);
    ids.add(s.id);
    for (const name of [s.name, ...s.aliases]) {
      const matches = goldSpeakersMatching(gold, name);
      if (matches.length !== 1 || matches[0] !== s.id)
        problems.push(`speaker ${s.id}: "${name}" matches ${matches.join(', ') || 'nobody'}`);
    }
  }
  gold.claims.forEach((c, i) => {
    const label = `claim #${c.n}`;
    if (!ids.has(c.speaker)) problems.push(`${label}: unknown speaker ${c.speaker}`);
    if (
      !Number.isInteger(c.start) ||
      !Number.isInteger(c.end) ||
      c.start < 0 ||
      c.end > text.length ||
      c.start >= c.end
    )
      problems.push(`${label}: bad offsets ${c.start}..${c.end}`);
    else if (text.slice(c.start, c.end) !== c.text)
      problems.push(`${label}: text != article.slice(start, end)`);
    if (!c.cue) problems.push(`${label}: empty cue`);
    const prev = gold.claims[i - 1];
    if (prev && prev.end > c.start) problems.push(`${label}: overlaps or precedes claim #${prev.n}`);
  });
  for (const b of gold.boilerplate) if (!text.includes(b)) problems.push(`boilerplate not in text: ${b}`);
  for (const [a, b] of boilerplateRanges(text, gold.boilerplate))
    for (const c of gold.claims)
      if (overlapLength(a, b, c.start, c.end) > 0)
        problems.push(`claim #${c.n} overlaps boilerplate at ${a}..${b}`);
  return problems;
}

export type FixtureScore = Readonly<{
  slug: string;
  overlap: OverlapCounts;
  seed: SeedCounts;
}>;

export function scoreFixture(slug: string, text: string, gold: Gold, extraction: Extraction): FixtureScore {
  return {
    slug,
    overlap: overlapCounts(text, overlapGoldFromFixture(gold), extraction),
    seed: seedCounts(text, gold, extraction),
  };
}

/** The figures the ratchet guards (percentages, one decimal). */
export type Figures = Readonly<{
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  seedRecall: number;
  seedPrecision: number;
}>;

export const FIGURE_NAMES: readonly (keyof Figures)[] = [
  'precision',
  'recall',
  'f1',
  'speakerAccuracy',
  'seedRecall',
  'seedPrecision',
];

export type CorpusScore = Readonly<{
  fixtures: readonly FixtureScore[];
  overlap: OverlapCounts;
  seed: SeedCounts;
  figures: Figures;
}>;

export function figuresOf(overlap: OverlapCounts, seed: SeedCounts): Figures {
  const o = overlapMetrics(overlap);
  const s = seedMetrics(seed);
  return {
    precision: o.precision,
    recall: o.recall,
    f1: o.f1,
    speakerAccuracy: o.speakerAcc,
    seedRecall: s.recall,
    seedPrecision: s.precision,
  };
}

/** Micro-average: counts summed over all fixtures, then the figures. */
export function scoreCorpus(fixtures: readonly FixtureScore[]): CorpusScore {
  const overlap = fixtures.reduce((a, f) => addOverlapCounts(a, f.overlap), emptyOverlapCounts);
  const seed = fixtures.reduce((a, f) => addSeedCounts(a, f.seed), emptySeedCounts);
  return { fixtures, overlap, seed, figures: figuresOf(overlap, seed) };
}

/** Reads baseline.json; a missing figure counts as 0. */
export function parseBaseline(json: unknown): Figures {
  const r = isRecord(json) ? json : {};
  const get = (k: keyof Figures): number => (typeof r[k] === 'number' ? (r[k] as number) : 0);
  return {
    precision: get('precision'),
    recall: get('recall'),
    f1: get('f1'),
    speakerAccuracy: get('speakerAccuracy'),
    seedRecall: get('seedRecall'),
    seedPrecision: get('seedPrecision'),
  };
}

/** The figures that fell below the baseline, as messages; empty when the ratchet holds. */
export function baselineRegressions(current: Figures, baseline: Figures): string[] {
  return FIGURE_NAMES.filter((k) => current[k] + 1e-9 < baseline[k]).map(
    (k) => `${k} ${current[k]} is below the baseline ${baseline[k]}`,
  );
}

/** The ratchet only goes up: each figure becomes the better of the two. */
export function raiseBaseline(current: Figures, baseline: Figures): Figures {
  return {
    precision: Math.max(current.precision, baseline.precision),
    recall: Math.max(current.recall, baseline.recall),
    f1: Math.max(current.f1, baseline.f1),
    speakerAccuracy: Math.max(current.speakerAccuracy, baseline.speakerAccuracy),
    seedRecall: Math.max(current.seedRecall, baseline.seedRecall),
    seedPrecision: Math.max(current.seedPrecision, baseline.seedPrecision),
  };
}

const cell = (s: string | number, w: number, left = false): string =>
  left ? String(s).padEnd(w) : String(s).padStart(w);

/** A compact fixed-width table: one row per fixture, then the micro-averaged total. */
export function formatScoreTable(score: CorpusScore): string {
  const w = Math.max(7, ...score.fixtures.map((f) => f.slug.length));
  const head = `${cell('fixture', w, true)}  gold  pred     P     R    F1  spk%  seedR seedP  boil`;
  const row = (name: string, o: OverlapCounts, s: SeedCounts): string => {
    const m = overlapMetrics(o);
    const sm = seedMetrics(s);
    return [
      cell(name, w, true),
      cell(o.gold, 5),
      cell(o.pred, 5),
      cell(m.precision, 5),
      cell(m.recall, 5),
      cell(m.f1, 5),
      cell(m.speakerAcc, 5),
      cell(sm.recall, 6),
      cell(sm.precision, 5),
      cell(s.boilerplateClaims, 5),
    ].join(' ');
  };
  return [
    head,
    ...score.fixtures.map((f) => row(f.slug, f.overlap, f.seed)),
    row('ALL (micro)', score.overlap, score.seed),
  ].join('\n');
}

/** What a perfect extractor would return: the gold claims with the gold speakers. */
export const extractionFromGold = (gold: Gold): Extraction => ({
  speakers: gold.speakers,
  claims: gold.claims.map((c) => ({
    id: `gold-${c.n}`,
    text: c.text,
    start: c.start,
    end: c.end,
    kind: c.kind,
    speakerId: c.speaker,
    speakerMention: null,
    cue: null,
    confidence: 1,
    checkworthy: { score: 0, signals: [] },
  })),
  boilerplate: [],
  version: 'gold',
});
