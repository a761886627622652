import { describe, expect, test } from 'vitest';
import { readFile } from '@/features/import/import-article';

/** The text as Windows Notepad saves "Unicode" (UTF-16 LE with a BOM), or big-endian. */
function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  const units = bom ? `\uFEFF${text}` : text;
  for (let i = 0; i < units.length; i++) view.setUint16(i * 2, units.charCodeAt(i), endian === 'le');
  return out;
}

const ARTICLE = 'Bridge to reopen\n\n“The bridge will reopen in May,” the mayor, Ana Núñez, said. 😀';

describe('readFile: the app’s file import', () => {
  test.each(['le', 'be'] as const)(
    'a UTF-16 %s .txt with a byte-order mark reads as its text',
    async (endian) => {
      const file = new File([utf16(ARTICLE, endian)], 'notepad.txt', { type: 'text/plain' });
      expect((await readFile(file)).text).toBe(ARTICLE);
    },
  );

  test('a UTF-16 LE .html with a byte-order mark reads as the page’s article', async () => {
    const page = `<!doctype html><html><head><title>Bridge to reopen</title></head><body><article><h1>Bridge to reopen</h1><p>“The bridge will reopen in May,” the mayor, Ana Núñez, said.</p></article></body></html>`;
    const file = new File([utf16(page, 'le')], 'page.html', { type: 'text/html' });
    const read = await readFile(file);
    expect(read.text).toContain('“The bridge will reopen in May,” the mayor, Ana Núñez, said.');
    expect(read.title).toBe('Bridge to reopen');
  });

  test('UTF-16 without a byte-order mark is refused with a message that says so', async () => {
    const file = new File([utf16(ARTICLE, 'le', false)], 'nobom.txt', { type: 'text/plain' });
    await expect(readFile(file)).rejects.toThrow(
      /“nobom.txt” looks like UTF-16 text saved without a byte-order mark/,
    );
  });

  test('a byte-order mark followed by binary data is still refused', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00, 0x42, 0x00]);
    const file = new File([bytes], 'odd.txt', { type: 'text/plain' });
    await expect(readFile(file)).rejects.toThrow(/not a text file/);
  });
});
