import type { Checked } from '@/core/import/validate';

/**
 * The file's text, decoded strictly: a file with even one byte that is not UTF-8 (a Windows-1252
 * "é", a truncated download) is refused rather than imported with U+FFFD in place of its letters,
 * since Claimdesk keeps the article verbatim and quotes from it.
 */
export function decodeUtf8(name: string, bytes: Uint8Array): Checked<string> {
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      ok: false,
      problem: {
        code: 'binary',
        message: `“${name}” is not valid UTF-8 text (it may be saved as Windows-1252 or Latin-1). Save it as UTF-8 and import it again.`,
      },
    };
  }
}
