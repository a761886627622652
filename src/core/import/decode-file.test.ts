import { describe, expect, test } from 'vitest';
import { decodeFile, decodeUtf8 } from './decode-file';

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

  test('an HTML page saved in the encoding its <meta charset> declares reads as a browser reads it', () => {
    // “Café,” £4 — in windows-1252: smart quotes 0x93/0x94, é 0xE9, £ 0xA3, en dash 0x96
    const page = new Uint8Array([
      ...bytes('<meta charset="windows-1252"><p>'),
      0x93,
      0x43,
      0x61,
      0x66,
      0xe9,
      0x2c,
      0x94,
      0x20,
      0xa3,
      0x34,
      0x20,
      0x96,
      0x20,
      0x80,
      0x35,
    ]);
    expect(decodeFile('page.html', page, 'windows-1252')).toEqual({
      ok: true,
      value: '<meta charset="windows-1252"><p>“Café,” £4 – €5',
    });
    // no declaration (a .txt), or a declaration the bytes do not fit: refused as before
    expect(decodeFile('a.txt', page, null).ok).toBe(false);
    expect(decodeFile('page.html', new Uint8Array([0x82, 0xa0, 0xff, 0xff]), 'shift_jis').ok).toBe(false);
    // valid UTF-8 wins over a stale declaration
    expect(decodeFile('page.html', bytes('<meta charset="windows-1252">“Café”'), 'windows-1252')).toEqual({
      ok: true,
      value: '<meta charset="windows-1252">“Café”',
    });
  });
});
