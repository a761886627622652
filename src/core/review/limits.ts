/** Limits on free text a person types (notes, rating notes, passages). */
export const MAX_NOTE_LENGTH = 20_000;

/**
 * Null when `text` fits, else a message saying which field is too long and by how much. Notes longer
 * than this are refused rather than cut: the person keeps the text in the field and can move it to a
 * source (a saved excerpt) instead.
 */
export function checkNoteLength(text: string, field = 'A note', max = MAX_NOTE_LENGTH): string | null {
  if (text.length <= max) return null;
  return `${field} can be at most ${max.toLocaleString('en')} characters; this one has ${text.length.toLocaleString('en')}. Shorten it, or save the long text as a source’s excerpt.`;
}
