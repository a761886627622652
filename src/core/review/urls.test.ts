import { describe, expect, test } from 'vitest';
import { checkSourceUrl, safeHref } from './urls';

describe('checkSourceUrl', () => {
  test('accepts http and https, adding https to a bare host', () => {
    expect(checkSourceUrl(' https://example.org/report?x=1 ')).toEqual({
      ok: true,
      url: 'https://example.org/report?x=1',
    });
    expect(checkSourceUrl('gov.uk/statistics')).toEqual({ ok: true, url: 'https://gov.uk/statistics' });
  });

  test.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    'ftp://example.org',
  ])('refuses %s', (bad) => {
    const check = checkSourceUrl(bad);
    expect(check.ok).toBe(false);
  });

  test('refuses empty and non-URLs with a reason', () => {
    expect(checkSourceUrl('   ')).toMatchObject({ ok: false });
    expect(checkSourceUrl('not a url')).toMatchObject({ ok: false, reason: 'That is not a web address.' });
  });

  test('safeHref renders only stored http(s) links', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('example.org')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
