import type { Line } from './lines';

/** A quotation: `open` is the opening mark's offset; `close` the closing mark's, or -1 when the paragraph ends first. */
export type Quote = Readonly<{
  open: number;
  close: number;
  /** Content range: inside the marks (to the paragraph's end when unclosed). */
  start: number;
  end: number;
  double: boolean;
  /** Index of the line (paragraph) holding it. */
  line: number;
}>;

const OPEN_DOUBLE = '“„«';
const CLOSE_DOUBLE = '”»';
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:]/;

/** Is the mark at i, inside an open quote, really a wrong-way closing mark ("…exploitation “.")? */
function closesWrongWay(t: string, i: number, end: number): boolean {
  let j = i + 1;
  while (j < end && t[j] === ' ') j++;
  // "…exploitation “." or "…unusual,“ said Noble": punctuation right after, or right before and a space after.
  return (
    j >= end || /[.,;:!?)\]]/.test(t[j]!) || (/[.,!?]/.test(t[i - 1] ?? '') && /\s/.test(t[i + 1] ?? ''))
  );
}

/** Quotation marks paired within one paragraph; singles only outside doubles, and only when they close. */
export function pairQuotes(text: string, line: Line, index: number): Quote[] {
  const out: Quote[] = [];
  const { start, end } = line;
  let open = -1;
  let singles: Quote[] = [];
  let singleOpen = -1;
  // NYT-style doubled apostrophes ('') stand for a straight double quotation mark.
  let openWidth = 1;
  const push = (o: number, c: number, double: boolean) => {
    let s = o + openWidth;
    let e = c < 0 ? end : c;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    out.push({ open: o, close: c, start: s, end: e, double, line: index });
  };
  for (let i = start; i < end; i++) {
    const c = text[i]!;
    if (OPEN_DOUBLE.includes(c)) {
      if (open < 0) {
        open = i;
        openWidth = 1;
        singleOpen = -1;
      } else if (closesWrongWay(text, i, end)) {
        // `"…at Millbrook,“ a spokeswoman said`: pasted text closes a straight quotation with a wrong-way curly mark.
        push(open, i, true);
        open = -1;
      }
    } else if (CLOSE_DOUBLE.includes(c)) {
      if (open >= 0) {
        push(open, i, true);
        open = -1;
      } else if ((i === start || BEFORE_OPEN.test(text[i - 1]!)) && isWord(text[i + 1])) {
        open = i; // a wrong-way opening mark
        openWidth = 1;
        singleOpen = -1;
      }
    } else if (c === '"' || (c === "'" && text[i + 1] === "'" && text[i + 2] !== "'")) {
      const width = c === '"' ? 1 : 2;
      if (open < 0) {
        open = i;
        openWidth = width;
        singleOpen = -1;
      } else {
        push(open, i, true);
        open = -1;
        openWidth = 1;
      }
      i += width - 1;
    } else if ((c === '‘' || c === "'" || c === '’') && open < 0) {
      const prev = i > start ? text[i - 1] : undefined;
      const next = text[i + 1];
      const atWordStart = prev === undefined || BEFORE_OPEN.test(prev) || prev === '"' || prev === '“';
      if (singleOpen < 0) {
        // ’90s, 'em, 'til are elisions, not quotes.
        if (c !== '’' || atWordStart) {
          if (atWordStart && isWord(next) && !/^['’](\d\ds|em|til|n|cause|tis)\b/i.test(text.slice(i, i + 6)))
            singleOpen = i;
        }
      } else if (c !== '‘' && !isWord(next) && !isSpace(prev)) {
        singles.push({
          open: singleOpen,
          close: i,
          start: singleOpen + 1,
          end: i,
          double: false,
          line: index,
        });
        singleOpen = -1;
      }
    }
  }
  if (open >= 0) push(open, -1, true);
  // Singles are kept only where no double quote covers them.
  singles = singles.filter(
    (q) => !out.some((d) => d.open < q.open && (d.close < 0 ? end : d.close) > q.close),
  );
  return [...out, ...singles].sort((a, b) => a.open - b.open);
}

/**
 * A quotation hard-wrapped over two lines (`said: "We have asked … below⏎the Millbrook works.”`): the line
 * holding an unclosed double quotation is joined to the next when only one line break parts them, the break
 * falls inside a sentence (no stop, colon or closing mark before it), and the next line closes the quotation
 * before opening any other (it does not start with a quotation mark). Lines are paragraphs everywhere else.
 */
export function joinWrappedQuotes(text: string, lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last && wrapsInto(text, last, line, out.length - 1)) {
      out[out.length - 1] = { start: last.start, end: line.end, text: text.slice(last.start, line.end) };
    } else out.push(line);
  }
  return out;
}

function wrapsInto(text: string, a: Line, b: Line, index: number): boolean {
  if (/\n[^\S\n]*\n|[\r\u2028\u2029]/.test(text.slice(a.end, b.start))) return false;
  if (/[.!?…:;”"’'»]$/.test(a.text) || /^[“”"„«»‘'’]/.test(b.text)) return false;
  const last = pairQuotes(text, a, index)
    .filter((q) => q.double)
    .at(-1);
  if (!last || last.close >= 0) return false;
  const mark = /[“”"„«»]/.exec(b.text);
  if (!mark) return false;
  const c = mark[0];
  const next = b.text[mark.index + 1];
  return c === '”' || c === '»' || (c === '"' && !isWord(next) && !isSpace(b.text[mark.index - 1]));
}
