import { describe, expect, test } from 'vitest';
import { readableUrl, sourceLabel } from './source-label';

// explore21: a source attached with an address and no title was listed by its stored address:
// `https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC`, and a 1,700-character link filled the panel.
describe('a source with no title is named by its address as a person reads it', () => {
  test('escapes in the path decoded, the scheme and a bare "/" dropped', () => {
    expect(readableUrl('https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC#frag')).toBe(
      'xn--bcher-kva.example/straße?q=ü#frag',
    );
    expect(readableUrl('https://www.gov.uk/')).toBe('www.gov.uk');
    expect(readableUrl('http://example.org:8080/a%20b')).toBe('example.org:8080/a b');
  });

  test('a long address is shortened in the middle, to the length asked for', () => {
    const long = `https://example.org/${'very-long-path-segment/'.repeat(70)}end.pdf`;
    const shown = readableUrl(long);
    expect(shown).toHaveLength(80);
    expect(shown.startsWith('example.org/very-long-path-segment/')).toBe(true);
    expect(shown.endsWith('/end.pdf')).toBe(true);
    expect(shown).toContain('…');
  });

  test('escapes that would hide or reorder text, or that are broken, stay as stored', () => {
    expect(readableUrl('https://example.org/a%E2%80%AEfdp.exe')).toBe('example.org/a%E2%80%AEfdp.exe');
    expect(readableUrl('https://example.org/%E0%A4%A')).toBe('example.org/%E0%A4%A');
    expect(readableUrl('not a url')).toBe('not a url');
  });

  test('the title wins when there is one', () => {
    expect(sourceLabel({ title: 'Jay report', url: 'https://example.org/x' })).toBe('Jay report');
    expect(sourceLabel({ title: '  ', url: 'https://example.org/x%C3%A9' })).toBe('example.org/xé');
  });
});
