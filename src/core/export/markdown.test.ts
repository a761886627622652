import { describe, expect, test } from 'vitest';
import { article, CRITICS, claim, item, MAYOR, MINUS, source, speaker } from '@/test/export-rows';
import { escapeMarkdown, markdownLink, markdownReport } from './markdown';

describe('Markdown report', () => {
  const report = markdownReport(
    [
      item(claim(MAYOR)),
      item(claim(MINUS, { speakerId: null, kind: 'unattributed', verdict: 'unchecked', ratingNote: '' })),
      item(claim(CRITICS, { speakerId: 'sp-2' as never }), {
        speaker: speaker({ id: 'sp-2' as never, name: 'Critics', type: 'group', role: null }),
      }),
    ],
    { title: 'Council to cut bus routes' },
  );

  test('claims grouped by speaker, speakers by name, no-speaker last', () => {
    const headings = report.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Critics', '## Jo Hart — mayor', '## No speaker']);
  });

  test('verdict, rating note and sources as links', () => {
    expect(report).toContain('  - Verdict: **False**');
    expect(report).toContain('  - Rating note: The budget shows £0.5m.');
    expect(report).toContain(
      '  - Source, refutes: [Budget 2026 \\(draft\\)](https://council.example/budget.pdf) (County Council)',
    );
    expect(report).toContain(
      'Article: [Council to cut bus routes](https://news.example/bus-cuts) — The Courier, 2026\\-01\\-14',
    );
  });

  test('HTML and Markdown in claim text are escaped; no javascript: link survives', () => {
    expect(report).not.toContain('<script>');
    expect(report).toContain('&lt;script&gt;');
    expect(report).toContain('\\*hurt\\*');
    expect(report).toContain('\\[villages\\]\\(javascript:alert\\(1\\)\\)');
    expect(report).not.toMatch(/\]\(javascript:/);
    expect(report).toContain('“\\-5 degrees is the coldest night on record”');
  });

  test('links only for http(s); parentheses in an address cannot end the link early', () => {
    expect(markdownLink('x', 'javascript:alert(1)')).toBe('x');
    expect(markdownLink('x', 'data:text/html,hi')).toBe('x');
    expect(markdownLink('a', 'https://e.example/a_(b)')).toBe('[a](https://e.example/a_%28b%29)');
    expect(markdownLink('', null)).toBe('');
    const md = markdownReport(
      [
        item(claim(MAYOR), {
          links: [
            {
              evidence: item(claim(MAYOR)).links[0]!.evidence,
              source: source({ url: 'javascript:alert(1)', title: 'Bad' }),
            },
          ],
        }),
      ],
      { title: 't' },
    );
    expect(md).toContain('Source, refutes: Bad');
  });

  test('an article report names the article once; a view across articles names each claim’s article', () => {
    const other = article({ id: 'art-2' as never, title: 'Other', url: null });
    const md = markdownReport(
      [item(claim(MAYOR)), item(claim(MINUS, { articleId: 'art-2' as never }), { article: other })],
      {
        title: 'View',
      },
    );
    expect(md).toContain('2 claims from 2 articles.');
    expect(md).toContain('  - Article: Other');
    expect(escapeMarkdown('a\n\nb')).toBe('a b');
  });
});
