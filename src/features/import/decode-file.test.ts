import { describe, expect, test } from 'vitest';
import { decodeUtf8 } from '@/features/import/decode-file';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('decodeUtf8', () => {
  test('decodes UTF-8 and refuses a file with even one stray byte, rather than storing U+FFFD', () => {
    expect(decodeUtf8('a.txt', bytes('“Café,” he said 😀'))).toEqual({
      ok: true,
      value: '“Café,” he said 😀',
    });
    const article = new Uint8Array([...bytes('x'.repeat(4000)), 0xff, 0xfe]);
    const r = decodeUtf8('a.txt', article);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toMatch(/“a.txt” is not valid UTF-8 text/);
  });
});
