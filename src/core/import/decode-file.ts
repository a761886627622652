import { isLegacyCharset, utf16Bom } from './charset';
import type { Checked } from './validate';

const notUtf8 = (name: string): Checked<string> => ({
  ok: false,
  problem: {
    code: 'binary',
    message: `“${name}” is not valid UTF-8 text (it may be saved as Windows-1252 or Latin-1). Save it as UTF-8 and import it again.`,
  },
});

/**
 * The file's text, decoded strictly: a file with even one byte that is not UTF-8 (a Windows-1252
 * "é", a truncated download) is refused rather than imported with U+FFFD in place of its letters,
 * since Claimdesk keeps the article verbatim and quotes from it.
 */
export function decodeUtf8(name: string, bytes: Uint8Array): Checked<string> {
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return notUtf8(name);
  }
}

// windows-1252 bytes 0x80–0x9F (WHATWG index-windows-1252; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay C1 controls)
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node 20.18.3+ decodes windows-1252 (and the labels that mean it: latin1, iso-8859-1, ascii) as
 * ISO-8859-1, so its smart quotes come out as C1 controls (nodejs/node#60888); browsers do not. The
 * command line and the tests run on Node, so the 32 characters are mapped as the standard says.
 */
const fixCp1252 = (text: string): string =>
  text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);

/**
 * A file that starts with a UTF-16 byte-order mark (Notepad's "Unicode", Word's "Unicode text"),
 * decoded as strictly as UTF-8 (the mark itself dropped); a NUL in the text is binary data.
 */
function decodeUtf16(name: string, bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Checked<string> {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: {
        code: 'binary',
        message: `“${name}” starts as UTF-16 text but is not valid UTF-16 (it may be cut short). Save it as UTF-8 and import it again.`,
      },
    };
  }
  if (text.includes('\u0000')) {
    return {
      ok: false,
      problem: { code: 'binary', message: `“${name}” is not a text file (it contains binary data).` },
    };
  }
  return { ok: true, value: text };
}

/**
 * A file's text as a browser would read it: a UTF-16 file by its byte-order mark, UTF-8, or for an HTML page that is not valid UTF-8, the
 * encoding its `<meta charset>` declares (`charset`, from `declaredCharset`), decoded as strictly
 * (a byte that encoding has no character for is refused too). Text and Markdown carry no declaration.
 */
export function decodeFile(name: string, bytes: Uint8Array, charset: string | null): Checked<string> {
  const utf16 = utf16Bom(bytes);
  if (utf16) return decodeUtf16(name, bytes, utf16);
  const utf8 = decodeUtf8(name, bytes);
  if (utf8.ok || !isLegacyCharset(charset)) return utf8;
  try {
    const decoder = new TextDecoder(charset, { fatal: true });
    const text = decoder.decode(bytes);
    return { ok: true, value: decoder.encoding === 'windows-1252' ? fixCp1252(text) : text };
  } catch {
    return notUtf8(name);
  }
}
