import { describe, expect, test } from 'vitest';
import { article, claim, item, MAYOR, TEXT, UUID_URN } from '@/test/export-rows';
import { claimUrn } from './claim-urn';
import { webAnnotationOf } from './web-annotation';

describe('W3C Web Annotation', () => {
  test('a claim is an annotation on its article with quote and position selectors', () => {
    const c = claim(MAYOR);
    const a = webAnnotationOf(item(c));
    expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(a.type).toBe('Annotation');
    expect(a.id).toMatch(UUID_URN);
    expect(a.id).toBe(claimUrn(c.id));
    expect(a.target.source).toBe('https://news.example/bus-cuts');
    const [quote, position] = a.target.selector;
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: MAYOR,
      prefix: TEXT.slice(c.start - 32, c.start),
      suffix: TEXT.slice(c.end, c.end + 32),
    });
    expect(position).toEqual({ type: 'TextPositionSelector', start: c.start, end: c.end });
    expect(TEXT.slice(position.start, position.end)).toBe(quote.exact);
  });

  test('the body names the speaker and the verdict, and links sources', () => {
    const a = webAnnotationOf(item(claim(MAYOR)));
    expect(a.body).toContainEqual({ type: 'TextualBody', purpose: 'identifying', value: 'Jo Hart' });
    expect(a.body).toContainEqual({ type: 'TextualBody', purpose: 'tagging', value: 'verdict: False' });
    expect(a.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'linking',
      source: 'https://council.example/budget.pdf',
      relation: 'refutes',
    });
  });

  test('an article without an http(s) URL is identified by urn:sha256 of its text', () => {
    for (const url of [null, 'ftp://x.example/a']) {
      const a = webAnnotationOf(item(claim(MAYOR), { article: article({ url }) }));
      expect(a.target.source).toBe(`urn:sha256:${'a'.repeat(64)}`);
    }
  });
});
