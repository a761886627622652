import { clip } from '../text/clip';

export const TITLE_MAX_LENGTH = 200;

/** The title of an article given none: its first non-empty line, trimmed, at most 200 characters. */
export function defaultTitle(text: string): string {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
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
