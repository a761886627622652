/**
 * Hostile JSONL corpus lines and files: each bad line is reported in words and skipped (never an
 * exception), and a corpus too large is refused before a byte is read.
 */
import { describe, expect, test } from 'vitest';
import { checkUrl } from '@/core/import/validate';
import { refusedCorpus } from './bulk-sources';
import { parseCorpusLine } from './corpus-line';

const ok = JSON.stringify({ text: 'Jo said: "Fine."' }).slice(1, -1);
const BAD_LINES: readonly (readonly [string, string])[] = [
  ['not JSON', 'hello world'],
  ['cut short', '{"text": "Jo said'],
  ['a JSON array', '["text"]'],
  ['JSON null', 'null'],
  ['a number', '42'],
  ['a string', '"text"'],
  ['no text', '{"title": "T"}'],
  ['blank text', '{"text": "   "}'],
  ['text that is a number', '{"text": 5}'],
  ['text that is an object', '{"text": {"a": 1}}'],
  ['__proto__ key', `{"__proto__": {"polluted": true}, ${ok}}`],
  ['constructor key', `{"constructor": {"prototype": {"polluted": true}}, ${ok}}`],
  ['binary with NUL bytes', `{"text": "\\u0000\\u0001\\u0002\\u0000\\u0000\\u0003"}`],
  ['raw binary', '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'],
  ['deeply nested', `{"text": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
  ['unknown keys only', '{"body": "Jo said: \\"Fine.\\""}'],
  ['a javascript: url', `{"url": "javascript:alert(1)", ${ok}}`],
];

describe('hostile JSONL lines', () => {
  for (const [name, line] of BAD_LINES) {
    test(`${name}: a reason in words, no exception`, () => {
      let result: ReturnType<typeof parseCorpusLine> | undefined;
      expect(() => {
        result = parseCorpusLine(line);
      }).not.toThrow();
      if (result!.ok) {
        // accepted only as plain text with a safe link
        expect(result!.record.text.trim().length).toBeGreaterThan(0);
        // a link that is not http(s) is refused when the article is read (readPaste → checkUrl)
        const url = result!.record.url;
        if (url !== null && !/^https?:\/\//i.test(url)) expect(checkUrl(url).ok).toBe(false);
      } else {
        expect(result!.reason.length).toBeGreaterThan(5);
        expect(result!.reason.length).toBeLessThan(300);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  test('a 200 MB corpus is refused before anything is read, saying why and what to do', () => {
    const file = { name: 'corpus.jsonl', size: 200_000_000 } as File;
    expect(refusedCorpus(file)).toMatch(/200(\.0)? MB.*Split it/);
  });
});
