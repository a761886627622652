/**
 * A suggested question's wording from the terms a group of claims shares: what a student would ask
 * ("What do the speakers say about the price cap and energy bills?"), not a list of keywords. The
 * terms come from `termsOf` (stems, phrases, capitalised names), so some are not things one can say
 * "about": adverbs ("currently"), adjectives ("suspicious", "active"), verb forms ("waited",
 * "asking") and phrases cut short ("child sexual"). Without a part-of-speech tagger, word endings
 * and short lists tell them apart well enough for the words news claims share; the claims' own text
 * says which terms stand next to each other ("child" + "sexual exploitation") and whether a term
 * is written with "the" ("the plan", "the Budget", but "exploitation", "Rotherham").
 */

/** Common words that are no topic on their own: adjectives, adverbs, comparatives. */
const NOT_TOPIC = new Set(
  `last next recent current former latest early earlier late later long longer longest short shorter
  high higher highest low lower lowest big bigger biggest small smaller large larger largest great
  greater greatest major minor main local national public private free full open real key good bad
  better best worse worst poor rich safe unsafe serious wrong right fair unfair likely unlikely
  possible impossible certain different similar general special strong weak ready due active
  available difficult easy simple total average extra further particular previous final senior
  junior young old little own concerned involved based related fewer wider cheaper harder easier
  faster slower stronger weaker younger older across already almost away ago often soon again
  instead ahead still even just less least more most much many other such whole every each same
  several enough far near nearly quickly fully entirely simply recently currently previously
  however therefore also only winter summer spring autumn week weeks month months today yesterday
  tomorrow tonight weekend billion million thousand hundred percent cent`
    .split(/\s+/)
    .filter(Boolean),
);

/** Nouns with an ending that is usually an adjective's, adverb's or verb's. */
const NOUNS = new Set(
  `family supply rally ally reply assembly monopoly anomaly bully
  housing funding spending building training meeting planning parking policing sentencing ruling
  hearing warning shooting bombing flooding warming lending borrowing pricing rating ceiling wedding
  morning evening clothing heating lighting marketing banking fishing farming mining shipping testing
  screening schooling nursing wellbeing wording funding offering opening closing recording polling
  executive initiative incentive objective detective motive representative relative alternative
  archive directive narrative native explosive perspective collective cooperative drive
  hospital proposal approval trial rival animal capital signal journal festival survival arrival
  referral removal renewal refusal disposal dismissal withdrawal individual professional criminal
  official deal meal goal coal total rental portal canal metal tribunal principal terminal manual
  interval appraisal rehearsal recital burial denial tutorial memorial editorial material potential
  council pupil fuel
  table cable timetable constable vegetable
  speed need greed seed feed`
    .split(/\s+/)
    .filter(Boolean),
);

/** A lower-case word one can ask "what do they say about (the) …" of. */
export function isTopicWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (NOUNS.has(w)) return true;
  if (NOT_TOPIC.has(w) || /\d/.test(w)) return false;
  if (w.length <= 3) return true;
  return !/(ly|ing|ous|ive|ful|less|able|ible|ish)$/.test(w) && !/[^e]ed$/.test(w) && !/.{3}al$/.test(w);
}

const isNamed = (term: string) => /^[\p{Lu}\p{N}£$€]/u.test(term);

const regExpText = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where `term` stands in `text` as whole words, case aside (a new RegExp each call: global state). */
const wordsIn = (term: string, flags = 'giu') =>
  new RegExp(`(?<![\\p{L}\\p{N}])${regExpText(term)}(?![\\p{L}\\p{N}])`, flags);

/**
 * Terms the claims write next to each other, joined ("child" + "sexual exploitation" → "child
 * sexual exploitation", "Norbury" + "Hospital" → "Norbury Hospital"), in the order of the first.
 */
export function joinAdjacent(terms: readonly string[], texts: readonly string[]): string[] {
  const out = [...terms];
  for (let changed = true; changed; ) {
    changed = false;
    search: for (let i = 0; i < out.length; i++)
      for (let j = 0; j < out.length; j++) {
        // only a topic or a name is added at the end: "Ouseburn" + "rivers", not "rivers" + "doubled"
        if (i === j || (topicOf(out[j]!) === null && !isNamed(out[j]!))) continue;
        const pair = `${out[i]} ${out[j]}`;
        if (!texts.some((t) => wordsIn(pair, 'iu').test(t))) continue;
        // as the terms are written ("energy price cap", though a sentence began "Energy price cap")
        out[i] = pair;
        out.splice(j, 1);
        changed = true;
        break search;
      }
  }
  return out;
}

