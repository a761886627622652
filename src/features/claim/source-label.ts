// Characters that would hide or reorder what a label shows (controls, soft hyphen, zero-width and bidi
// marks): a path holding one is shown still percent-encoded.
const hides = (text: string) =>
  [...text].some((c) => {
    const x = c.codePointAt(0) ?? 0;
    return (
      x < 0x20 ||
      (x >= 0x7f && x <= 0x9f) ||
      x === 0xad ||
      (x >= 0x200b && x <= 0x200f) ||
      (x >= 0x202a && x <= 0x202e) ||
      (x >= 0x2060 && x <= 0x2069) ||
      x === 0xfeff
    );
  });

/**
 * A stored source address as a person reads it, for a source with no title: host and path with its
 * percent-escapes decoded (`/straße`, not `/stra%C3%9Fe`), and no longer than `max` characters (the
 * middle elided), so a 2,000-character link does not fill the claim panel. The host stays as the
 * browser writes it (`xn--…` for an international name), which shows a look-alike domain for what it is.
 */
export function readableUrl(stored: string, max = 80): string {
  let text = stored.trim();
  try {
    const url = new URL(text);
    const rest = url.pathname === '/' && !url.search && !url.hash ? '' : url.pathname + url.search + url.hash;
    let decoded = rest;
    try {
      decoded = decodeURI(rest);
    } catch {
      // a lone or broken escape: shown as stored
    }
    text = url.host + (hides(decoded) ? rest : decoded);
  } catch {
    // not a URL (an old row): shown as stored, shortened
  }
  if (text.length <= max) return text;
  const head = Math.ceil(((max - 1) * 2) / 3);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/** What names a source in a list: its title, else its address as a person reads it. */
export const sourceLabel = (source: { title: string; url: string }): string =>
  source.title.trim() || readableUrl(source.url);
