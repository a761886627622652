import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseGold } from '../eval/corpus';
import { boilerplateRanges, seedCounts, seedMetrics } from '../eval/score';
import { extractClaims } from './pipeline';

const dir = fileURLToPath(new URL('../attribution/fixtures/rotherham/', import.meta.url));
const text = readFileSync(`${dir}article.txt`, 'utf8');
const gold = parseGold(JSON.parse(readFileSync(`${dir}gold.json`, 'utf8')));

describe('reference article (Rotherham)', () => {
  const x = extractClaims(text);
  const counts = seedCounts(text, gold, x);

  test('finds all 26 gold claims with the right speakers', () => {
    expect(counts.missed).toEqual([]);
    expect(counts.found).toBe(26);
  });

  test('every predicted claim is right', () => {
    expect(counts.wrong).toEqual([]);
    expect(seedMetrics(counts).ok).toBe(true);
  });

  test('no claim touches boilerplate, and every boilerplate string is marked', () => {
    expect(counts.boilerplateClaims).toBe(0);
    for (const [s, e] of boilerplateRanges(text, gold.boilerplate))
      expect(x.boilerplate.some((b) => b.start <= s && b.end >= e)).toBe(true);
  });

  test('the same in sentence granularity', () => {
    expect(seedMetrics(seedCounts(text, gold, extractClaims(text, { granularity: 'sentence' }))).ok).toBe(
      true,
    );
  });

  test('one entity per speaker, with roles', () => {
    const billings = x.speakers.find((s) => s.name === 'Alan Billings');
    expect(billings?.role).toBe('South Yorkshire Police and Crime Commissioner');
    expect(x.speakers.find((s) => s.name === 'James Cartlidge')?.role).toBe('Justice minister');
    expect(x.speakers.filter((s) => /Billings/.test(s.name))).toHaveLength(1);
  });
});
