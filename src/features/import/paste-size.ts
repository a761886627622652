import { MAX_IMPORT_BYTES } from '@/core/import/limits';

/** The text a field would hold once `pasted` replaces its selection. */
export function textAfterPaste(field: HTMLTextAreaElement, pasted: string): string {
  const { value, selectionStart, selectionEnd } = field;
  return value.slice(0, selectionStart) + pasted + value.slice(selectionEnd);
}

/**
 * Whether `text` is over the import limit, decided before it lands in the page: a field given
 * megabytes of text held the page for minutes (5 MB: 287 s at load 15, then the tab was gone).
 */
export function overImportLimit(text: string): boolean {
  if (text.length > MAX_IMPORT_BYTES) return true;
  // at most 3 bytes per UTF-16 unit: only a text that could be over the limit is encoded
  return text.length * 3 > MAX_IMPORT_BYTES && new TextEncoder().encode(text).length > MAX_IMPORT_BYTES;
}
