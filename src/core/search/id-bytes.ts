/**
 * Claim ids as 25 bytes each instead of their text: an extracted claim's id is its article's id and
 * its span (`claimIdFor`: `art-<32 hex digits>.<8 digits>-<8 digits>`, 54 characters, with `.<n>`
 * after it for the n-th other claim on the same span; an article imported before content-derived
 * ids has a UUID in place of `art-…`), any other claim's a lower-case UUID (36). In the saved search
 * index their text and ends were 40–50 % of the bytes the search worker reads and decodes before its
 * first answer. An id is turned back into text when it is asked for (a hit named), never all at once.
 *
 * Each id: one byte saying its form, then 16 bytes of hex digits (the claim's UUID, or its article's
 * hash or UUID), then (an extracted claim's) its start and end as two 32-bit numbers. The form: 1 a
 * UUID; 2 + n an extracted claim's of an `art-` article; `UUID_ARTICLE` + 2 + n one of a UUID article.
 */
export const ID_BYTES = 25;
const UUID = 1;
const EXTRACTED = 2;
const UUID_ARTICLE = 128;
/** The largest `n` of an extracted claim's id kept as bytes. */
const MAX_SUFFIX = 125;
/** The longest id as bytes make it: an article's id, its span and `.125`. */
const MAX_LENGTH = 58;

