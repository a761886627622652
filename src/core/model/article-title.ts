import { clip } from '../text/clip';
import { furnitureReason } from '../text/furniture-lines';

export const TITLE_MAX_LENGTH = 200;

/**
 * The title of an article given none: its first non-empty line that is not page furniture (a
 * page copied from the browser starts with its menu and cookie banner), trimmed, at most 200
 * characters.
 */
export function defaultTitle(text: string): string {
  let line: string | undefined;
  for (const l of text.split(/\r\n|\r|\n/)) {
    if (l.trim() === '') continue;
    line ??= l;
    if (furnitureReason(l) === null) {
      line = l;
      break;
    }
  }
  const title = (line ?? '').trim().replace(/\s+/g, ' ');
  if (title.length <= TITLE_MAX_LENGTH) return title;
  return clip(title, TITLE_MAX_LENGTH);
}

/** A given title, cleaned, or the default one; 'Untitled article' when the text has no words either. */
export function articleTitle(given: string | null | undefined, text: string): string {
  const cleaned = (given ?? '').trim().replace(/\s+/g, ' ');
  const title = cleaned !== '' ? cleaned.slice(0, TITLE_MAX_LENGTH) : defaultTitle(text);
  return title === '' ? 'Untitled article' : title;
}
