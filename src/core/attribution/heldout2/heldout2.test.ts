import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  extractionFromGold,
  type FixtureScore,
  formatScoreTable,
  parseGold,
  scoreCorpus,
  scoreFixture,
  validateGold,
} from '../../eval/corpus';
import {
  boilerplateRanges,
  claimsOnBoilerplate,
  type Gold,
  type GoldKind,
  overlapMetrics,
  predictionProblems,
  seedCounts,
} from '../../eval/score';
import { extractClaims } from '../../extract/pipeline';

// The second blind held-out set (heldout2/<slug>/article.txt + gold.json, the format of fixtures/ and heldout/),
// written by a helper who never read the extractor's rules, in styles neither earlier set uses. This test checks
// that the gold is sound, then scores the set with the current extractor and LOGS the figures. Apart from one
// sanity floor far below the measured figures (see below), nothing is asserted about accuracy: the set must never
// become a tuning target. See heldout2/README.md.

const here = fileURLToPath(new URL('./', import.meta.url));
const slugs = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const read = (slug: string, file: string): string => readFileSync(`${here}${slug}/${file}`, 'utf8');

/** Each fixture read independently, so one malformed gold file fails its own test rather than the whole file. */
const loaded = slugs.map((slug) => {
  const text = read(slug, 'article.txt');
  try {
    return { slug, text, gold: parseGold(JSON.parse(read(slug, 'gold.json'))), error: null };
  } catch (e) {
    return { slug, text, gold: null, error: e instanceof Error ? e.message : String(e) };
  }
});
const fixtures = loaded.flatMap((f) => (f.gold ? [{ slug: f.slug, text: f.text, gold: f.gold }] : []));