/** The `n` of an extracted claim's id's `.<n>` from `at` to `end` (1 to `MAX_SUFFIX`, written as `claimIdFor` does), else -1. */
function suffix(text: string, at: number, end: number): number {
  if (text.charCodeAt(at) !== 46 || end - at < 2 || end - at > 4 || text.charCodeAt(at + 1) === 48) return -1;
  let n = 0;
  for (let c = at + 1; c < end; c++) {
    const d = text.charCodeAt(c) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n <= MAX_SUFFIX ? n : -1;
}

/** A lower-case hex digit's value, else -1. */
function nibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Reads 32 hex digits from `text` at `at` (a dash expected before digit 8, 12, 16 and 20 when
 * `dashed`) into 16 bytes of `out` at `o`; false if they are not there.
 */
function hexInto(text: string, at: number, dashed: boolean, out: Uint8Array, o: number): boolean {
  let c = at;
  for (let b = 0; b < 16; b++) {
    if (dashed && (b === 4 || b === 6 || b === 8 || b === 10)) {
      if (text.charCodeAt(c) !== 45) return false;
      c++;
    }
    const hi = nibble(text.charCodeAt(c));
    const lo = nibble(text.charCodeAt(c + 1));
    if (hi < 0 || lo < 0) return false;
    out[o + b] = (hi << 4) | lo;
    c += 2;
  }
  return true;
}

/** Eight decimal digits at `at`, or -1. */
function eightDigits(text: string, at: number): number {
  let v = 0;
  for (let c = 0; c < 8; c++) {
    const d = text.charCodeAt(at + c) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** One id into `out` at `o`; false when it has neither form. */
function encode(text: string, start: number, end: number, out: Uint8Array, o: number): boolean {
  const length = end - start;
  if (length === 36) {
    out[o] = UUID;
    out.fill(0, o + 17, o + ID_BYTES);
    return hexInto(text, start, true, out, o + 1);
  }
  // <article id>.<8 digits>-<8 digits>, and .<n> for a second claim on the span; the article's id
  // art-<32 hex> or a UUID (36 characters either way)
  const n = length === 54 ? 0 : suffix(text, start + 54, end);
  if (n < 0 || text.charCodeAt(start + 36) !== 46 || text.charCodeAt(start + 45) !== 45) return false;
  const from = eightDigits(text, start + 37);
  const to = eightDigits(text, start + 46);
  if (from < 0 || to < 0) return false;
  const hashed = text.startsWith('art-', start);
  if (!(hashed ? hexInto(text, start + 4, false, out, o + 1) : hexInto(text, start, true, out, o + 1))) {
    return false;
  }
  out[o] = (hashed ? 0 : UUID_ARTICLE) + EXTRACTED + n;
  for (let k = 0; k < 4; k++) {
    out[o + 17 + k] = (from >>> (8 * k)) & 0xff;
    out[o + 21 + k] = (to >>> (8 * k)) & 0xff;
  }
  return true;
}

/**
 * The ids `text` holds end to end (id `i` ends at `ends[i]`) as `ID_BYTES` each, or null when one
 * has neither form (it is kept as text then: an upper-case UUID, an id made elsewhere).
 */
export function idBytesOf(text: string, ends: Uint32Array): Uint8Array | null {
  const out = new Uint8Array(ends.length * ID_BYTES);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    if (!encode(text, start, ends[i]!, out, i * ID_BYTES)) return null;
    start = ends[i]!;
  }
  return out;
}

/** Each byte's two lower-case hex digits, as character codes. */
const HIGH = new Uint8Array(256);
const LOW = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  const digits = v.toString(16).padStart(2, '0');
  HIGH[v] = digits.charCodeAt(0);
  LOW[v] = digits.charCodeAt(1);
}
const ascii = new TextDecoder();
/** `art-` as character codes. */
const ART = new Uint8Array([97, 114, 116, 45]);

const uint32At = (b: Uint8Array, o: number) =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

/** Writes `n` as eight decimal digits into `out` at `c`. */
function writeEight(out: Uint8Array, c: number, n: number): void {
  for (let k = 7; k >= 0; k--) {
    out[c + k] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
}

/**
 * The ids at these positions of `bytes`, as text: written out as character codes in one array and
 * decoded at once. A query names up to 2,000 hits before its code has warmed up: a string made per
 * id there took 4–15 µs an id (in Chromium, cold), this a fraction of that.
 */
export function idsAt(b: Uint8Array, positions: readonly number[]): string[] {
  const out = new Uint8Array(positions.length * MAX_LENGTH);
  const ends = new Uint32Array(positions.length);
  let c = 0;
  for (let k = 0; k < positions.length; k++) {
    const o = positions[k]! * ID_BYTES;
    const form = b[o]!;
    const extracted = form !== UUID;
    // a UUID's 8-4-4-4-12 digits: the claim's, or its article's
    const dashed = !extracted || form >= UUID_ARTICLE;
    if (!dashed) {
      out.set(ART, c);
      c += 4;
    }
    for (let j = 1; j <= 16; j++) {
      if (dashed && (j === 5 || j === 7 || j === 9 || j === 11)) out[c++] = 45;
      const v = b[o + j]!;
      out[c++] = HIGH[v]!;
      out[c++] = LOW[v]!;
    }
    if (extracted) {
      out[c] = 46;
      writeEight(out, c + 1, uint32At(b, o + 17));
      out[c + 9] = 45;
      writeEight(out, c + 10, uint32At(b, o + 21));
      c += 18;
      const n = (form % UUID_ARTICLE) - EXTRACTED;
      if (n > 0) for (const ch of `.${n}`) out[c++] = ch.charCodeAt(0);
    }
    ends[k] = c;
  }
  const text = ascii.decode(out.subarray(0, c));
  return positions.map((_, k) => text.slice(k === 0 ? 0 : ends[k - 1], ends[k]));
}

/** Id `i` of `bytes` as text. */
export const idAt = (b: Uint8Array, i: number): string => idsAt(b, [i])[0]!;

export const idCount = (bytes: Uint8Array): number => Math.floor(bytes.length / ID_BYTES);

/** FNV-1a over one id's bytes. */
function hashAt(bytes: Uint8Array, o: number): number {
  let h = 0x811c9dc5;
  for (let b = 0; b < ID_BYTES; b++) h = Math.imul(h ^ bytes[o + b]!, 0x01000193);
  return h >>> 0;
}

function sameAt(bytes: Uint8Array, o: number, id: Uint8Array): boolean {
  for (let b = 0; b < ID_BYTES; b++) if (bytes[o + b] !== id[b]) return false;
  return true;
}

/**
 * An id's position among `bytes`' ids, or -1: a hash table of the positions by the ids' bytes (an
 * array of numbers, made in a few milliseconds at 100,000 ids, where a Map of their texts took
 * 40–90 ms, most of it making the texts).
 */
export function idFinder(bytes: Uint8Array): (id: string) => number {
  const count = idCount(bytes);
  let size = 16;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let i = 0; i < count; i++) {
    let h = hashAt(bytes, i * ID_BYTES) & mask;
    while (table[h] !== -1) h = (h + 1) & mask;
    table[h] = i;
  }
  const asked = new Uint8Array(ID_BYTES);
  return (id) => {
    if (!encode(id, 0, id.length, asked, 0)) return -1;
    for (let h = hashAt(asked, 0) & mask; table[h] !== -1; h = (h + 1) & mask) {
      if (sameAt(bytes, table[h]! * ID_BYTES, asked)) return table[h]!;
    }
    return -1;
  };
}
