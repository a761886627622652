import { describe, expect, test } from 'vitest';
import type { ClaimKind, ExtractedClaim, ExtractedSpeaker, Extraction } from '../extract/types';
import {
  baselineRegressions,
  parseBaseline,
  parseGold,
  raiseBaseline,
  scoreCorpus,
  scoreFixture,
  validateGold,
} from './corpus';
import {
  addOverlapCounts,
  claimsOnBoilerplate,
  emptyOverlapCounts,
  type Gold,
  goldSpeakerOf,
  namesAgree,
  normalizeName,
  type OverlapGold,
  overlapCounts,
  overlapGoldFromFixture,
  overlapGoldFromPolnear,
  overlapMetrics,
  predictionProblems,
  seedCounts,
  seedMetrics,
  seedNameAgrees,
  trimSpan,
} from './score';

// A tiny article: offsets are computed, never counted.
const TEXT = [
  'Mayor says budget is balanced',
  'Read more',
  '“The budget is balanced,” said Mayor Ann Lee. “We owe nothing.”',
  'The council’s auditor, Tom Ruiz, said the figures were incomplete.',
].join('\n');
const at = (s: string, from = 0): [number, number] => {
  const i = TEXT.indexOf(s, from);
  if (i < 0) throw new Error(`not in TEXT: ${s}`);
  return [i, i + s.length];
};

const GOLD: Gold = {
  speakers: [
    {
      id: 'ann-lee',
      name: 'Ann Lee',
      type: 'person',
      role: 'mayor',
      aliases: ['Mayor Ann Lee', 'Lee', 'Mayor'],
    },
    {
      id: 'tom-ruiz',
      name: 'Tom Ruiz',
      type: 'person',
      role: 'auditor',
      aliases: ['Ruiz', 'The council’s auditor'],
    },
  ],
  claims: [
    ['ann-lee', 'headline', 'budget is balanced'],
    ['ann-lee', 'direct', 'The budget is balanced,'],
    ['ann-lee', 'direct', 'We owe nothing.'],
    ['tom-ruiz', 'indirect', 'the figures were incomplete'],
  ].map(([speaker, kind, text], i) => {
    const [start, end] = at(text as string, i === 1 ? 40 : 0);
    return {
      n: i + 1,
      speaker: speaker as string,
      kind: kind as 'direct',
      text: text as string,
      start,
      end,
      cue: 'said',
    };
  }),
  boilerplate: ['Read more'],
};

let nextId = 0;
const sp = (name: string, aliases: string[] = []): ExtractedSpeaker => ({
  id: `s-${name}`,
  name,
  type: 'person',
  role: null,
  aliases,
});
const claim = (
  [start, end]: readonly [number, number],
  speaker: ExtractedSpeaker | null,
  extra: Partial<ExtractedClaim> = {},
): ExtractedClaim => ({
  id: `c${nextId++}`,
  text: TEXT.slice(start, end),
  start,
  end,
  kind: 'direct' as ClaimKind,
  speakerId: speaker?.id ?? null,
  speakerMention: null,
  cue: null,
  confidence: 1,
  checkworthy: { score: 0, signals: [] },
  ...extra,
});
const extraction = (claims: ExtractedClaim[], speakers: ExtractedSpeaker[]): Extraction => ({
  claims,
  speakers,
  boilerplate: [],
  version: 'test',
});
const EMPTY = extraction([], []);
const lee = sp('Ann Lee', ['Mayor Ann Lee']);
const ruiz = sp('Tom Ruiz');
const PERFECT = extraction(
  GOLD.claims.map((g) => claim([g.start, g.end], g.speaker === 'ann-lee' ? lee : ruiz)),
  [lee, ruiz],
);