const OPENING = /^["“‘'«]/;
const CLOSING = /["”’'»]$/;
/** `,” she said. “` inside one claim: a direct claim ran over its cue into the next quotation-mark run. */
const RUN_OVER_CUE = /[,.!?—-]["”’]\s+[^"“”‘’]{1,80}?\s+["“‘]\p{Lu}/u;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

describe('second held-out set (heldout2)', () => {
  test('has at least 30 fixtures, none sharing a name with the dev fixtures or the first held-out set', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(30);
    const other = new Set([
      ...readdirSync(fileURLToPath(new URL('../fixtures/', import.meta.url))),
      ...readdirSync(fileURLToPath(new URL('../heldout/', import.meta.url))),
    ]);
    expect(slugs.filter((s) => other.has(s))).toEqual([]);
  });

  describe.each(loaded)('$slug', ({ slug, text, gold, error }) => {
    test('gold.json parses', () => {
      expect(error).toBeNull();
      expect(gold?.claims.length).toBeGreaterThan(0);
    });

    test('article is 250 to 900 words', () => {
      const words = wordCount(text);
      expect(words).toBeGreaterThanOrEqual(250);
      expect(words).toBeLessThanOrEqual(900);
    });

    test('every claim is the exact slice of the article, names a known speaker, and claims do not overlap', () => {
      if (!gold) throw new Error(`${slug}: no gold`);
      expect(validateGold(text, gold)).toEqual([]);
      const ids = new Set(gold.speakers.map((s) => s.id));
      let prevEnd = 0;
      for (const c of gold.claims) {
        expect(text.slice(c.start, c.end)).toBe(c.text);
        expect(ids.has(c.speaker)).toBe(true);
        expect(c.start).toBeGreaterThanOrEqual(prevEnd);
        prevEnd = c.end;
      }
    });

    test('claim units follow the convention: no outer whitespace, no enclosing quotation marks, one run each', () => {
      if (!gold) throw new Error(`${slug}: no gold`);
      for (const c of gold.claims) {
        expect(c.text.trim(), `#${c.n}`).toBe(c.text);
        if (c.kind === 'direct' || c.kind === 'headline') {
          expect(OPENING.test(c.text), `#${c.n} starts with a quotation mark`).toBe(false);
          expect(CLOSING.test(c.text), `#${c.n} ends with a quotation mark`).toBe(false);
        }
        expect(RUN_OVER_CUE.test(c.text), `#${c.n} runs over a cue into another quotation`).toBe(false);
      }
    });

    test('boilerplate strings occur in the article and no gold claim touches them', () => {
      if (!gold) throw new Error(`${slug}: no gold`);
      for (const b of gold.boilerplate) expect(text).toContain(b);
      for (const [a, b] of boilerplateRanges(text, gold.boilerplate))
        for (const c of gold.claims) expect(c.end <= a || c.start >= b, `#${c.n} in boilerplate`).toBe(true);
    });
  });

  test('the gold is reachable: a perfect extraction scores 100 on both protocols', () => {
    const perfect = scoreCorpus(
      fixtures.map((f) => scoreFixture(f.slug, f.text, f.gold, extractionFromGold(f.gold))),
    );
    expect(Object.values(perfect.figures).every((v) => v === 100)).toBe(true);
    expect(perfect.seed.boilerplateClaims).toBe(0);
  });

  test('the validator can fail: a shifted span, an unknown speaker and an overlap are all reported', () => {
    const f = fixtures[0];
    if (!f) throw new Error('no fixtures');
    const [a, b] = f.gold.claims;
    if (!a || !b) throw new Error('first fixture needs two claims');
    const broken: Gold = {
      ...f.gold,
      claims: [
        { ...a, start: a.start + 1, end: a.end + 1 },
        { ...b, speaker: 'nobody-at-all', start: a.start, end: b.end, text: f.text.slice(a.start, b.end) },
      ],
    };
    const problems = validateGold(f.text, broken).join('\n');
    expect(problems).toMatch(/text != article\.slice/);
    expect(problems).toMatch(/unknown speaker nobody-at-all/);
    expect(problems).toMatch(/overlaps or precedes/);
    expect(RUN_OVER_CUE.test('I found out from a text,” she fumed. “Fourteen years')).toBe(true);
    expect(RUN_OVER_CUE.test('he said to me, ‘Be honest, you’d be ringing in sick.’')).toBe(false);
  });

  test('scores the set with the current extractor and logs the figures (measured, not tuned against)', () => {
    const runs = fixtures.map((f) => ({ ...f, extraction: extractClaims(f.text) }));
    for (const r of runs) expect(predictionProblems(r.text, r.extraction), r.slug).toEqual([]);
    const scores: FixtureScore[] = runs.map((r) => scoreFixture(r.slug, r.text, r.gold, r.extraction));
    const score = scoreCorpus(scores);
    const overlap = overlapMetrics(score.overlap);

    // Seed recall per kind: whether a gold claim is found depends only on that claim and the predictions.
    const seedByKind: Record<string, { gold: number; found: number }> = {};
    for (const r of runs)
      for (const kind of new Set(r.gold.claims.map((c) => c.kind))) {
        const only: Gold = { ...r.gold, claims: r.gold.claims.filter((c) => c.kind === kind) };
        const s = seedCounts(r.text, only, r.extraction);
        const k = seedByKind[kind] ?? { gold: 0, found: 0 };
        seedByKind[kind] = { gold: k.gold + s.gold, found: k.found + s.found };
      }
    const pct = (n: number, d: number): number => +((100 * n) / (d || 1)).toFixed(1);
    const boilerplate = runs.flatMap((r) =>
      claimsOnBoilerplate(r.text, r.gold.boilerplate, r.extraction).map((c) => `${r.slug}: ${c.text}`),
    );
    console.log(
      [
        'second held-out set (heldout2)',
        formatScoreTable(score),
        `figures ${JSON.stringify(score.figures)}`,
        `overlap exactF1 ${overlap.exactF1} strictRecall80 ${overlap.strictRecall80} speakerAccNamed ${overlap.speakerAccNamed}`,
        `overlap recall by kind ${JSON.stringify(overlap.recallByKind)}`,
        `seed recall by kind ${JSON.stringify(
          Object.fromEntries(
            (['direct', 'indirect', 'mixed', 'headline'] as GoldKind[]).map((k) => [
              k,
              `${pct(seedByKind[k]?.found ?? 0, seedByKind[k]?.gold ?? 0)} (${seedByKind[k]?.found ?? 0}/${seedByKind[k]?.gold ?? 0})`,
            ]),
          ),
        )}`,
        `predicted claims on boilerplate: ${boilerplate.length ? boilerplate.join(' | ') : 'none'}`,
      ].join('\n'),
    );
    expect(score.fixtures.length).toBe(fixtures.length);
    // Sanity floor only, not a ratchet: engine 439d663 scores overlap F1 78.3 and seed recall 76.7 here (README).
    // A floor of 40 lies far below both, so ordinary engine work never trips it; it fails only when the
    // extractor or the loader is broken outright (no claims, every claim misplaced, gold offsets out of step).
    expect(score.figures.f1).toBeGreaterThan(40);
    expect(score.figures.seedRecall).toBeGreaterThan(40);
  }, 60_000); // 30 articles extracted and scored: well under a second idle, 6.5 s was seen on a loaded machine
});
