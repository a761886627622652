import { describe, expect, test } from 'vitest';
import { article, CRITICS, claim, item, MAYOR, source } from '@/test/export-rows';
import { claimDocument } from './json-claims';
import { renderExport } from './render';
import { DEFAULT_EXPORT_SETTINGS } from './settings';

async function rendered(items: ReturnType<typeof item>[]): Promise<string> {
  let out = '';
  const options = { settings: DEFAULT_EXPORT_SETTINGS, title: 'All claims' };
  for await (const chunk of renderExport('json', [items.slice(0, 1), items.slice(1)], options)) out += chunk;
  return out;
}

describe('JSON claim list', () => {
  test('one object per claim: numbers as numbers, tags and sources as arrays, the speaker and article nested', () => {
    const doc = claimDocument(item(claim(MAYOR, { tags: ['budget', 'buses'], verdict: 'false' })));
    expect(doc).toMatchObject({
      text: MAYOR,
      article: { id: 'art-1', title: 'Council to cut bus routes', url: 'https://news.example/bus-cuts' },
      speaker: { name: 'Jo Hart', type: 'person', role: 'mayor' },
      verdict: 'false',
      verdictLabel: 'False',
      tags: ['budget', 'buses'],
      sources: [
        {
          relation: 'refutes',
          url: 'https://council.example/budget.pdf',
          title: 'Budget 2026 (draft)',
          passage: 'Savings: £0.5m',
        },
      ],
    });
    expect(typeof doc.start).toBe('number');
    expect(typeof doc.checkworthy.score).toBe('number');
    expect(doc.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('a claim without a speaker or sources has null and an empty list, not empty strings', () => {
    const doc = claimDocument(item(claim(CRITICS, { speakerId: null })));
    expect(doc.speaker).toBeNull();
    expect(doc.sources).toEqual([]);
  });

  test('only http(s) links: a javascript: source or article address is left out', () => {
    const c = claim(MAYOR);
    const doc = claimDocument(
      item(c, {
        article: article({ url: 'javascript:alert(1)' }),
        links: [{ evidence: item(c).links[0]!.evidence, source: source({ url: 'javascript:alert(1)' }) }],
      }),
    );
    expect(doc.article.url).toBeNull();
    expect(doc.sources[0]!.url).toBeNull();
  });

  test('the file parses back as an array of every claim, pages joined, hostile text kept as text', async () => {
    const out = await rendered([item(claim(MAYOR)), item(claim(CRITICS))]);
    expect(out).not.toContain('</script>');
    const parsed = JSON.parse(out) as { text: string }[];
    expect(parsed.map((d) => d.text)).toEqual([MAYOR, CRITICS]);
  });

  test('no claims: an empty array', async () => {
    expect(JSON.parse(await rendered([]))).toEqual([]);
  });
});