describe('names', () => {
  test('normalizeName drops titles, "the", possessives and punctuation', () => {
    expect(normalizeName('Dr. Alan Billings')).toBe('alan billings');
    expect(normalizeName('The council’s auditor')).toBe('council auditor');
    expect(normalizeName('Sen. Harold Kimbrough, R-Ariz.')).toBe('harold kimbrough r ariz');
  });

  test('namesAgree (overlap protocol): equal, containment, or same last name', () => {
    expect(namesAgree('Ms Okafor', 'Bernadette Okafor')).toBe(true);
    expect(namesAgree('the group', 'a group of councillors')).toBe(true);
    expect(namesAgree('Lee', 'Ann Lee')).toBe(true);
    expect(namesAgree('Ann Lee', 'Tom Ruiz')).toBe(false);
    expect(namesAgree('Dr', 'Ann Lee')).toBe(false);
  });

  test('seedNameAgrees: last name only for people; containment only for two-word names', () => {
    expect(seedNameAgrees('Ms Lee', 'Ann Lee', 'person')).toBe(true);
    expect(seedNameAgrees('Ms Lee', 'Ann Lee', 'organization')).toBe(false);
    expect(seedNameAgrees('council', 'Brackenridge council', 'organization')).toBe(false);
    expect(seedNameAgrees('Brackenridge council', 'Brackenridge council offices', 'organization')).toBe(true);
    expect(seedNameAgrees('Li', 'Ann Li', 'person')).toBe(false);
  });

  test('goldSpeakerOf decides by name first, then by aliases, and refuses ambiguity', () => {
    const c = (s: ExtractedSpeaker) => claim(at('We owe nothing.'), s);
    expect(goldSpeakerOf(GOLD, extraction([], [lee]), c(lee))).toBe('ann-lee');
    const byAlias = sp('the official', ['Tom Ruiz']);
    expect(goldSpeakerOf(GOLD, extraction([], [byAlias]), c(byAlias))).toBe('tom-ruiz');
    const both = sp('someone', ['Lee', 'Ruiz']);
    expect(goldSpeakerOf(GOLD, extraction([], [both]), c(both))).toBeUndefined();
    expect(goldSpeakerOf(GOLD, EMPTY, claim(at('We owe nothing.'), null))).toBeUndefined();
  });

  test('trimSpan skips quotation marks, punctuation and spaces at both ends', () => {
    const [s, e] = trimSpan(TEXT, ...at('“The budget is balanced,” '));
    expect(TEXT.slice(s, e)).toBe('The budget is balanced');
  });
});

