import { describe, expect, test } from 'vitest';
import {
  countEntities,
  decodeEntities,
  looksEntityEscaped,
  looksLikeMarkdown,
  markdownToText,
} from './plain-text';

describe('decodeEntities', () => {
  test('decodes named, decimal and hex references, and leaves unknown ones', () => {
    expect(
      decodeEntities('&ldquo;Yes,&rdquo; said Jo &mdash; the union&#8217;s leader &#x1F600; &bogus; &amp;'),
    ).toBe('“Yes,” said Jo — the union’s leader 😀 &bogus; &');
  });
  test('refuses code points that are not characters', () => {
    expect(decodeEntities('&#0; &#xD800; &#9999999;')).toBe('&#0; &#xD800; &#9999999;');
  });
  test('text escaped as HTML is told from prose with one ampersand', () => {
    expect(countEntities('AT&amp;T &foo;')).toBe(1);
    expect(looksEntityEscaped('AT&amp;T said profits rose')).toBe(false);
    expect(looksEntityEscaped('&quot;Fine,&quot; she said.')).toBe(true);
    expect(looksEntityEscaped('Fish & chips; salt & vinegar.')).toBe(false);
  });
});

describe('markdownToText', () => {
  test('keeps the words of headings, quotes, links and emphasis, without their syntax', () => {
    const md = [
      '# Minister defends **budget**',
      '',
      '*By Staff Reporter*',
      '',
      '> "The budget is balanced," said [Finance Minister Ray Cole](https://example.com).',
      '',
      '- Item one',
      '',
      '---',
      '',
      'Kim Park said the `figures` were ~~right~~ wrong, not a snake_case_name. ![chart](c.png)',
      '',
      '[1]: https://example.com/ref',
    ].join('\n');
    expect(markdownToText(md)).toBe(
      [
        'Minister defends budget',
        '',
        'By Staff Reporter',
        '',
        '"The budget is balanced," said Finance Minister Ray Cole.',
        '',
        '- Item one',
        '',
        '',
        '',
        'Kim Park said the figures were right wrong, not a snake_case_name. chart',
        '',
      ].join('\n'),
    );
  });
  test('drops setext underlines but keeps the heading', () => {
    expect(markdownToText('Headline here\n=====\n\nBody.')).toBe('Headline here\n\nBody.');
  });
});

describe('looksLikeMarkdown', () => {
  test('needs two kinds of Markdown syntax', () => {
    expect(looksLikeMarkdown('# Title\n\nSee [this](https://x.org).')).toBe(true);
    expect(looksLikeMarkdown('# Title\n\nPlain prose.')).toBe(false);
    expect(looksLikeMarkdown('He said 5 * 3 = 15. "Yes," she said.')).toBe(false);
  });
});
