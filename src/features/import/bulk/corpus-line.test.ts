import { describe, expect, test } from 'vitest';
import { parseCorpusLine } from './corpus-line';

describe('parseCorpusLine', () => {
  test('reads every field; only text is required', () => {
    expect(
      parseCorpusLine(
        JSON.stringify({
          id: 7,
          title: ' T ',
          url: 'https://x.example/a',
          outlet: 'O',
          date: '2026-01-01',
          text: 'Body',
        }),
      ),
    ).toEqual({
      ok: true,
      record: {
        id: '7',
        title: 'T',
        url: 'https://x.example/a',
        outlet: 'O',
        date: '2026-01-01',
        text: 'Body',
      },
    });
    expect(parseCorpusLine('{"text":"Body"}')).toEqual({
      ok: true,
      record: { id: null, title: null, url: null, outlet: null, date: null, text: 'Body' },
    });
  });

  test.each([
    ['{not json', 'not valid JSON'],
    ['[1]', 'not a JSON object'],
    ['{"title":"x"}', 'has no "text" string'],
    ['{"text":"  "}', 'the text is empty'],
    ['{"text":"a","body":"b"}', 'unknown field "body"'],
    ['{"text":"a","title":{"x":1}}', '"title" is not a string'],
    ['{"text":"a","__proto__":{"polluted":1}}', 'forbidden key'],
  ])('%s is refused: %s', (line, reason) => {
    const r = parseCorpusLine(line);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });
});