/** A term one can ask about: a topic noun, or a phrase ending in one (leading adverbs dropped); else null. */
function topicOf(term: string): string | null {
  const words = term.split(' ');
  while (words.length > 1 && !isNamed(words[0]!) && /ly$/i.test(words[0]!) && !NOUNS.has(words[0]!))
    words.shift();
  const last = words.at(-1)!;
  // a name ends in a name ("Norbury Hospital") or a topic ("Ouseburn rivers"); one word, a topic
  if (isNamed(term)) return (words.length > 1 && isNamed(last)) || isTopicWord(last) ? words.join(' ') : null;
  return isTopicWord(last) && words.some((w) => !NOT_TOPIC.has(w.toLowerCase())) ? words.join(' ') : null;
}

/** Matters one speaks of without "the" though they are not plural. */
const MASS = new Set(
  `energy crime health money pay abuse tax water power food waste traffic transport weather work
  welfare debt trade aid research education policy security safety inflation immigration climate
  housing funding spending policing sleep sewage rain snow music art sport football cricket rugby oil
  gas electricity steel data software evidence information advice news progress access support help
  care staff`
    .split(/\s+/)
    .filter(Boolean),
);

/** Singular, and neither a mass noun nor an abstract one ("exploitation", "housing", "violence"). */
function isCountable(word: string): boolean {
  const w = word.toLowerCase();
  if (MASS.has(w)) return false;
  if (/s$/.test(w) && !/(ss|us|is)$/.test(w)) return false;
  return !/(tion|sion|ness|ism|ity|ance|ence|ing|ment)$/.test(w);
}

/**
 * "the" before a term the claims write with "the" (or "this", "its", "the council's"…) before
 * it, and before any other singular thing that is not a name ("the plan", "the ward"); none before
 * a name, a plural or a mass noun ("Rotherham", "allegations", "child sexual exploitation").
 */
function withArticle(term: string, texts: readonly string[]): string {
  let marked = 0;
  let seen = 0;
  for (const text of texts)
    for (const m of text.matchAll(wordsIn(term))) {
      seen++;
      const before =
        text
          .slice(0, m.index)
          .match(/([\p{L}’']+)\W*$/u)?.[1]
          ?.toLowerCase() ?? '';
      if (/^(the|this|that|these|those|its|their|our)$|['’]s$/.test(before)) marked++;
    }
  if (seen > 0 && marked * 2 > seen) return `the ${term}`;
  return !isNamed(term) && isCountable(term.split(' ').at(-1)!) ? `the ${term}` : term;
}

const joinAnd = (parts: readonly string[]) =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;

/** Two wordings of one matter (case and "the" aside). */
export const sameWording = (a: string, b: string) =>
  a.toLowerCase().replace(/\bthe /g, '') === b.toLowerCase().replace(/\bthe /g, '');

/**
 * A question from a group's shared terms (most telling first) and its claims' texts: up to three
 * topics, the matter before names, each with "the" when the claims write it so. Null when no term
 * is something to ask about (only adjectives, adverbs or verbs in common): no question to offer.
 */
export function wordingFor(terms: readonly string[], texts: readonly string[] = []): string | null {
  const joined = joinAdjacent(terms, texts);
  const topics: string[] = [];
  for (const term of joined) {
    const topic = topicOf(term);
    if (!topic) continue;
    const lower = topic.toLowerCase();
    // one mention of a matter: "child" is in "child sexual exploitation", a repeat adds nothing
    if (topics.some((t) => wordsIn(lower, 'iu').test(t) || wordsIn(t, 'iu').test(lower))) {
      const k = topics.findIndex((t) => wordsIn(t, 'iu').test(lower));
      if (k >= 0) topics[k] = topic;
      continue;
    }
    topics.push(topic);
  }
  const matters = topics.filter((t) => !isNamed(t)).slice(0, 2);
  const names = topics.filter(isNamed).slice(0, matters.length === 0 ? 2 : 1);
  const chosen = [...matters, ...names];
  if (chosen.length === 0) return null;
  return `What do the speakers say about ${joinAnd(chosen.map((t) => withArticle(t, texts)))}?`;
}
