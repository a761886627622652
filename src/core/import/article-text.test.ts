import { describe, expect, test } from 'vitest';
import { articleText } from './article-text';

describe('articleText', () => {
  test('Markdown loses its syntax, entity-escaped text is decoded, the text is normalised as stored', () => {
    expect(articleText('\uFEFF# Head\r\n\r\nShe said it **will** rise.\r\n', 'markdown')).toEqual({
      ok: true,
      value: { text: 'Head\n\nShe said it will rise.', title: null },
    });
    expect(articleText('Tom &amp; Ann said &quot;no&quot; &mdash; twice.', 'text')).toMatchObject({
      ok: true,
      value: { text: 'Tom & Ann said "no" — twice.' },
    });
  });

  test('HTML goes through the reader it is given; no words in it is refused as empty', () => {
    const reader = (html: string) => ({ text: html.replace(/<[^>]*>/g, ''), title: 'T' });
    expect(articleText('<p>He said so.</p>', 'html', reader)).toEqual({
      ok: true,
      value: { text: 'He said so.', title: 'T' },
    });
    expect(articleText('<img src=x>', 'html', reader)).toMatchObject({
      ok: false,
      problem: { code: 'empty' },
    });
    expect(() => articleText('<p>x</p>', 'html')).toThrow(/needs an htmlToText/);
  });

  test('empty or binary input is refused before any reading', () => {
    expect(articleText('  \n', 'html')).toMatchObject({ ok: false, problem: { code: 'empty' } });
    expect(articleText('a\u0000b'.repeat(10), 'text')).toMatchObject({
      ok: false,
      problem: { code: 'binary' },
    });
  });
});
