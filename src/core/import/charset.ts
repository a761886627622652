/**
 * The character encoding an HTML file declares in its first 1024 bytes (`<meta charset="…">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=…">`), the bytes a browser's prescan
 * reads. A page saved with "Save page as" keeps its site's encoding: older and regional sites still
 * serve windows-1252, ISO-8859-x, Shift_JIS or GBK. Null when none is declared.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = '';
  for (const b of bytes.subarray(0, 1024)) head += String.fromCharCode(b);
  const m = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** Whether a declared label names an encoding other than UTF-8 that the decoder knows (not UTF-16: a page's meta cannot declare it). */
export function isLegacyCharset(label: string | null): label is string {
  if (!label) return false;
  try {
    const encoding = new TextDecoder(label).encoding;
    return encoding !== 'utf-8' && !encoding.startsWith('utf-16');
  } catch {
    return false; // unknown label, or one that maps to the "replacement" encoding
  }
}

/**
 * The UTF-16 encoding a file's byte-order mark names (FF FE: little-endian, as Windows Notepad saves
 * "Unicode"; FE FF: big-endian), or null. A BOM decides the encoding whatever a page declares, as in
 * a browser. FF FE 00 00 is UTF-32's mark, not UTF-16's.
 */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? null : 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Whether bytes with no BOM look like UTF-16 text (Latin letters with a NUL beside each: NUL bytes
 * on one side of the byte pairs and hardly any on the other), so a refusal can say what the file is.
 */
export function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return Math.max(even, odd) > pairs * 0.5 && Math.min(even, odd) < pairs * 0.05;
}
