import { describe, expect, test } from 'vitest';
import {
  checkFileBytes,
  checkFileSize,
  checkText,
  checkUrl,
  classifyFile,
  formatBytes,
  invalidUtf8Ratio,
  looksLikeHtml,
  MAX_IMPORT_BYTES,
  normalizeText,
  utf8ByteLength,
} from './validate';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkText', () => {
  test('refuses empty and blank text', () => {
    for (const text of ['', '   ', '\n\n\t \r\n']) {
      const r = checkText(text);
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.problem).toMatchObject({ code: 'empty', message: 'Nothing to import: the text is empty.' });
    }
  });

  test('refuses text over the limit, saying its size and the limit', () => {
    const r = checkText('a'.repeat(5_000_000));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe('too-large');
      expect(r.problem.message).toContain('5.0 MB');
      expect(r.problem.message).toContain('1.0 MB');
    }
  });

  test('counts UTF-8 bytes, not characters, against the limit', () => {
    const text = 'é'.repeat(MAX_IMPORT_BYTES / 2 + 1); // under the limit in characters, over it in bytes
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(checkText(text).ok).toBe(false);
    expect(checkText('é'.repeat(1000)).ok).toBe(true);
  });

  test('refuses text with NUL bytes or many control characters', () => {
    expect(checkText('hello\u0000world').ok).toBe(false);
    expect(checkText('\u0001\u0002\u0003 not really text').ok).toBe(false);
  });

  test('returns the normalized text to store', () => {
    expect(checkText('\uFEFF  Line one\r\nLine two\r\n\n')).toEqual({
      ok: true,
      value: 'Line one\nLine two',
    });
  });
});

describe('normalizeText', () => {
  test('turns CR and CRLF into LF and trims', () => {
    expect(normalizeText(' a\rb\r\nc ')).toBe('a\nb\nc');
  });
});

describe('utf8ByteLength', () => {
  test('matches TextEncoder for ASCII, accents, CJK and emoji', () => {
    for (const s of ['abc', 'café', '中文', 'a😀b', '“quoted”', '\uD800']) {
      expect(utf8ByteLength(s)).toBe(bytes(s).length);
    }
  });
});

describe('checkFileSize', () => {
  test('accepts up to the limit and refuses beyond it', () => {
    expect(checkFileSize(MAX_IMPORT_BYTES).ok).toBe(true);
    expect(checkFileSize(MAX_IMPORT_BYTES + 1).ok).toBe(false);
  });
});

describe('classifyFile', () => {
  test('reads .txt, .md and .html files', () => {
    expect(classifyFile('story.txt', 'text/plain')).toEqual({ ok: true, value: 'text' });
    expect(classifyFile('story.md', '')).toEqual({ ok: true, value: 'markdown' });
    expect(classifyFile('Story.HTML', 'text/html')).toEqual({ ok: true, value: 'html' });
    expect(classifyFile('noext', 'text/html; charset=utf-8')).toEqual({ ok: true, value: 'html' });
  });

  test('refuses images, PDFs and unknown types', () => {
    expect(classifyFile('photo.png', 'image/png').ok).toBe(false);
    expect(classifyFile('photo.txt', 'image/jpeg').ok).toBe(false);
    expect(classifyFile('paper.pdf', 'application/pdf').ok).toBe(false);
    const r = classifyFile('data.bin', 'application/octet-stream');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toContain('“data.bin”');
  });
});

describe('checkFileBytes', () => {
  test('accepts UTF-8 text', () => {
    expect(checkFileBytes('a.txt', bytes('Dr Billings said: “Not so.”')).ok).toBe(true);
  });

  test('refuses a PNG renamed to .txt', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const r = checkFileBytes('photo.txt', png);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.message).toBe('“photo.txt” is an image, not text.');
  });

  test('refuses NUL bytes and bytes that are not UTF-8', () => {
    expect(checkFileBytes('a.txt', new Uint8Array([104, 105, 0, 104])).ok).toBe(false);
    const latin1 = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0xe9 : 0x61)));
    expect(checkFileBytes('a.txt', latin1).ok).toBe(false);
    // a page that declares its encoding is not sniffed for UTF-8 (its decoder checks it)
    expect(checkFileBytes('a.html', latin1, true).ok).toBe(true);
  });
});

describe('invalidUtf8Ratio', () => {
  test('is 0 for valid UTF-8 and counts stray bytes', () => {
    expect(invalidUtf8Ratio(bytes('ok “fine” 😀'))).toBe(0);
    expect(invalidUtf8Ratio(new Uint8Array([0xff, 0x61]))).toBe(0.5);
    expect(invalidUtf8Ratio(new Uint8Array([0xe2, 0x80]))).toBeGreaterThan(0);
  });
});

describe('looksLikeHtml', () => {
  test('spots documents and fragments, not prose with a stray angle bracket', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body>x</body></html>')).toBe(true);
    expect(looksLikeHtml('<p>One</p><p>Two</p>')).toBe(true);
    expect(looksLikeHtml('Profits rose 3 < 4 times, he said.')).toBe(false);
  });
});

describe('checkUrl', () => {
  test('accepts blank and http(s) only', () => {
    expect(checkUrl('  ')).toEqual({ ok: true, value: null });
    expect(checkUrl('https://example.org/a?b=1')).toEqual({ ok: true, value: 'https://example.org/a?b=1' });
    expect(checkUrl('javascript:alert(1)').ok).toBe(false);
    expect(checkUrl('ftp://example.org').ok).toBe(false);
    expect(checkUrl('example.org').ok).toBe(false);
  });
});

describe('formatBytes', () => {
  test('uses decimal units', () => {
    expect(formatBytes(2_100_000_000)).toBe('2.1 GB');
    expect(formatBytes(5_000_000)).toBe('5.0 MB');
    expect(formatBytes(812_000)).toBe('812 KB');
    expect(formatBytes(20)).toBe('20 bytes');
  });
});
