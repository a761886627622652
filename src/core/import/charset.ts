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
