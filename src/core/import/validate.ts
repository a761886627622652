/**
 * Pure checks on what a person tries to import, run before any other work (hashing, parsing,
 * extraction, storage). Each failure carries a message fit to show in the UI as is.
 */

import { looksLikeUtf16, utf16Bom } from './charset';
import { formatBytes, MAX_IMPORT_BYTES } from './limits';

export { formatBytes, MAX_IMPORT_BYTES };

export type ImportFormat = 'text' | 'markdown' | 'html';

export type ImportProblem = Readonly<{
  code: 'empty' | 'too-large' | 'binary' | 'unsupported-type' | 'bad-url';
  message: string;
}>;

export type Checked<T> = Readonly<{ ok: true; value: T }> | Readonly<{ ok: false; problem: ImportProblem }>;

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(code: ImportProblem['code'], message: string): Checked<T> => ({
  ok: false,
  problem: { code, message },
});

const tooLarge = <T>(bytes: number): Checked<T> =>
  fail(
    'too-large',
    `This is ${formatBytes(bytes)}; the import limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split it into smaller articles.`,
  );

/** Size check for a file, from its reported size alone (nothing is read). */
export function checkFileSize(bytes: number): Checked<number> {
  return bytes > MAX_IMPORT_BYTES ? tooLarge(bytes) : ok(bytes);
}

/** UTF-8 length of a string, counted without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Size check for pasted text: a string longer than the limit is refused before it is measured. */
export function checkTextSize(text: string): Checked<string> {
  if (text.length > MAX_IMPORT_BYTES) return tooLarge(text.length);
  const bytes = utf8ByteLength(text);
  return bytes > MAX_IMPORT_BYTES ? tooLarge(bytes) : ok(text);
}

/** CRLF → LF, no byte-order mark, no surrounding blank space: the text Claimdesk stores and hashes. */
export function normalizeText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
}

// Control characters other than tab, line feed, form feed and carriage return.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g;

/**
 * The text to import, or why not: empty (or blank) text, text over the limit, text that is
 * really a binary file (NUL bytes, or more than 1 % control or replacement characters).
 */
export function checkText(text: string): Checked<string> {
  const size = checkTextSize(text);
  if (!size.ok) return size;
  const normalized = normalizeText(text);
  if (normalized.length === 0) return fail('empty', 'Nothing to import: the text is empty.');
  if (normalized.includes('\u0000') || (normalized.match(CONTROL)?.length ?? 0) > normalized.length / 100) {
    return fail(
      'binary',
      'This does not look like text (it contains binary data). Paste the words of an article.',
    );
  }
  return ok(normalized);
}

const EXTENSIONS: Readonly<Record<string, ImportFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};
const TEXT_MIMES: Readonly<Record<string, ImportFormat>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
};

const unsupported = (name: string, what: string) =>
  fail<ImportFormat>(
    'unsupported-type',
    `“${name}” is ${what}, not an article. Import a .txt, .md or .html file, or paste the text.`,
  );

/** Which reader a file needs, from its name and MIME type; images and other binaries are refused. */
export function classifyFile(name: string, mime: string): Checked<ImportFormat> {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = mime.toLowerCase().split(';')[0]?.trim() ?? '';
  if (type.startsWith('image/')) return unsupported(name, 'an image');
  if (type.startsWith('audio/') || type.startsWith('video/')) return unsupported(name, 'a media file');
  if (type === 'application/pdf' || ext === 'pdf') return unsupported(name, 'a PDF');
  const byExt = EXTENSIONS[ext];
  if (byExt) return ok(byExt);
  const byMime = TEXT_MIMES[type];
  if (byMime) return ok(byMime);
  return unsupported(name, ext ? `a .${ext} file` : 'a file of unknown type');
}

const MAGIC: readonly (readonly [string, readonly number[]])[] = [
  ['an image', [0x89, 0x50, 0x4e, 0x47]], // PNG
  ['an image', [0xff, 0xd8, 0xff]], // JPEG
  ['an image', [0x47, 0x49, 0x46, 0x38]], // GIF8
  ['an image', [0x52, 0x49, 0x46, 0x46]], // RIFF (WebP, WAV)
  ['a PDF', [0x25, 0x50, 0x44, 0x46]], // %PDF
  ['an archive', [0x50, 0x4b, 0x03, 0x04]], // ZIP, DOCX
];

/** Bytes that cannot start a valid UTF-8 sequence, or sequences cut short, per byte read. */
export function invalidUtf8Ratio(bytes: Uint8Array): number {
  if (bytes.length === 0) return 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) {
      invalid++;
      i++;
      continue;
    }
    let j = 1;
    while (j <= need && i + j < bytes.length && (bytes[i + j]! & 0xc0) === 0x80) j++;
    if (j <= need) invalid++;
    i += j;
  }
  return invalid / bytes.length;
}

/**
 * Content sniffing on a file's bytes, whatever its name says: known binary signatures, NUL bytes
 * (unless the file starts with a UTF-16 byte-order mark; without one, UTF-16 is named in the refusal),
 * or more than 1 % of bytes that are not UTF-8 (unless the file declares another encoding:
 * `legacyCharset`, an HTML page saved in windows-1252).
 */
export function checkFileBytes(name: string, bytes: Uint8Array, legacyCharset = false): Checked<Uint8Array> {
  for (const [what, magic] of MAGIC) {
    if (magic.every((m, i) => bytes[i] === m)) return fail('binary', `“${name}” is ${what}, not text.`);
  }
  if (utf16Bom(bytes)) return ok(bytes); // decoded by its mark, strictly (decodeFile)
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0) && looksLikeUtf16(head)) {
    return fail(
      'binary',
      `“${name}” looks like UTF-16 text saved without a byte-order mark, which cannot be read safely. Save it as UTF-8 and import it again.`,
    );
  }
  if (head.includes(0) || (!legacyCharset && invalidUtf8Ratio(head) > 0.01)) {
    return fail('binary', `“${name}” is not a text file (it contains binary data or is not UTF-8).`);
  }
  return ok(bytes);
}

const TAG =
  /<\/?(?:html|head|body|article|main|section|div|p|h[1-6]|br|span|a|img|script|style|ul|ol|li|table|header|footer|figure|blockquote|meta|title)\b[^>]*>/gi;

/** Whether pasted text is HTML rather than plain text (a doctype, or at least two known tags). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  if (/^\s*<!doctype html/i.test(head) || /^\s*<html[\s>]/i.test(head)) return true;
  return (text.match(TAG)?.length ?? 0) >= 2;
}

/** An optional link: blank → null; only http(s) URLs are accepted, so no other scheme becomes a link. */
export function checkUrl(input: string): Checked<string | null> {
  const url = input.trim();
  if (url === '') return ok(null);
  if (!/^https?:\/\/[^\s/?#]+[^\s]*$/i.test(url)) {
    return fail('bad-url', 'The URL must start with http:// or https://.');
  }
  return ok(url);
}
