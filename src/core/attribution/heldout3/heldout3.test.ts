import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractionFromGold, parseGold, scoreCorpus, scoreFixture, validateGold } from '../../eval/corpus';
import { boilerplateRanges, type Gold } from '../../eval/score';

// The third blind held-out set (heldout3/<slug>/article.txt + gold.json, the format and claim unit of heldout2/).
// This test checks only that the gold is sound. It never runs the extractor: the set is scored by hand with
// `scripts/score-fixtures.ts --dir`, and the figures live in heldout3/README.md, so that nothing here can turn
// into a target. See heldout3/README.md.

const here = fileURLToPath(new URL('./', import.meta.url));
const slugs = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const read = (slug: string, file: string): string => readFileSync(`${here}${slug}/${file}`, 'utf8');

/** Each fixture read on its own, so one malformed gold file fails its own test rather than the whole file. */
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
/** A transcript or Q&A prefix (`RP:`, `MORROW:`) or a stage direction (`(LAUGHTER)`) at a claim's edge. */
const TURN_EDGE = /^(?:\p{Lu}[\p{Lu} .'()-]*:|\()|\)$/u;

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

describe('third held-out set (heldout3)', () => {
  test('has at least 20 fixtures, none sharing a name with the dev fixtures or the earlier held-out sets', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(20);
    const other = new Set(
      ['../fixtures/', '../heldout/', '../heldout2/'].flatMap((d) =>
        readdirSync(fileURLToPath(new URL(d, import.meta.url))),
      ),
    );
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

    test('every speaker has at least one claim', () => {
      if (!gold) throw new Error(`${slug}: no gold`);
      const used = new Set(gold.claims.map((c) => c.speaker));
      expect(gold.speakers.map((s) => s.id).filter((id) => !used.has(id))).toEqual([]);
    });

    test('claim units follow the convention: trimmed, no enclosing marks, one run, no turn prefix', () => {
      if (!gold) throw new Error(`${slug}: no gold`);
      for (const c of gold.claims) {
        expect(c.text.trim(), `#${c.n}`).toBe(c.text);
        if (c.kind === 'direct') {
          expect(OPENING.test(c.text), `#${c.n} starts with a quotation mark`).toBe(false);
          expect(CLOSING.test(c.text), `#${c.n} ends with a quotation mark`).toBe(false);
        }
        // A headline keeps the marks of a quoted fragment (`rural wells need 'a real plan'`), never those of a
        // quotation that is the whole headline content.
        if (c.kind === 'headline')
          expect(OPENING.test(c.text) && CLOSING.test(c.text), `#${c.n} is wrapped in quotation marks`).toBe(
            false,
          );
        expect(RUN_OVER_CUE.test(c.text), `#${c.n} runs over a cue into another quotation`).toBe(false);
        expect(TURN_EDGE.test(c.text), `#${c.n} keeps a turn prefix or stage direction`).toBe(false);
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

  test('the checks can fail: a shifted span, an unknown speaker, an overlap, a run over a cue, a prefix', () => {
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
    expect(RUN_OVER_CUE.test('We changed every comma,” she said. “If the governor')).toBe(true);
    expect(RUN_OVER_CUE.test('he used to say, "The sea doesn\'t care how brave you are."')).toBe(false);
    expect(TURN_EDGE.test('HOLLINGSWORTH: Nobody is holding anything hostage.')).toBe(true);
    expect(TURN_EDGE.test('eleven o’clock. (LAUGHTER)')).toBe(true);
    expect(TURN_EDGE.test('CM: schools shut tomorrow')).toBe(true);
    expect(TURN_EDGE.test('No. But I worried too, if I’m honest.')).toBe(false);
  });
});
