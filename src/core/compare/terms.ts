/**
 * The key terms of a claim, for grouping claims on the same matter: content words (stemmed),
 * two-word phrases of content words, named entities (capitalised sequences) and numbers.
 */

// Function words and the vocabulary of reporting itself ("said", "claims"), which says nothing
// about the matter a claim is on.
const STOP_WORDS = new Set(
  `a about above after again against all almost also although always am among an and any are as at
  be because been before being below between both but by can cannot could did do does doing done
  down during each either else even ever every few for from further had has have having he her here
  hers herself him himself his how however i if in into is it its itself just least less like made
  make many may me might more most much must my myself neither never no nor not now of off often on
  once only or other others our ours ourselves out over own per perhaps quite rather really same
  several shall she should since so some still such than that the their theirs them themselves then
  there these they this those though through thus to too under until up upon us very was we were
  what when where whether which while who whom whose why will with within without would yet you your
  yours yourself one two three first new back way well get got go going say says said saying tell
  told telling claim claims claimed according added add adds think thought believe believes know
  known want wanted need needs needed thing things something anything nothing lot lots time times
  year years day days people person mr mrs ms dr sir lord yes okay ok take taken taking make makes
  give gives given come comes see seen look keep kept remain remains continue continues important
  clear able hard begin work case place part sure true whole`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalised words that start a sentence or name a title rather than an entity. */
const NOT_ENTITY = new Set(['i', 'we', 'the', 'a', 'an', 'it', 'this', 'that', 'but', 'and', 'there']);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

export type TermKind = 'word' | 'phrase' | 'entity' | 'number';

export type Term = Readonly<{
  /** What the term is matched by: `w:exploit`, `p:sexual exploit`, `e:rotherham`, `n:1400`. */
  key: string;
  kind: TermKind;
  /** The words as written, for wording a question. */
  surface: string;
}>;

type Word = Readonly<{ text: string; lower: string; sentenceStart: boolean; stop: boolean }>;

const IRREGULAR = new Map([
  ['children', 'child'],
  ['men', 'man'],
  ['women', 'woman'],
  ['people', 'person'],
  ['rose', 'rise'],
  ['risen', 'rise'],
  ['fell', 'fall'],
  ['fallen', 'fall'],
]);

/** A light suffix-stripping stemmer: "exploitation", "exploiting", "exploited" → "exploit". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s?$/, '');
  w = IRREGULAR.get(w) ?? w;
  if (w.length <= 3) return w;
  const rules: readonly [RegExp, string][] = [
    [/ies$/, 'y'],
    [/sses$/, 'ss'],
    [/([^su])s$/, '$1'],
  ];
  for (const [re, to] of rules)
    if (re.test(w)) {
      w = w.replace(re, to);
      break;
    }
  const suffixes = [
    'ational',
    'ations',
    'ation',
    'ition',
    'ated',
    'ating',
    'ate',
    'ings',
    'ing',
    'edly',
    'ed',
    'ly',
    'ment',
    'ness',
    'ful',
    'ive',
    'ity',
    'ers',
    'er',
    'ion',
  ];
  for (const s of suffixes) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  // "allege"/"alleged"/"allegation" and "investigate"/"investigated" meet on one stem
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 4 && /([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

const numberKey = (text: string): string | null => {
  const digits = text.replace(/[,’']/g, '');
  return /^\d+(\.\d+)?$/.test(digits) ? digits.replace(/\.0+$/, '') : null;
};

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let last = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const sentenceStart = words.length === 0 || /[.!?:;“"‘(—–]/.test(text.slice(last, m.index));
    const raw = m[0].replace(/[.,]+$/, '');
    const lower = raw.toLowerCase().replace(/['’]s$/, '');
    words.push({ text: raw, lower, sentenceStart, stop: STOP_WORDS.has(lower) });
    last = m.index + m[0].length;
  }
  return words;
}

const isCapitalised = (w: Word) => /^\p{Lu}/u.test(w.text);

/** The distinct key terms of one text. */
export function termsOf(text: string): Term[] {
  const words = wordsOf(text);
  const terms = new Map<string, Term>();
  const inEntity = new Set<number>();
  const add = (t: Term) => {
    if (!terms.has(t.key)) terms.set(t.key, t);
  };
  // entities: runs of capitalised words (joined by "of"/"and"/"for"), not a lone sentence-initial word
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isCapitalised(w) || NOT_ENTITY.has(w.lower) || numberKey(w.text)) continue;
    if (w.sentenceStart && w.stop) continue;
    let j = i + 1;
    while (j < words.length) {
      const next = words[j]!;
      if (isCapitalised(next) && !next.sentenceStart && !numberKey(next.text)) j++;
      else if (/^(of|and|for)$/.test(next.lower) && words[j + 1] && isCapitalised(words[j + 1]!)) j += 2;
      else break;
    }
    const run = words.slice(i, j);
    const lone = run.length === 1;
    if (!(lone && (w.sentenceStart || w.stop))) {
      for (let k = i; k < j; k++) inEntity.add(k);
      const surface = run.map((x) => x.text).join(' ');
      add({ key: `e:${run.map((x) => x.lower).join(' ')}`, kind: 'entity', surface });
      // each name word alone too, so "Alexis Jay" and "Jay" meet
      for (const x of run)
        if (!x.stop && !/^(of|and|for)$/.test(x.lower) && x.lower.length > 2 && run.length > 1)
          add({ key: `e:${x.lower}`, kind: 'entity', surface: x.text });
    }
    i = j - 1;
  }
  let previous: Word | null = null;
  for (const [i, w] of words.entries()) {
    const n = numberKey(w.text);
    if (n !== null) {
      add({ key: `n:${n}`, kind: 'number', surface: w.text });
      previous = null;
      continue;
    }
    if (w.stop || inEntity.has(i) || w.lower.length < 3 || !/\p{L}/u.test(w.lower)) {
      previous = null;
      continue;
    }
    const s = stem(w.lower);
    add({ key: `w:${s}`, kind: 'word', surface: w.lower });
    if (previous)
      add({ key: `p:${stem(previous.lower)} ${s}`, kind: 'phrase', surface: `${previous.lower} ${w.lower}` });
    previous = w;
  }
  return [...terms.values()];
}