describe('overlap protocol', () => {
  const G = overlapGoldFromFixture(GOLD);

  test('a perfect extraction scores 100 everywhere', () => {
    const m = overlapMetrics(overlapCounts(TEXT, G, PERFECT));
    expect(m).toMatchObject({ precision: 100, recall: 100, f1: 100, strictRecall80: 100, exactF1: 100 });
    expect(m.speakerAcc).toBe(100);
    expect(m.recallByKind).toEqual({ headline: 100, direct: 100, indirect: 100 });
  });

  test('no predictions: zeros, no division by zero', () => {
    const m = overlapMetrics(overlapCounts(TEXT, G, EMPTY));
    expect(m).toMatchObject({ gold: 4, pred: 0, precision: 0, recall: 0, f1: 0, speakerAcc: 0 });
  });

  test('no gold: every prediction is a false positive', () => {
    const m = overlapMetrics(overlapCounts(TEXT, [], PERFECT));
    expect(m).toMatchObject({ gold: 0, pred: 4, precision: 0, recall: 0, f1: 0 });
  });

  test('matching is one-to-one: one long prediction over two gold claims matches only one', () => {
    const [s] = at('The budget is balanced,”');
    const [, e] = at('We owe nothing.');
    const c = overlapCounts(TEXT, G.slice(1, 3), extraction([claim([s, e], lee)], [lee]));
    expect(c).toMatchObject({ gold: 2, pred: 1, matched: 1, matchedStrict: 1, exact: 0 });
  });

  test('overlapping predictions: the second one over the same gold claim stays unmatched', () => {
    const [s, e] = at('the figures were incomplete');
    const c = overlapCounts(
      TEXT,
      G.slice(3),
      extraction([claim([s, e], ruiz), claim([s + 4, e], ruiz)], [ruiz]),
    );
    expect(overlapMetrics(c)).toMatchObject({ precision: 50, recall: 100 });
  });

  test('greedy: each gold claim takes the unused prediction covering most of it', () => {
    const [s, e] = at('the figures were incomplete'); // 27 characters
    const small = claim([s, s + 9], ruiz);
    const big = claim([s, e - 3], ruiz); // 24/27 ≥ 0.8
    const c = overlapCounts(TEXT, G.slice(3), extraction([small, big], [ruiz]));
    expect(c.matched).toBe(1);
    expect(c.matchedStrict).toBe(1); // the big one was taken, although listed second
  });

  test('a match needs overlap of at least 30% of the gold length', () => {
    const [s] = at('the figures were incomplete'); // 27 characters: 8 is 29.6 %, 9 is 33.3 %
    expect(overlapCounts(TEXT, G.slice(3), extraction([claim([s, s + 8], ruiz)], [ruiz])).matched).toBe(0);
    expect(overlapCounts(TEXT, G.slice(3), extraction([claim([s, s + 9], ruiz)], [ruiz])).matched).toBe(1);
  });

  test('exact span after trimming quotes and punctuation', () => {
    const c = overlapCounts(
      TEXT,
      G.slice(1, 2),
      extraction([claim(at('“The budget is balanced,”', 40), lee)], [lee]),
    );
    expect(c.exact).toBe(1);
  });

  test('speaker: by name agreement, by mention span, never by name for a pronoun', () => {
    const span = at('the figures were incomplete');
    const [ms, me] = at('Tom Ruiz');
    const mention = { start: ms, end: me, text: 'Tom Ruiz' };
    const pron: OverlapGold = {
      start: span[0],
      end: span[1],
      kind: 'indirect',
      speakerNames: ['Ruiz'],
      speakerSpans: [[ms, me]],
      speakerIsPronoun: true,
    };
    const wrongName = sp('Ann Lee');
    expect(overlapCounts(TEXT, [pron], extraction([claim(span, wrongName)], [wrongName])).speakerOk).toBe(0);
    expect(
      overlapCounts(
        TEXT,
        [pron],
        extraction([claim(span, wrongName, { speakerMention: mention })], [wrongName]),
      ).speakerOk,
    ).toBe(1);
    const named: OverlapGold = { ...pron, speakerIsPronoun: false, speakerSpans: [] };
    const mr = sp('Mr Ruiz');
    const c = overlapCounts(TEXT, [named], extraction([claim(span, mr)], [mr]));
    expect(c).toMatchObject({ speakerOk: 1, speakerNamedOk: 1, speakerNamed: 1 });
  });

  test('unattributed claims are not scored', () => {
    const c = overlapCounts(
      TEXT,
      G,
      extraction([claim(at('The council’s auditor'), null, { kind: 'unattributed' })], []),
    );
    expect(c.pred).toBe(0);
  });

  test('counts add up across documents (micro-average)', () => {
    const a = overlapCounts(TEXT, G, PERFECT);
    const b = overlapCounts(TEXT, G, EMPTY);
    const sum = [a, b].reduce(addOverlapCounts, emptyOverlapCounts);
    expect(overlapMetrics(sum)).toMatchObject({ precision: 100, recall: 50, f1: 66.7 });
    expect(sum.docs).toBe(2);
  });

  test('PolNeAR gold keeps only attributions with a reporting cue and a source', () => {
    const g = overlapGoldFromPolnear([
      { start: 0, end: 5, kind: 'direct', speaker: 'X', reportingCue: true, speakerStart: 7, speakerEnd: 8 },
      { start: 0, end: 5, kind: 'direct', speaker: 'X', reportingCue: false },
      { start: 0, end: 5, kind: 'direct', speaker: null, reportingCue: true },
    ]);
    expect(g).toEqual([{ start: 0, end: 5, kind: 'direct', speakerNames: ['X'], speakerSpans: [[7, 8]] }]);
  });
});

