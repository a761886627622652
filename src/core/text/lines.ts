/** A line of the text: offsets of its content without the line break and surrounding blanks. */
export type Line = Readonly<{ start: number; end: number; text: string }>;

/** Non-empty lines, trimmed, with offsets into `text`. Each line is a paragraph in news copy. */
export function linesOf(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n\u2028\u2029]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  }
  return out;
}