describe('seed protocol', () => {
  test('a perfect extraction is OK', () => {
    expect(seedMetrics(seedCounts(TEXT, GOLD, PERFECT))).toEqual({
      recall: 100,
      precision: 100,
      boilerplateClaims: 0,
      problems: 0,
      ok: true,
    });
  });

  test('no predictions, no gold', () => {
    expect(seedMetrics(seedCounts(TEXT, GOLD, EMPTY))).toMatchObject({ recall: 0, precision: 0, ok: false });
    const none: Gold = { ...GOLD, claims: [] };
    expect(seedMetrics(seedCounts(TEXT, none, EMPTY))).toMatchObject({ recall: 0, precision: 0, ok: true });
    expect(seedMetrics(seedCounts(TEXT, none, PERFECT))).toMatchObject({ precision: 0, ok: false });
  });

  test('found needs 80% coverage by one claim with the right speaker', () => {
    const [s, e] = at('the figures were incomplete'); // 27: 22 covers 81 %, 21 covers 78 %
    const one = (end: number, who: ExtractedSpeaker) =>
      seedCounts(TEXT, { ...GOLD, claims: GOLD.claims.slice(3) }, extraction([claim([s, end], who)], [who]))
        .found;
    expect(one(s + 22, ruiz)).toBe(1);
    expect(one(s + 21, ruiz)).toBe(0);
    expect(one(e, lee)).toBe(0);
  });

  test('one long prediction can find several gold claims (not one-to-one)', () => {
    const [s] = at('The budget is balanced,”');
    const [, e] = at('We owe nothing.');
    const c = seedCounts(TEXT, GOLD, extraction([claim([s, e], lee)], [lee]));
    expect(c).toMatchObject({ found: 2, right: 1, pred: 1 });
  });

  test('a prediction is right when half of it lies inside gold claims of its speaker', () => {
    const [s, e] = at('said the figures were incomplete.'); // 33 characters, 27 inside the gold claim
    expect(seedCounts(TEXT, GOLD, extraction([claim([s, e], ruiz)], [ruiz])).right).toBe(1);
    const [s2] = at('The council’s auditor');
    expect(seedCounts(TEXT, GOLD, extraction([claim([s2, e], ruiz)], [ruiz])).right).toBe(0);
    expect(seedCounts(TEXT, GOLD, extraction([claim([s, e], null)], [])).wrong).toHaveLength(1);
  });

  test('claims on boilerplate are counted', () => {
    const bad = extraction([claim(at('Read more'), lee)], [lee]);
    expect(seedCounts(TEXT, GOLD, bad).boilerplateClaims).toBe(1);
    expect(claimsOnBoilerplate(TEXT, GOLD.boilerplate, bad)).toHaveLength(1);
  });

  test('offset problems are reported', () => {
    const off = extraction([{ ...claim(at('We owe nothing.'), lee), text: 'something else' }], [lee]);
    expect(predictionProblems(TEXT, off)).toEqual([expect.stringContaining('text != text.slice')]);
    const out = extraction([{ ...claim(at('We owe nothing.'), lee), end: TEXT.length + 5 }], [lee]);
    expect(predictionProblems(TEXT, out)).toEqual([expect.stringContaining('bad offsets')]);
  });
});

describe('corpus', () => {
  test('validateGold accepts good gold and names each problem', () => {
    expect(validateGold(TEXT, GOLD)).toEqual([]);
    const [first, ...rest] = GOLD.claims;
    const broken: Gold = {
      speakers: [...GOLD.speakers, { id: 'lee-2', name: 'Bo Lee', type: 'person', role: null, aliases: [] }],
      claims: [{ ...first!, speaker: 'nobody', end: first!.end + 1 }, ...rest],
      boilerplate: ['Share this', 'owe nothing'],
    };
    const problems = validateGold(TEXT, broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('unknown speaker nobody'),
        expect.stringContaining('text != article.slice'),
        'boilerplate not in text: Share this',
        expect.stringContaining('overlaps boilerplate'),
        expect.stringContaining('speaker lee-2'),
      ]),
    );
  });

  test('parseGold checks the shape', () => {
    expect(parseGold(JSON.parse(JSON.stringify(GOLD)))).toEqual(GOLD);
    expect(() =>
      parseGold({ speakers: [], claims: [{ speaker: 'x', text: 'y', cue: 'z' }], boilerplate: [] }),
    ).toThrow(/offsets/);
  });

  test('scoreCorpus micro-averages both protocols', () => {
    const score = scoreCorpus([scoreFixture('a', TEXT, GOLD, PERFECT), scoreFixture('b', TEXT, GOLD, EMPTY)]);
    expect(score.figures).toEqual({
      precision: 100,
      recall: 50,
      f1: 66.7,
      speakerAccuracy: 100,
      seedRecall: 50,
      seedPrecision: 100,
    });
  });

  test('the baseline is a ratchet', () => {
    const base = parseBaseline({ precision: 50, recall: 40, about: 'x' });
    expect(base.f1).toBe(0);
    const now = { ...base, precision: 49.9, recall: 60 };
    expect(baselineRegressions(now, base)).toEqual(['precision 49.9 is below the baseline 50']);
    expect(raiseBaseline(now, base)).toMatchObject({ precision: 50, recall: 60 });
  });
});
