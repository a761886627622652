import type { SpeakerType } from '../extract/types';
import type { Token } from '../text/tokens';
import { groupSubject, opensWithShare } from './group-subjects';
import {
  CLAUSE_BOUNDARY,
  COURTESY_TITLES,
  DETERMINERS,
  FEMALE_NAMES,
  HEAD_TYPE,
  IRREGULAR_PAST,
  MALE_NAMES,
  NAME_JOINERS,
  NOT_NAMES,
  OBJECT_VERBS,
  ORG_TAILS,
  ORG_WORDS,
  PLACE_WORDS,
  POSSESSIVE_PRONOUNS,
  PRONOUNS,
  QUESTIONED,
  RELATIVES,
  ROLE_WORDS,
  SHORT_TITLES,
  SKIP_BEFORE_CUE,
  SPEECH_VERBS,
  TIME_WORDS,
  TITLES,
} from './lexicon';
import { isStateAbbreviation, US_STATES } from './places';

/** Courtesy titles ending a phrase ("Opposition leader Cllr"): not part of a role. */
const COURTESY_TAIL = new RegExp(`(?:^|\\s+)(?:(?:${[...COURTESY_TITLES].join('|')})\\.?\\s*)+$`, 'i');
/**
 * Titles of a name's bearer that say no office ("Dr Eve Tab", "Prof. Omar Lindqvist", "the Rev. Ann Roe"): part of
 * the name as written, never a role (the alias keeps them; `TITLE_EXPANSION` in speakers.ts reads them as offices).
 */
const NAME_TITLE_TAIL = /(?:^|\s+)(?:(?:dr|prof|professor|rev|reverend|hon|msgr)\.?\s*)+$/i;
/** A noun phrase that may name a speaker, read off the tokens of one sentence. */
export type Mention = Readonly<{
  start: number;
  end: number;
  text: string;
  kind: 'name' | 'pronoun' | 'nominal';
  /** Person's name without title ("Alan Billings"), or an organisation's name. */
  name: string | null;
  role: string | null;
  /** Lower-cased head noun or pronoun. */
  head: string;
  type: SpeakerType;
  /** For "their report": the possessive pronoun or name that owns the head. */
  owner: string | null;
  /**
   * "A spokeswoman for the Home Office": the mention names the organisation, spoken for by a person whom later
   * he/she may refer to ('m', 'f', or 'x' for "spokesperson").
   */
  voice?: 'm' | 'f' | 'x';
  /**
   * "A spokesman for the agency": the lower-case noun naming the body (or office) the spokesperson speaks for,
   * which resolves back to the latest body (or person) it fits.
   */
  refers?: string;
}>;

/** A seat's letters after a name ("Tom Berry MP"): dropped from the name, kept as the person's role. */
const SEATS = /^(MP|MSP|MS|AM|MLA|MEP|TD)$/;
const HONOURS = /^(OBE|MBE|CBE|KBE|DBE|CH|JP|FRS|PhD)$/;
/** Letters after a name: seats, honours and degrees (a silk's "KC" stays, as the press writes it). */
const isPostNominal = (word: string) => SEATS.test(word) || HONOURS.test(word);

const WARNING_COLOURS = /^(red|amber|yellow)$/;

const LEADING_PREPOSITION =
  /^(of|in|on|at|for|from|with|by|after|before|during|under|over|about|into|through|since|until|without|within|via|amid|despite)$/;
const PREPOSITIONS = new Set([
  'of',
  'for',
  'with',
  'from',
  'at',
  'in',
  'on',
  'to',
  'about',
  'by',
  'familiar',
  'close',
]);

const isNameWord = (t: Token) => t.word && t.cap && !NOT_NAMES.has(t.key);

const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december)$/;

/**
 * A name word at tokens[i]: also a month after a courtesy or short title or a first name ("Ms. May said", "Mr June",
 * "Diane May"), or after a name word before a person's aside, which is a surname there, never a date.
 */
const nameWordAt = (tokens: readonly Token[], i: number): boolean => {
  const t = tokens[i];
  if (!t) return false;
  if (isNameWord(t)) return true;
  const p = tokens[i - 1];
  return (
    t.word &&
    t.cap &&
    MONTHS.test(t.key) &&
    !!p?.word &&
    p.cap &&
    (COURTESY_TITLES.has(p.key) ||
      SHORT_TITLES.has(p.key) ||
      MALE_NAMES.has(p.key) ||
      FEMALE_NAMES.has(p.key) ||
      // ("Yin Myint May, 60, a doctor, said": a name before it and an aside that fits only a person.)
      (isNameWord(p) && personAppositive(tokens, i)))
  );
};
const isPlural = (k: string) => /[^s]s$/.test(k) && k.length > 3;

/** Reads a noun phrase spanning tokens[from..to] (inclusive) into a mention, or null when it is not one. */
export function mentionOf(text: string, tokens: readonly Token[], from: number, to: number): Mention | null {
  if (from < 0 || to >= tokens.length || from > to) return null;
  while (from <= to && !tokens[from]!.word) from++;
  // "Does Rubio", "Even Lindsey Graham", "Maybe Trump": a sentence's opening word is not part of the name after it.
  while (from < to && tokens[from]!.cap && OPENERS.has(tokens[from]!.key) && tokens[from + 1]!.cap) from++;
  // ("a congressional report on Wednesday": the time is the verb's; "a poll taken last week" keeps it.)
  while (
    to - from >= 2 &&
    WHEN.test(tokens[to]!.key) &&
    /^(on|last|this|next)$/.test(tokens[to - 1]!.key) &&
    !/(ed|en)$/.test(tokens[to - 2]!.key)
  )
    to -= 2;
  // A phrase opening with a preposition is an adjunct ("In a statement"), never a speaker.
  // ("about half of voters" is a quantity, not an adjunct.)
  if (
    from <= to &&
    LEADING_PREPOSITION.test(tokens[from]!.key) &&
    !(
      /^(about|over|under)$/.test(tokens[from]!.key) &&
      /^(\d|half|a|one|two|three|four|five|six|seven|eight|nine|ten|a)/.test(tokens[from + 1]?.key ?? '')
    )
  )
    return null;
  // "Gov. John Kasich (R-OH)", "Sen. Tim Kaine (D-Va.)": a closing parenthetical gloss is not part of the name.
  if (tokens[to]?.text === ')') {
    let p = to - 1;
    while (p > from && to - p <= 8 && tokens[p]!.text !== '(') p--;
    if (p > from && tokens[p]!.text === '(') to = p - 1;
  }
  while (to >= from && !tokens[to]!.word) to--;
  if (from > to || to - from > 24) return null;
  const named = spokespersonFor(text, tokens, from, to) ?? authoredDocument(text, tokens, from, to);
  if (named) return named;
  if (to - from > 14) return null;
  // "the Department for Business, Energy and Industrial Strategy": a body whose name holds a list.
  let comma = false;
  for (let k = from + 1; k < to && !comma; k++) comma = tokens[k]!.text === ',';
  const list = comma ? orgRun(tokens, from, to) : null;
  if (list?.body && list.last === to) {
    const name = text.slice(tokens[list.first]!.start, tokens[to]!.end);
    const span = { start: tokens[from]!.start, end: tokens[to]!.end };
    const head = tokens[to]!.key;
    return {
      ...span,
      text: text.slice(span.start, span.end),
      kind: 'name',
      name,
      role: null,
      head,
      type: 'organization',
      owner: null,
    };
  }
  const first = tokens[from]!;
  const last = tokens[to]!;
  const span = { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
  // "Six in 10 say", "Nine out of ten said", "55 percent of voters say": a survey share is a group of respondents,
  // never a person named "Six".
  // ("More than six in 10": a qualified share is left to the share reader, which keeps the qualifier.)
  if (opensWithShare(tokens, from, to) && !/^(than|least)$/.test(tokens[from - 1]?.key ?? ''))
    return { ...span, kind: 'nominal', name: null, role: null, head: last.key, type: 'group', owner: null };
  // "One says …, another says …", "Those who spoke to us said …": indefinite pronouns stand for a group member.
  if (
    from === to &&
    (/^(one|another|others|some|many|both|most|few)$/.test(first.key) ||
      (first.key === 'those' && tokens[to + 1]?.key === 'who'))
  )
    return { ...span, kind: 'nominal', name: null, role: null, head: first.key, type: 'group', owner: null };
  // "Red warning issued", "issued a red warning": the colour of a weather warning, never its issuer.
  if (WARNING_COLOURS.test(last.key) && to - from <= 1 && (from === to || DETERMINERS.has(first.key)))
    return null;
  if (from === to && PRONOUNS.has(first.key))
    return {
      ...span,
      kind: 'pronoun',
      name: null,
      role: null,
      head: first.key,
      type: 'unknown',
      owner: null,
    };
  // Head: the last word before a preposition that is not inside a capitalised name.
  let headAt = to;
  for (let i = from + 1; i <= to; i++) {
    const t = tokens[i]!;
    const l = tokens[i - 1]!;
    const inName =
      NAME_JOINERS.has(t.key) &&
      isNameWord(l) &&
      tokens[i + 1]?.cap &&
      // "Residents of Millbrook said": a group noun opening the phrase is its head, not part of a name.
      !(i - 1 === from && HEAD_TYPE.get(l.key) === 'group' && isPlural(l.key)) &&
      (t.key !== 'of' ||
        TITLES.has(l.key) ||
        ROLE_WORDS.has(l.key) ||
        ORG_WORDS.has(l.key) ||
        HEAD_TYPE.has(l.key));
    if (PREPOSITIONS.has(t.key) && !inName && !t.cap) {
      headAt = i - 1;
      break;
    }
  }
  // "Priya Lal KC", "Tom Berry MP", "Ann Duffy OBE": letters after a name are no part of it (an MP's are a role).
  let post: string | null = null;
  if (
    headAt - 2 >= from &&
    isPostNominal(tokens[headAt]!.text) &&
    isNameWord(tokens[headAt - 1]!) &&
    isNameWord(tokens[headAt - 2]!) &&
    !ORG_WORDS.has(tokens[headAt - 1]!.key)
  ) {
    post = tokens[headAt]!.text;
    headAt--;
  }
  // A person's name: the run of capitalised words ending the head, after any title or role word.
  let n = headAt;
  while (
    n >= from &&
    nameWordAt(tokens, n) &&
    !(n < headAt && /['’]s$/.test(tokens[n]!.text)) &&
    !(n < headAt - 1 && RANKS.has(tokens[n]!.key)) &&
    !TITLES.has(tokens[n]!.key) &&
    !ROLE_WORDS.has(tokens[n]!.key) &&
    !ORG_WORDS.has(tokens[n]!.key) &&
    !HEAD_TYPE.has(tokens[n]!.key) &&
    // "Operator Moorlink Buses said": a firm noun opening the phrase is its role, as lower-case "the operator" is.
    !(n === from && n < headAt && FIRM_NOUN.test(tokens[n]!.key))
  )
    n--;
  const head = tokens[headAt]!.key;
  // "Procter & Gamble", "Johnson & Johnson": capitalised words joined by '&' name a firm, not a person.
  if (n > from && n < headAt && tokens[n]!.text === '&' && isNameWord(tokens[n - 1]!)) {
    let b = n - 1;
    while (b > from && isNameWord(tokens[b - 1]!) && !TITLES.has(tokens[b - 1]!.key)) b--;
    const firm = text.slice(tokens[b]!.start, tokens[headAt]!.end);
    return { ...span, kind: 'name', name: firm, role: null, head, type: 'organization', owner: null };
  }
  // "Office for Crime Statistics", "Department of Justice": a joiner inside a capitalised run makes it a body.
  if (n >= from + 1 && n < headAt && NAME_JOINERS.has(tokens[n]!.key) && isNameWord(tokens[n - 1]!)) {
    let b = n - 1;
    while (b > from && (isNameWord(tokens[b - 1]!) || NAME_JOINERS.has(tokens[b - 1]!.key))) b--;
    if (
      tokens.slice(b, headAt + 1).some((x) => ORG_WORDS.has(x.key) || HEAD_TYPE.get(x.key) === 'organization')
    ) {
      const orgName = text.slice(tokens[b]!.start, tokens[headAt]!.end);
      return { ...span, kind: 'name', name: orgName, role: null, head, type: 'organization', owner: null };
    }
  }
  // "The Conservative MP for Harrowby", "the Minister for Europe": an office named by its seat, not a person.
  if (
    n >= from + 1 &&
    n < headAt &&
    (tokens[n]!.key === 'for' || tokens[n]!.key === 'of') &&
    (ROLE_WORDS.has(tokens[n - 1]!.key) || TITLES.has(tokens[n - 1]!.key))
  ) {
    const office = span.text.replace(/^(the|a|an)\s+/i, '');
    return {
      ...span,
      kind: 'nominal',
      name: null,
      role: office,
      head: tokens[n - 1]!.key,
      type: 'person',
      owner: null,
    };
  }
  const ownerTok = tokens[from]!;
  const owner =
    POSSESSIVE_PRONOUNS.has(ownerTok.key) || /['’]s$/.test(ownerTok.text)
      ? ownerTok.text.replace(/['’]s$/, '')
      : null;
  if (n < headAt && !(n >= from && /['’]s$/.test(tokens[headAt]!.text))) {
    const nameFrom = n + 1;
    const nameTokens = tokens.slice(nameFrom, headAt + 1);
    if (nameTokens.some((t) => /['’]s$/.test(t.text)) && headAt === to) {
      // "Smith’s" alone is not a subject.
      return null;
    }
    // "Network Rail", "Northfield Transport", "operator Marston Brewery": a capitalised run ending in a body's noun.
    if (ORG_TAILS.has(tokens[headAt]!.key) && headAt === to) {
      let b = nameFrom;
      while (
        b > from &&
        isNameWord(tokens[b - 1]!) &&
        !(b - 1 === from && FIRM_NOUN.test(tokens[from]!.key)) &&
        !TITLES.has(tokens[b - 1]!.key) &&
        !ROLE_WORDS.has(tokens[b - 1]!.key)
      )
        b--;
      const firstKey = tokens[b]!.key;
      if (headAt > b && !MALE_NAMES.has(firstKey) && !FEMALE_NAMES.has(firstKey)) {
        const body = text.slice(tokens[b]!.start, tokens[headAt]!.end);
        return { ...span, kind: 'name', name: body, role: null, head, type: 'organization', owner: null };
      }
    }
    const name = text.slice(tokens[nameFrom]!.start, tokens[headAt]!.end);
    const roleText = nameFrom > from ? text.slice(tokens[from]!.start, tokens[nameFrom - 1]!.end) : null;
    // "Mr Patel", "Opposition leader Cllr Tom Briggs": a courtesy title is not a role. ("Former mayor Dev Arora"
    // keeps "former": he is not the mayor.)
    // ("The Valley Ledger": a bare article is no role.)
    const role =
      roleText
        ?.replace(/^(the|a|an|then)(\s+|$)/i, '')
        .replace(COURTESY_TAIL, '')
        .replace(NAME_TITLE_TAIL, '')
        .replace(COURTESY_TAIL, '')
        .trim() || null;
    // "The Valley Ledger reported", "The Wenford Gazette said": a capitalised name right after "the" with no first
    // name or title in it is a body (a newspaper, a firm), never a person.
    const theName =
      roleText !== null &&
      /^the$/i.test(roleText) &&
      nameTokens.length >= 2 &&
      !nameTokens.some((t) => TITLES.has(t.key) || MALE_NAMES.has(t.key) || FEMALE_NAMES.has(t.key));
    const single = nameTokens.length === 1;
    // ("Senator RYAN:", a transcript's speaker label: a title before the capitals makes them a person's name.)
    const allCaps =
      single &&
      /^[\p{Lu}\d&.]{2,}$/u.test(nameTokens[0]!.text) &&
      !tokens.slice(from, nameFrom).some((t) => TITLES.has(t.key));
    // "Hollin Lane" is a place; "Ellen Marsh", with a common first name, is a person.
    const firstKey = nameTokens[0]!.key;
    // ("Ms Marsh", "Mr Field": a courtesy title before the name makes it a person's.)
    const place =
      (PLACE_WORDS.has(head) || GEO_NAMES.has(name.toLowerCase())) &&
      !(nameTokens.length === 2 && (MALE_NAMES.has(firstKey) || FEMALE_NAMES.has(firstKey))) &&
      !(roleText && COURTESY_TAIL.test(roleText)) &&
      !(nameTokens.length === 2 && personAppositive(tokens, headAt));
    // "the union Unite", "the charity Shelter": a body noun right before a name makes the name a body.
    // ("Operator Moorlink Buses": a capitalised firm noun opening the phrase, too; not "Senate" before a name.)
    const roleNoun = role?.split(/\s+/).at(-1) ?? '';
    const bodyRole =
      !!role &&
      // ("The fitness tracking app Stridely": lower-case modifiers before the noun, too.)
      ((/^\p{Lu}?[\p{Ll}\s-]+$/u.test(role) &&
        (HEAD_TYPE.get(roleNoun) === 'organization' || FIRM_NOUN.test(roleNoun))) ||
        (/^\p{Lu}\p{Ll}+$/u.test(role) && FIRM_NOUN.test(role.toLowerCase()))) &&
      !nameTokens.some((t) => TITLES.has(t.key) || MALE_NAMES.has(t.key) || FEMALE_NAMES.has(t.key));
    const type: SpeakerType =
      allCaps || place || bodyRole || theName
        ? 'organization'
        : single && (HEAD_TYPE.get(head) === 'group' || (/s$/.test(head) && HEAD_TYPE.has(head.slice(0, -1))))
          ? 'group'
          : single && (ORG_WORDS.has(head) || HEAD_TYPE.get(head) === 'organization')
            ? 'organization'
            : 'person';
    return {
      ...span,
      kind: 'name',
      name,
      role: role ?? (post && SEATS.test(post) ? post : null),
      head,
      type,
      owner: null,
    };
  }
  // No personal name: an office, organisation, group or document.
  const headType = HEAD_TYPE.get(head);
  const capWords = tokens.slice(from, headAt + 1).filter(isNameWord);
  const hasDet = DETERMINERS.has(first.key) || POSSESSIVE_PRONOUNS.has(first.key) || owner !== null;
  let type: SpeakerType;
  if (ROLE_WORDS.has(head) || TITLES.has(head)) type = 'person';
  // ("Pellworth Group": a capitalised "Group" ending an all-capitalised name is a body, not people.)
  else if (
    headType === 'group' &&
    capWords.length === headAt - from + 1 - (hasDet ? 1 : 0) &&
    tokens[headAt]!.cap &&
    ORG_WORDS.has(head)
  )
    type = 'organization';
  else if (headType) type = headType;
  else if (capWords.length && ORG_WORDS.has(head)) type = 'organization';
  else if (capWords.length && capWords.length === headAt - from + 1) type = 'organization';
  else if (hasDet && isPlural(head)) type = 'group';
  // "forecasters warn", "Water companies said": a bare plural noun is a group.
  else if (
    (headAt === to || to - headAt <= 4) &&
    isPlural(head) &&
    !tokens[headAt]!.cap &&
    !isVerbLike(head) &&
    !/(ss|us|is)$/.test(head)
  )
    type = 'group';
  else if (
    hasDet &&
    !isVerbLike(head) &&
    tokens[headAt]!.word &&
    !PRONOUNS.has(head) &&
    !DETERMINERS.has(head)
  )
    type = 'unknown';
  else return null;
  if (type === 'group' && (head === 'group' || head === 'groups') && headAt < to) type = 'group';
  const cleaned = span.text.replace(/^(the|a|an|this|these|those)\s+/i, '');
  const isOrgName = type === 'organization' && capWords.length > 0;
  return {
    ...span,
    kind: isOrgName ? 'name' : 'nominal',
    name: isOrgName ? (describedBody(text, tokens, from, headAt) ?? cleaned) : null,
    role: type === 'person' ? cleaned : null,
    head,
    type,
    owner,
  };
}

/** Nouns a person or a body can be: the name in the appositive says which. */
const EITHER_NOUN =
  /^(owner|owners|employer|landlord|buyer|seller|bidder|partner|sponsor|rival|parent|contractor|builder|tenant|leaseholder|freeholder|licensee|landowner)$/;

const WHEN = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|weekend)$/;

/** Words that open a sentence in capitals but never a name. */
const OPENERS: ReadonlySet<string> = new Set(
  `does did do maybe both even several interestingly neither nor but and though although just also only perhaps
still yet so now then if when while because indeed meanwhile however instead again already never why how what
year today yesterday tonight last next alongside among amongst unlike beside besides`.split(/\s+/),
);

/** A party-state label: "D-Ohio", "R-Fla.", "I-Conn". */
const PARTY_LABEL = /^(?:[RDI]|Rep|Dem|Ind|Lab|Con|LD|SNP)-[\p{L}.]+$/u;

/**
 * "the Italian firm Cosmo Pharmaceuticals": a body's capitalised name after a lower-case descriptor is its name
 * (the descriptor is not). Null when the phrase is all name ("the Department of Health").
 */
function describedBody(text: string, tokens: readonly Token[], from: number, headAt: number): string | null {
  let j = headAt;
  while (
    j - 1 > from &&
    (isNameWord(tokens[j - 1]!) ||
      (NAME_JOINERS.has(tokens[j - 1]!.key) && !tokens[j - 1]!.cap && isNameWord(tokens[j - 2]!)))
  )
    j--;
  if (!isNameWord(tokens[j]!) || j === headAt) return null;
  const d = tokens[j - 1]!;
  if (!d.word || d.cap || /['’]s$/.test(d.text)) return null;
  if (!FIRM_NOUN.test(d.key) && !/^(firm|company|group|union|bank|party|agency)$/.test(d.key)) return null;
  return text.slice(tokens[j]!.start, tokens[headAt]!.end);
}

/** Ranks and callings written before a name ("Detective Sergeant Paul Rigby", "Rancher Ray Tolliver"). */
const RANKS = new Set(
  `sergeant constable pc dc ds dci det insp lieutenant captain admiral corporal whip pleader rancher farmer
  nurse paramedic firefighter pastor deacon coach`.split(/\s+/),
);

const SPOKES = /^spokes(man|woman|person)$/;
const AUTHORED =
  /^(report|study|survey|poll|analysis|review|audit|research|investigation|assessment|paper|inquiry|census|evaluation)$/;
const DOC_PARTICIPLE =
  /^(published|released|commissioned|conducted|compiled|produced|issued|written|prepared|funded|undertaken)$/;

/**
 * The end of a capitalised organisation name starting at tokens[k] (after an optional "the"): name words joined
 * by "of/for/and/&" and by commas inside a list that closes with "and" ("Department for Environment, Food and
 * Rural Affairs"). Returns [first, last] token indexes and whether the name shows it is a body, or null.
 */
export function orgRun(
  tokens: readonly Token[],
  k: number,
  to: number,
): { first: number; last: number; body: boolean; person: boolean } | null {
  if (tokens[k]?.key === 'the') k++;
  if (k > to || !isNameWord(tokens[k]!)) return null;
  const first = k;
  let last = k;
  let body = false;
  for (let i = k + 1; i <= to; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (isNameWord(t)) {
      last = i;
      continue;
    }
    if (!next || !isNameWord(next) || i + 1 > to) break;
    if ((t.key === 'and' || t.text === '&' || NAME_JOINERS.has(t.key)) && !t.cap) {
      // "Republic of Turkey", "Office for Budget Responsibility"; "Cruz and Carson" is two people.
      if (t.key === 'of' || t.key === 'for' || t.text === '&') body = true;
      continue;
    }
    // A comma continues the name only inside a list that an "and" closes before the name ends, and only after the
    // words before it show a body ("Department for Environment, Food and …", not "Cruz, Trump and Carson").
    const bodySoFar = () =>
      body ||
      tokens.slice(first, i).some((x) => ORG_WORDS.has(x.key) || HEAD_TYPE.get(x.key) === 'organization');
    if (t.text === ',' && bodySoFar()) {
      let j = i + 1;
      while (j <= to && (isNameWord(tokens[j]!) || tokens[j]!.text === ',')) j++;
      if (j <= to && (tokens[j]!.key === 'and' || tokens[j]!.text === '&') && tokens[j + 1]?.cap) continue;
    }
    break;
  }
  const run = tokens.slice(first, last + 1);
  if (run.some((x) => ORG_WORDS.has(x.key) || HEAD_TYPE.get(x.key) === 'organization')) body = true;
  if (run.length === 1 && /^[\p{Lu}&]{2,}$/u.test(run[0]!.text)) body = true;
  // "House Speaker Paul Ryan", "Mayor Frank Jackson of Cleveland": a title or a first name makes it a person.
  const person = run.some((x) => TITLES.has(x.key) || MALE_NAMES.has(x.key) || FEMALE_NAMES.has(x.key));
  return { first, last, body: body && !person, person };
}

/**
 * "A spokeswoman for the Department for Environment, Food and Rural Affairs": the speaker is the organisation
 * (the team's gold and PolNeAR both name it); the spokesperson is its role and a later he/she its voice. A
 * spokesman for a person ("for Mrs. Clinton") or for a lower-case body ("for the council") is left alone.
 */
function spokespersonFor(text: string, tokens: readonly Token[], from: number, to: number): Mention | null {
  let h = from;
  if (/^(a|an|the)$/.test(tokens[h]!.key)) h++;
  const head = tokens[h];
  if (!head) return null;
  if (!SPOKES.test(head.key)) return spokespersonAfter(text, tokens, from, h, to);
  if (!/^(for|at|of)$/.test(tokens[h + 1]?.key ?? '')) return null;
  const voice = head.key.endsWith('woman') ? 'f' : head.key.endsWith('man') ? 'm' : 'x';
  const span = {
    start: tokens[from]!.start,
    end: tokens[to]!.end,
    text: text.slice(tokens[from]!.start, tokens[to]!.end),
  };
  const run = orgRun(tokens, h + 2, to);
  if (!run?.body || run.last !== to) {
    // "a spokesman for the agency", "a spokeswoman for the minister": the body or office named before.
    const noun = bodyNoun(tokens, h + 2, to);
    return noun
      ? {
          ...span,
          kind: 'nominal',
          name: null,
          role: head.key,
          head: noun,
          type: 'organization',
          owner: null,
          voice,
          refers: noun,
        }
      : null;
  }
  const name = text.slice(tokens[run.first]!.start, tokens[run.last]!.end);
  return {
    ...span,
    kind: 'name',
    name,
    role: head.key,
    head: head.key,
    type: 'organization',
    owner: null,
    voice,
  };
}

/** "the agency", "the minister", "the department": a definite lower-case noun of a body or an office, or null. */
function bodyNoun(tokens: readonly Token[], k: number, to: number): string | null {
  if (k !== to - 1 || !/^(the|its|this)$/.test(tokens[k]!.key)) return null;
  const t = tokens[to]!;
  if (t.cap || !t.word) return null;
  const type = HEAD_TYPE.get(t.key);
  return type === 'organization' || ROLE_WORDS.has(t.key) || TITLES.has(t.key) ? t.key : null;
}

/**
 * "A Home Office spokesman", "a Channel 8 spokesperson": the body before the spokesperson word. It needs a body
 * word, capitals or two words without a title or first name ("a Trump spokesman" is left alone).
 */
function spokespersonAfter(
  text: string,
  tokens: readonly Token[],
  from: number,
  h: number,
  to: number,
): Mention | null {
  const last = tokens[to]!;
  if (to <= h || !SPOKES.test(last.key)) return null;
  const voice = last.key.endsWith('woman') ? 'f' : last.key.endsWith('man') ? 'm' : 'x';
  const span = { start: tokens[from]!.start, end: last.end, text: text.slice(tokens[from]!.start, last.end) };
  // "One Clinton spokesman", "another White House spokeswoman"
  if (/^(one|another)$/.test(tokens[h]!.key)) h++;
  const before = tokens.slice(h, to);
  // ("a council spokesperson" is left alone: unlike "a spokesman for the council" it does not point back to a
  // council already named, and an article often names more than one.)
  if (before.length === 0) return null;
  if (
    !before.every(
      (t) => (t.word && (t.cap || /^\d+$/.test(t.key))) || NAME_JOINERS.has(t.key) || t.text === '&',
    )
  )
    return null;
  // ("The Environment Agency's spokesperson": a body's possessive, not a person's.)
  const possessive = /['’]s$/.test(before.at(-1)!.text);
  const bodyWord = (t: Token) => {
    const k = t.key.replace(/['’]s$/, '');
    return ORG_WORDS.has(k) || HEAD_TYPE.get(k) === 'organization';
  };
  if (!before[0]!.cap || (possessive && !bodyWord(before.at(-1)!))) return null;
  const run = orgRun(tokens, h, to - 1);
  const words = before.filter((t) => t.word);
  const person = words.some((t) => TITLES.has(t.key) || MALE_NAMES.has(t.key) || FEMALE_NAMES.has(t.key));
  const body =
    !person &&
    ((run?.body && run.last === to - 1) ||
      (words.length === 1 && /^[\p{Lu}&]{2,}$/u.test(words[0]!.text)) ||
      words.length >= 2);
  if (!body) return null;
  const name = text.slice(before[0]!.start, before.at(-1)!.end).replace(/['’]s$/, '');
  return {
    ...span,
    kind: 'name',
    name,
    role: last.key,
    head: last.key,
    type: 'organization',
    owner: null,
    voice,
  };
}

/**
 * "a report published by the Rivers Trust in March", "A study commissioned by the Department of Health and Social
 * Care": a document named by its author, as the team's gold names them ("Rivers Trust report").
 */
function authoredDocument(text: string, tokens: readonly Token[], from: number, to: number): Mention | null {
  let h = from;
  while (h <= to && h - from < 3 && !AUTHORED.test(tokens[h]!.key)) h++;
  if (h > to || !AUTHORED.test(tokens[h]!.key) || tokens[h]!.cap) return null;
  const before = tokens.slice(from, h);
  if (!before.every((t) => t.word && (DETERMINERS.has(t.key) || !t.cap) && !isVerbLike(t.key))) return null;
  let b = h + 1;
  if (DOC_PARTICIPLE.test(tokens[b]?.key ?? '')) b++;
  else if (tokens[b]?.key === 'carried' && tokens[b + 1]?.key === 'out') b += 2;
  if (tokens[b]?.key !== 'by') return null;
  const run = orgRun(tokens, b + 1, to);
  if (!run) return null;
  // After the author only a time or place adjunct: "in March", "last year", "on Monday".
  const rest = tokens[run.last + 1];
  if (run.last < to && !/^(in|on|last|this|earlier|at|during|over)$/.test(rest?.key ?? '')) return null;
  const author = text.slice(tokens[run.first]!.start, tokens[run.last]!.end);
  return {
    start: tokens[from]!.start,
    end: tokens[to]!.end,
    text: text.slice(tokens[from]!.start, tokens[to]!.end),
    kind: 'name',
    name: `${author} ${tokens[h]!.key}`,
    role: null,
    head: tokens[h]!.key,
    type: 'document',
    owner: null,
  };
}

/** Is the "and" at tokens[at] inside a noun phrase ("Police and Crime Commissioner", "the police and crime commissioner")? */
function andInPhrase(tokens: readonly Token[], at: number, min: number): boolean {
  const l = tokens[at - 1];
  const r = tokens[at + 1];
  if (!l?.word || !r?.word) return false;
  if (isNameWord(l) && isNameWord(r)) return true;
  // ("South Yorkshire's police and crime commissioner", "its police and crime panel": a possessive determines it.)
  const det = tokens[at - 2];
  return (
    !l.cap &&
    at - 2 >= min &&
    !!det &&
    (/^(the|a|an)$/.test(det.key) ||
      ((POSSESSIVE_PRONOUNS.has(det.key) || (/['’]s$/.test(det.text) && det.cap)) &&
        // ("calling for Fiorina's firing and carrying signs": two participles, not one office.)
        !/ing$/.test(r.key))) &&
    !SPEECH_VERBS.has(l.key)
  );
}

/** A word in a script without letter case (Chinese, Japanese, Arabic …): never part of a capitalised name run. */
const CASELESS = /^\p{Lo}+$/u;

const CLOSE_TO = /^(close|closer|near|loyal|allied|opposed|sympathetic|connected|related|linked|answerable)$/;

/** Index of the first token of the noun phrase that ends at tokens[to], reading leftwards to a clause boundary. */
export function phraseStart(tokens: readonly Token[], to: number, min: number): number {
  let i = to;
  let skipped = 0;
  while (i > min) {
    const t = tokens[i - 1]!;
    if (t.text === ',') {
      // "the Department for Environment, Food and Rural Affairs": the comma of a body's name.
      const k = orgListStart(tokens, i, to, min);
      if (k === null) break;
      skipped += i - k;
      i = k;
      continue;
    }
    // "Procter & Gamble", "Marks & Spencer": an ampersand between capitalised words joins one name.
    if (t.text === '&' && i - 2 >= min && isNameWord(tokens[i]!) && isNameWord(tokens[i - 2]!)) {
      i--;
      continue;
    }
    // "riders’ group", "the operators' trade body": a plural noun's possessive apostrophe is inside the phrase.
    // (Not a name's: `Sanders’ campaign` is read as its owner elsewhere.)
    const owner = tokens[i - 2];
    if (
      /^['’]$/.test(t.text) &&
      i - 2 >= min &&
      owner?.word &&
      !owner.cap &&
      /s$/.test(owner.key) &&
      tokens[i]?.word
    ) {
      i--;
      continue;
    }
    if (!t.word) break;
    // "a survey released by Gallup": the participle of an authored document is inside the phrase.
    if (tokens[i]?.key === 'by' && DOC_PARTICIPLE.test(t.key) && AUTHORED.test(tokens[i - 2]?.key ?? '')) {
      i--;
      continue;
    }
    if (CLAUSE_BOUNDARY.has(t.key) && !(t.key === 'and' && andInPhrase(tokens, i - 1, min))) break;
    // "The sharpest criticism came from Priya Natarajan, who said": the source after "came from" is its own phrase.
    if (t.key === 'from' && /^(came|comes|come)$/.test(tokens[i - 2]?.key ?? '')) break;
    // A verb taking an object ("published a report", "Residents cheered Ms Lowe, who said") starts a new phrase.
    if (
      !t.cap &&
      /ed$/.test(t.key) &&
      tokens[i] &&
      (DETERMINERS.has(tokens[i]!.key) || COURTESY_TITLES.has(tokens[i]!.key))
    )
      break;
    // ("The inquiry looked into the Development Bank, which …": the verb's preposition, too.)
    if (
      /^(into|onto|toward|towards|through|against|across)$/.test(t.key) &&
      /ed$/.test(tokens[i - 2]?.key ?? '') &&
      !tokens[i - 2]!.cap &&
      DETERMINERS.has(tokens[i]?.key ?? '')
    )
      break;
    // A speech verb ends the phrase, unless a determiner or adjective makes it a noun ("an earlier report").
    const before = tokens[i - 2];
    const asNoun =
      before?.word &&
      (DETERMINERS.has(before.key) ||
        POSSESSIVE_PRONOUNS.has(before.key) ||
        /['’]s$/.test(before.text) ||
        /(er|est|al|ous|ic|ive|ent|ant|ary|new)$/.test(before.key));
    if (!t.cap && SPEECH_VERBS.has(t.key) && !asNoun) break;
    if (
      !t.cap &&
      /^(is|was|are|were|has|have|had|be|been|will|would|can|could|should|may|might|must|did|does|do|not|it|there|to)$/.test(
        t.key,
      ) &&
      // "A source close to the player said": an adjective's complement belongs to the subject.
      !(t.key === 'to' && CLOSE_TO.test(tokens[i - 2]?.key ?? ''))
    )
      break;
    if (to - i - skipped >= 12) break;
    i--;
  }
  return i;
}

/**
 * Is tokens[v] the finite verb of a clause whose object phrase follows: `The mayor met residents who said`, `Nobody
 * knows who`, `The board heard from Dale Pruitt, who said`, `The panel grilled officials who said`? Not a participle
 * of the phrase (`a group led by`, `the retired teacher`, `the questions`).
 */
function objectVerb(tokens: readonly Token[], v: number, min: number): boolean {
  const t = tokens[v]!;
  const next = tokens[v + 1];
  if (!t.word || t.cap || !next || next.key === 'by') return false;
  const prev = v - 1 >= min ? tokens[v - 1] : undefined;
  // The word before is the verb's subject: a name, a pronoun or a noun the lexicon knows.
  const afterSubject =
    !!prev?.word &&
    !DETERMINERS.has(prev.key) &&
    !POSSESSIVE_PRONOUNS.has(prev.key) &&
    ((prev.cap && v - 1 > 0) || PRONOUNS.has(prev.key) || HEAD_TYPE.has(prev.key));
  if (IRREGULAR_PAST.test(t.key)) return !DETERMINERS.has(prev?.key ?? '');
  if (OBJECT_VERBS.has(t.key))
    return /[^s]s$/.test(t.key) ? afterSubject || (prev?.cap ?? false) : !DETERMINERS.has(prev?.key ?? '');
  // (An -ed word after a capitalised word is as often an adjective: `Democratic registered voters`.)
  return (
    /ed$/.test(t.key) &&
    t.key.length > 4 &&
    afterSubject &&
    !prev.cap &&
    /^\p{Ll}/u.test(next.text) &&
    !LEADING_PREPOSITION.test(next.key)
  );
}

/**
 * Where the object of the last finite verb (`objectVerb`) in tokens[from..to) starts, after the verb's preposition
 * (`heard from Dale Pruitt`, `voted for the resolution`), or null when the phrase holds none.
 */
function afterObjectVerb(tokens: readonly Token[], from: number, to: number, min: number): number | null {
  for (let v = to - 1; v >= from; v--)
    if (objectVerb(tokens, v, min))
      return tokens[v + 1]!.key === 'to' || LEADING_PREPOSITION.test(tokens[v + 1]!.key) ? v + 2 : v + 1;
  return null;
}

/** Where a body's name holding a list starts, when tokens[i - 1] is a comma inside it ("Environment, Food and …"). */
function orgListStart(tokens: readonly Token[], i: number, to: number, min: number): number | null {
  if (i - 2 < min || !isNameWord(tokens[i]!) || !isNameWord(tokens[i - 2]!)) return null;
  let k = i - 2;
  while (k - 1 >= min) {
    const p = tokens[k - 1]!;
    if (isNameWord(p)) k--;
    else if (
      ((NAME_JOINERS.has(p.key) && !p.cap) || p.text === ',') &&
      k - 2 >= min &&
      isNameWord(tokens[k - 2]!)
    )
      k -= 2;
    else break;
  }
  if (tokens[k]!.key === 'the') k++;
  const run = orgRun(tokens, k, to);
  return run?.body && run.first === k && run.last === to ? k : null;
}

/** "Lee Marsh, a parent at the school,", "Lee Marsh, 42,", "Lee Marsh, who …": an aside that only fits a person. */
function personAppositive(tokens: readonly Token[], at: number): boolean {
  if (tokens[at + 1]?.text !== ',') return false;
  const next = tokens[at + 2];
  if (!next) return false;
  if (/^\d{1,2}$/.test(next.text) || next.key === 'who') return true;
  return (
    /^(a|an|the)$/.test(next.key) &&
    tokens
      .slice(at + 3, at + 7)
      .some((t) => !t.cap && (HEAD_TYPE.get(t.key) === 'person' || ROLE_WORDS.has(t.key)))
  );
}

export type Subject = Readonly<{
  mention: Mention;
  role: string | null;
  relative: boolean;
  /** Where the whole subject phrase starts when it is wider than the mention ("Its manager, Jo Lee, said"). */
  from?: number;
  /**
   * "Barkley, who said …": the relative pronoun, which is the words the attribution rests on (the speaker
   * mention, as `He` is for `He said`), while `mention` is its antecedent, the speaker.
   */
  pronoun?: Readonly<{ start: number; end: number }>;
}>;

/** Skips adverbs, auxiliaries and time phrases leftwards from index i. */
export function skipLeft(tokens: readonly Token[], i: number, min: number): number {
  while (i >= min) {
    const t = tokens[i]!;
    if (
      SKIP_BEFORE_CUE.has(t.key) ||
      (t.word && /ly$/.test(t.key) && !t.cap && t.key.length > 4) ||
      // "Dr Li Wei 李伟 said": the name again in a script without capitals.
      (CASELESS.test(t.text) && tokens[i - 1]?.cap)
    )
      i--;
    else break;
  }
  return i;
}

/** The subject of a cue at tokens[cue]: "Dr Billings said", "Stafford, MP for X, told", "a report, which claims". */
export function subjectBefore(
  text: string,
  tokens: readonly Token[],
  cue: number,
  min: number,
  depth = 0,
): Subject | null {
  const found = subjectBeforeInner(text, tokens, cue, min, depth);
  if (depth > 0) return found;
  // "Having announced that he would not send me to prison, Judge Berman …": the participle's subject is the main
  // clause's, never the participle read as a one-word name.
  if (
    found &&
    min === 0 &&
    found.mention.start === tokens[0]?.start &&
    openingAdverbial(tokens) &&
    found.mention.end <= (tokens.find((t) => t.text === ',')?.start ?? 0)
  ) {
    // ("Having said that, …": a discourse formula of the author's, no report.)
    const comma = tokens.findIndex((t) => t.text === ',');
    if (cue < comma && tokens.slice(cue + 1, comma).every((t) => /^(that|so|this|as|much)$/.test(t.key)))
      return null;
    // ("Facing questions from reporters, Ambrose said": a cue word right after the participle is its object noun.)
    if (cue === 1 && /ing$/.test(tokens[0]!.key) && !/^(having|being)$/.test(tokens[0]!.key)) return null;
    return mainSubject(text, tokens, tokens.length) ?? found;
  }
  if (found) {
    // "Landlords who spoke to the Gazette said": a phrase right after a preposition is its object, not the
    // subject; the subject is the group the relative clause is about.
    // ("Voters surveyed by the Gazette in March said": the people questioned, not the agent; "Figures published by
    // the Office for Rail Statistics show" stay the body's.)
    const at = tokens.findIndex((t) => t.start === found.mention.start);
    const everyone = exceptionSubject(text, tokens, at, min, found.mention);
    if (everyone) return everyone;
    const lead =
      at - 3 >= min &&
      /^(the|a|an)$/.test(tokens[at - 1]!.key) &&
      tokens[at - 2]!.key === 'by' &&
      QUESTIONED.test(tokens[at - 3]!.key)
        ? at - 1
        : at;
    const prev = lead > min ? tokens[lead - 1] : undefined;
    if (!prev || prev.cap || !(prev.key === 'to' || LEADING_PREPOSITION.test(prev.key))) return found;
    // ("The board heard from Dale Pruitt, who said": the object of a verb's preposition is the relative's antecedent.)
    if (found.relative && lead - 2 >= min && objectVerb(tokens, lead - 2, min)) return found;
    return (
      longOrGroupSubject(text, tokens, cue, min) ?? reducedRelativeSubject(text, tokens, lead, min) ?? found
    );
  }
  // ("Nobody knows who said": no group phrase either.)
  const w = skipLeft(tokens, cue - 1, min);
  if (w - 1 >= min && RELATIVES.has(tokens[w]!.key) && objectVerb(tokens, w - 1, min)) return null;
  return (
    longOrGroupSubject(text, tokens, cue, min) ??
    reducedRelativeSubject(text, tokens, cue, min) ??
    postmodifiedSubject(text, tokens, cue, min)
  );
}

/** Words for all of a group that an exception can follow ("Everyone but Hewlett", "all except the mayor"). */
const EVERYONE = /^(everyone|everybody|all|none|nobody|each)$/;

/** "Everyone but Hewlett said yes": the name after but/except is the exception, the whole phrase the subject. */
function exceptionSubject(
  text: string,
  tokens: readonly Token[],
  at: number,
  min: number,
  found: Mention,
): Subject | null {
  const whole = tokens[at - 2];
  if (at - 2 < min || !/^(but|except)$/.test(tokens[at - 1]!.key) || !whole || !EVERYONE.test(whole.key))
    return null;
  const phrase = text.slice(whole.start, found.end);
  return {
    mention: {
      ...found,
      start: whole.start,
      text: phrase,
      kind: 'nominal',
      name: null,
      role: null,
      head: whole.key,
      type: 'group',
      owner: null,
    },
    role: null,
    relative: false,
  };
}

/**
 * "Organizers of the push to boycott the speech said", "The last man to mount a third-party race says", "Hawkins
 * and others who want to ban abortion said": a clause-opening noun phrase of people, then of/to/who and words with
 * no verb of their own (only after `to` or `who`) up to the cue. The phrase before of/to/who is the subject.
 */
// (Verbs only, lower-case: "One of the central claims of …", "… General Who Called For …" are no such clause.)
const PARTITIVE_HEAD =
  /^(one|some|many|most|all|none|each|several|few|both|half|any|\d+|two|three|four|five)$/;
const POSTMODIFIED_CUES =
  /^(said|says|say|told|tells|show|shows|showing|showed|argue|argues|argued|believe|believes|contend|contends|insist|insists|insisted|warn|warns|warned|predict|predicts|predicted|wrote|write|writes)$/;

function postmodifiedSubject(
  text: string,
  tokens: readonly Token[],
  cue: number,
  min: number,
): Subject | null {
  if (!POSTMODIFIED_CUES.test(tokens[cue]?.text ?? '')) return null;
  const end = skipLeft(tokens, cue - 1, min);
  if (end - min < 3 || end - min > 20) return null;
  let h = min + 1;
  while (h < end && h - min <= 4 && !/^(of|to|who)$/.test(tokens[h]!.key)) h++;
  if (h >= end || h - min > 4) return null;
  const rest = tokens.slice(min, end + 1);
  if (rest.some((t) => !t.word && !/^['’]$/.test(t.text))) return null;
  const relative = tokens[h]!.key === 'who';
  for (let k = h + 1; k <= end; k++) {
    const t = tokens[k]!;
    if (!relative && !t.cap && isVerbLike(t.key) && tokens[k - 1]!.key !== 'to') return null;
  }
  // ("one of the former directors said": a partitive, read whole elsewhere.)
  if (tokens[h]!.key === 'of' && PARTITIVE_HEAD.test(tokens[h - 1]!.key)) return null;
  const m = mentionOf(text, tokens, min, h - 1);
  if (!m || m.kind === 'pronoun' || (m.type !== 'person' && m.type !== 'group')) return null;
  return { mention: m, role: m.role, relative: false };
}

/**
 * "A state report released in October found …", "a letter sent to members last week says …": the subject is the
 * noun phrase before a past participle whose phrase ends in the object of a preposition.
 */
function reducedRelativeSubject(
  text: string,
  tokens: readonly Token[],
  at: number,
  min: number,
): Subject | null {
  for (let k = at - 1; k > min && at - k <= 7; k--) {
    const t = tokens[k]!;
    if (!t.word || isVerbLike(t.key) !== /ed$/.test(t.key)) return null;
    if (
      /^(released|published|filed|issued|commissioned|conducted|compiled|written|obtained|prepared|sent|posted|submitted|presented|produced|circulated|leaked|unveiled|interviewed|surveyed|questioned|polled)$/.test(
        t.key,
      )
    ) {
      const from = phraseStart(tokens, k - 1, min);
      // ("the chairs that POLITICO interviewed predicted": the subject of a relative clause, not a reduced one.)
      if (/^(that|which|who|whom)$/.test(tokens[from - 1]?.key ?? '')) return null;
      const m = mentionOf(text, tokens, from, k - 1);
      return m && m.kind !== 'pronoun' ? { mention: m, role: m.role, relative: false } : null;
    }
  }
  return null;
}

function longOrGroupSubject(
  text: string,
  tokens: readonly Token[],
  cue: number,
  min: number,
): Subject | null {
  const long = longSubject(text, tokens, cue, min);
  if (long) return long;
  const group = groupSubject(text, tokens, cue, min);
  return group ? { mention: group, role: null, relative: false } : null;
}

/**
 * "A nurse who worked at the clinic for a decade before it closed told reporters": a subject whose relative
 * clause holds verbs and clauses of its own. The noun phrase before `who` at the start of the clause.
 */
function longSubject(text: string, tokens: readonly Token[], cue: number, min: number): Subject | null {
  for (let k = cue - 1; k > min && cue - k <= 30; k--) {
    const t = tokens[k]!;
    if (/^[“”"‘;:]$/.test(t.text)) return null;
    if (t.key !== 'who' || t.cap) continue;
    const from = phraseStart(tokens, k - 1, min);
    if (from !== min && tokens[from - 1]?.text !== ',') return null;
    const m = mentionOf(text, tokens, from, k - 1);
    if (!m || m.kind === 'pronoun' || m.type === 'document' || m.type === 'organization') return null;
    // "Those who spoke to the Gazette said": a bare "those" is named by its relative clause.
    const end = skipLeft(tokens, cue - 1, min);
    if (m.head === 'those' && from === k - 1 && end > k) {
      const whole = text.slice(m.start, tokens[end]!.end);
      return {
        mention: { ...m, end: tokens[end]!.end, text: whole, name: whole },
        role: null,
        relative: false,
      };
    }
    return { mention: m, role: m.role, relative: false };
  }
  return null;
}

// The same parameters as subjectBefore on purpose: that one is this search plus a second look at its answer.
function subjectBeforeInner(
  text: string,
  tokens: readonly Token[],
  cue: number,
  min: number,
  depth = 0,
): Subject | null {
  let i = skipLeft(tokens, cue - 1, min);
  if (i < min) return null;
  let t = tokens[i]!;
  if (t.word && PRONOUNS.has(t.key)) {
    const m = mentionOf(text, tokens, i, i);
    return m ? { mention: m, role: null, relative: false } : null;
  }
  let relative = false;
  let pronoun: { start: number; end: number } | undefined;
  if (t.word && RELATIVES.has(t.key) && !t.cap) {
    // "Nobody knows who said", "No one knew who said": a question the verb asks, with no antecedent.
    if (i - 1 >= min && objectVerb(tokens, i - 1, min)) return null;
    relative = true;
    pronoun = { start: t.start, end: t.end };
    i--;
    while (i >= min && (tokens[i]!.text === ',' || TIME_WORDS.has(tokens[i]!.key))) i--;
    if (i < min) return null;
    t = tokens[i]!;
  }
  let role: string | null = null;
  // "He explained the headline by saying …", "Trump has rallied thousands by promising …": a participle after
  // `by/while/before/after` reports for the main verb's subject, never for the object before the preposition.
  if (
    t.word &&
    !t.cap &&
    /^(by|while|before|after)$/.test(t.key) &&
    PARTICIPLE_LIKE.test(tokens[cue]?.key ?? '')
  ) {
    if (depth >= 2) return null;
    for (let k = i - 1; k > min; k--) {
      const v = tokens[k]!;
      if (!v.word) {
        if (v.text === ',' || v.text === '(' || v.text === ')') continue;
        return null;
      }
      const afterSubject = tokens[k - 1]!.cap || PRONOUNS.has(tokens[k - 1]!.key);
      if (!v.cap && (isVerbLike(v.key) || (/[^s]s$/.test(v.key) && afterSubject)))
        return subjectBefore(text, tokens, k, min, depth + 1);
    }
    return null;
  }
  if (t.key === 'to' && depth < 2) {
    // "went on to say", "continued to insist": the subject of the catenative verb.
    let k = i - 1;
    if (tokens[k]?.key === 'on') k--;
    const v = tokens[k];
    if (
      v?.word &&
      !v.cap &&
      (isVerbLike(v.key) ||
        /^(went|go|goes|began|begin|tried|try|wanted|want|decided|used|appeared|seemed|refused|continued|continue|continues)$/.test(
          v.key,
        ))
    )
      return subjectBefore(text, tokens, k, min, depth + 1);
    return null;
  }
  if (t.word && (t.key === 'and' || t.key === 'but') && !t.cap && depth < 2) {
    // "… the bank, which is responsible for the debt - and says": a verb coordinated inside a relative clause shares
    // its antecedent.
    for (let r = i - 1; r > min + 1 && depth === 0; r--) {
      const w = tokens[r]!;
      if (/^[,;:“”"()]$/.test(w.text)) break;
      if (/^(which|who)$/.test(w.key) && !w.cap && tokens[r - 1]!.text === ',')
        return subjectBefore(text, tokens, r + 1, min, depth + 1);
    }
    // Coordinated verbs share the subject: "Hayek confirmed it and said …".
    for (let v = min + 1; v < i; v++) {
      const w = tokens[v]!;
      const prevW = tokens[v - 1]!;
      const singular = w.key.replace(/ies$/, 'y').replace(/s$/, '');
      const sVerb =
        /[^s]s$/.test(w.key) &&
        (prevW.cap || PRONOUNS.has(prevW.key)) &&
        !HEAD_TYPE.has(singular) &&
        !HEAD_TYPE.has(w.key);
      // ("Whitcomb’s neighbor, retired teacher Ann Lisle, called him stubborn and said": an -ed word after a comma
      // or a determiner, before a noun, is an adjective.)
      const adjective =
        /ed$/.test(w.key) &&
        !AUX.test(w.key) &&
        !SPEECH_VERBS.has(w.key) &&
        // ("China's state-owned investment giant CITIC runs … and says": after a possessive, or a compound.)
        (prevW.text === ',' ||
          DETERMINERS.has(prevW.key) ||
          POSSESSIVE_PRONOUNS.has(prevW.key) ||
          /['’]s$/.test(prevW.text) ||
          w.key.includes('-')) &&
        !!tokens[v + 1]?.word &&
        !DETERMINERS.has(tokens[v + 1]!.key);
      if (w.word && !w.cap && (isVerbLike(w.key) || sVerb) && !adjective)
        return subjectBefore(text, tokens, v, min, depth + 1);
    }
    // ("The trust bought the bank and said": the nearest irregular past, when no other verb came first.)
    for (let v = i - 1; v > min; v--) {
      const w = tokens[v]!;
      if (w.word && !w.cap && IRREGULAR_PAST.test(w.key) && !DETERMINERS.has(tokens[v - 1]!.key))
        return subjectBefore(text, tokens, v, min, depth + 1);
    }
    return null;
  }
  if (t.text === '—' || t.text === '–') {
    // "Many speakers — including ministers — said": skip the aside between dashes.
    let k = i - 1;
    while (k >= min && i - k <= 20 && tokens[k]!.text !== t.text) k--;
    if (k < min || k === i - 1) return null;
    i = k - 1;
    if (i < min) return null;
    t = tokens[i]!;
  } else if (t.text === '-' && tokens[i - 1]?.text === '-' && tokens[i - 1]!.end === t.start) {
    // ("The justice -- who has been in a scuffle with him -- said": a dash typed as two hyphens.)
    let k = i - 2;
    while (k > min && i - k <= 30 && !(tokens[k]!.text === '-' && tokens[k - 1]!.text === '-')) k--;
    if (k <= min || k === i - 2) return null;
    i = k - 2;
    if (i < min) return null;
    t = tokens[i]!;
  }
  if (t.text === ')') {
    // "Gov. John Kasich (R-OH) said"
    let k = i - 1;
    while (k >= min && i - k <= 8 && tokens[k]!.text !== '(') k--;
    if (k < min) return null;
    i = k - 1;
    if (i < min) return null;
    t = tokens[i]!;
  }
  if (t.text === ',' && !relative) {
    // An appositive between commas: "Alexander Stafford, Conservative MP for Rother Valley, told".
    let k = i - 1;
    while (k >= min && i - k <= 32 && tokens[k]!.text !== ',' && !/^[“”"‘]$/.test(tokens[k]!.text)) k--;
    if (k < min || tokens[k]!.text !== ',' || k === i - 1) return null;
    // "Cory James, 22, of Flint, Mich., said", "Clinton, at a town hall in Columbus, Ohio, said": a state after
    // its town's comma belongs to the appositive before it.
    if (isStateAfterTown(text, tokens, k, i)) {
      let k2 = k - 1;
      while (k2 >= min && k - k2 <= 16 && tokens[k2]!.text !== ',' && !/^[“”"‘]$/.test(tokens[k2]!.text))
        k2--;
      if (k2 >= min && tokens[k2]!.text === ',' && k2 < k - 1) k = k2;
    }
    // "Neil Garside, 52, of Ashby Road, Loughborough, denies": a town after an address (`of …`) belongs to it.
    {
      let k2 = k - 1;
      while (k2 >= min && k - k2 <= 8 && tokens[k2]!.text !== ',' && !/^[“”"‘]$/.test(tokens[k2]!.text)) k2--;
      if (
        k2 >= min &&
        tokens[k2]!.text === ',' &&
        /^(of|from)$/.test(tokens[k2 + 1]?.key ?? '') &&
        tokens[k2 + 2]?.cap &&
        tokens.slice(k + 1, i).every((x) => isNameWord(x))
      )
        k = k2;
    }
    // "Lorna Beckett, whose son Alfie, 9, was among the designers, said": a relative clause may hold commas.
    for (let back = 0; back < 3 && !/^(who|which|whose|where)\b/i.test(tokens[k + 1]!.key); back++) {
      let k2 = k - 1;
      while (k2 >= min && k - k2 <= 12 && tokens[k2]!.text !== ',' && !/^[“”"‘]$/.test(tokens[k2]!.text))
        k2--;
      if (
        k2 < min ||
        tokens[k2]!.text !== ',' ||
        !/^(who|which|whose|where)$/.test(tokens[k2 + 1]?.key ?? '')
      ) {
        if (k2 >= min && tokens[k2]!.text === ',' && back < 2) continue;
        break;
      }
      k = k2;
      break;
    }
    const appositive = text.slice(tokens[k + 1]!.start, tokens[i - 1]!.end);
    // "Numerous islanders interviewed at the meeting, including Mr Jebens, said": an example, not the subject.
    if (/^(including|among them|notably)\s/i.test(appositive) && k - 1 >= min) {
      const whole = subjectBefore(text, tokens, k, min, depth);
      return whole;
    }
    const relativeClause = /^(who|which|whose|where)\b/i.test(appositive);
    if (!relativeClause && i - k > 18) return null;
    // "Peña Nieto, contradicting Trump, said", "Sandra Inman, …, attending the Tea Party Convention, said": a
    // participle phrase is an aside, and the name in it is its object, never the speaker nor a role.
    const participle = /^\p{Ll}+ing\s/u.test(appositive);
    if (!relativeClause && !participle) role = appositive;
    // "Rep. Jane Smith, D-Ohio, said": a party-state label is a role, never the speaker.
    const party = !relativeClause && PARTY_LABEL.test(appositive.replace(/\.$/, ''));
    // "Its duty manager, Fiona Lister, said": the name in the appositive is the speaker, the phrase before its role.
    // ("Doug Prentice, a Republican, said": an indefinite appositive is a role, not a name.)
    const indefinite = /^(a|an)\s/u.test(appositive);
    const named =
      relativeClause || party || indefinite || participle ? null : mentionOf(text, tokens, k + 1, i - 1);
    // "The operator, Halden Aggregates, says", "The retailer, Kestrel Foods, said": a body noun alone before the
    // appositive makes the name in it a body, and the speaker.
    // ("The operators’ trade body, the Northern Bus Alliance, said": up to three lower-case modifiers between.)
    let det = k - 2;
    const modifier = (x: Token) => (x.word && !x.cap) || /^['’]$/.test(x.text);
    while (det > min && k - det < 6 && modifier(tokens[det]!) && !/^(the|its|their)$/.test(tokens[det]!.key))
      det--;
    const noun = det >= min && /^(the|its|their)$/.test(tokens[det]!.key) ? tokens[k - 1]! : undefined;
    if (
      noun?.word &&
      !noun.cap &&
      (FIRM_NOUN.test(noun.key) ||
        HEAD_TYPE.get(noun.key) === 'organization' ||
        (/^(body|group)$/.test(noun.key) && det < k - 2 && named?.type === 'organization') ||
        // ("The port's owner, Hutchison Ports, said": a noun a person or a body can be, and a body's name.)
        (EITHER_NOUN.test(noun.key) && named?.type === 'organization')) &&
      named?.kind === 'name' &&
      (named.type === 'organization' ||
        (named.type === 'person' &&
          !(named.name ?? '')
            .split(/\s+/)
            .some(
              (w) =>
                TITLES.has(w.toLowerCase()) ||
                MALE_NAMES.has(w.toLowerCase()) ||
                FEMALE_NAMES.has(w.toLowerCase()),
            )))
    )
      return {
        mention: { ...named, type: 'organization', role: null },
        role: null,
        relative,
        from: tokens[det]!.start,
        ...(pronoun && { pronoun }),
      };
    if (named?.kind === 'name' && named.type === 'person') {
      let roleFrom = phraseStart(tokens, k - 1, min);
      // "Counsel to the inquiry, Priya Lal KC, said": the office is the noun before the preposition.
      const office = tokens[roleFrom - 2];
      if (
        office?.word &&
        roleFrom - 2 >= min &&
        /^(to|of|for|at)$/.test(tokens[roleFrom - 1]!.key) &&
        (HEAD_TYPE.get(office.key) === 'person' ||
          ROLE_WORDS.has(office.key) ||
          TITLES.has(office.key) ||
          /^(counsel|barrister|solicitor)$/.test(office.key))
      )
        roleFrom = phraseStart(tokens, roleFrom - 2, min);
      const before = k - 1 >= roleFrom ? text.slice(tokens[roleFrom]!.start, tokens[k - 1]!.end) : null;
      const roleText = named.role ? (before ? `${named.role}, ${before}` : named.role) : before;
      return {
        mention: named,
        role: roleText?.replace(/^(the|a|an|its|his|her|their)\s+/i, '') ?? null,
        relative,
        from: k - 1 >= roleFrom ? tokens[roleFrom]!.start : named.start,
        ...(pronoun && { pronoun }),
      };
    }
    i = k - 1;
    // "Sen. Paul Ames, R-Ohio, a member of …", "Derek Pallister, 71, a grower, …": a party label or an age is a
    // second appositive, not the speaker.
    // ("Sen. Laura Whitfield, D-Mich., the bill's sponsor, said": the label's abbreviation dot is a token of its own;
    // "Rep. Eric Salas, R-Ohio, whose district includes Millbrook, said": the label comes before a relative clause.)
    const label = i >= min && tokens[i]!.text === '.' ? i - 1 : i;
    if (
      label - 1 >= min &&
      !tokens.slice(Math.max(min, label - 6), label).some((x) => /^(who|whose|which|where)$/.test(x.key)) &&
      tokens[label - 1]!.text === ',' &&
      (PARTY_LABEL.test(tokens[label]!.text) || (!relativeClause && /^\d{1,3}$/.test(tokens[label]!.text)))
    ) {
      role = role ? `${tokens[label]!.text}, ${role}` : tokens[label]!.text;
      i = label - 2;
    }
    if (i >= min && tokens[i]!.text === ')') {
      let p = i - 1;
      while (p >= min && i - p <= 8 && tokens[p]!.text !== '(') p--;
      i = p - 1;
    }
    if (i < min) return null;
    t = tokens[i]!;
  }
  if (!t.word || (CLAUSE_BOUNDARY.has(t.key) && !t.cap)) return null;
  // "A news report published Wednesday said": skip a participle that modifies the subject.
  if (
    !t.cap &&
    /^(published|released|issued|filed|obtained|conducted|commissioned|seen|reviewed|compiled|sent|posted)$/.test(
      t.key,
    ) &&
    i - 1 >= min &&
    tokens[i - 1]!.word
  ) {
    i--;
    t = tokens[i]!;
  }
  let from = phraseStart(tokens, i, min);
  // "The mayor met residents who said": a relative's antecedent is the object of a verb the phrase ran over.
  // (Only before a relative: `The Vermont senator emailed supporters saying` is the senator's.)
  const object = relative ? afterObjectVerb(tokens, from, i, min) : null;
  if (object !== null) {
    from = object;
    // ("got a favorable decision from the Illinois Board of Elections, which": the source after `from`.)
    const source = tokens.slice(from, i).findLastIndex((x) => x.key === 'from');
    if (source >= 0) from += source + 1;
  }
  // "with Sen. John McCain calling it …": the absolute "with" is not part of the subject.
  if (tokens[from]?.key === 'with' && from < i && tokens[from + 1]!.cap) from++;
  let m = mentionOf(text, tokens, from, i);
  if (!m && tokens[i]!.cap) {
    // "Saturday at the party convention Sen. Elizabeth Warren said": fall back to the name that ends the phrase.
    let n = i;
    while (n > from && tokens[n - 1]!.word && (tokens[n - 1]!.cap || NAME_JOINERS.has(tokens[n - 1]!.key)))
      n--;
    while (n < i && NAME_JOINERS.has(tokens[n]!.key)) n++;
    const tail = mentionOf(text, tokens, n, i);
    if (tail?.kind === 'name') m = tail;
  }
  if (!m || (m.kind === 'pronoun' && relative)) return null;
  // ("Dinner was held in the hall, which said little": an object the lexicon does not type is no speaker, and
  // `which` stands for a body or a document only.)
  if (
    object !== null &&
    (m.type === 'unknown' ||
      (pronoun &&
        /^which$/i.test(text.slice(pronoun.start, pronoun.end)) &&
        !['organization', 'document'].includes(m.type)))
  )
    return null;
  // "Dr Rupert Calloway, head of research at the charity, who was not involved, said": the phrase before the
  // relative clause is an appositive role of the name before it.
  if (!relative && role === null && m.kind !== 'pronoun' && !(m.kind === 'name' && m.type === 'person')) {
    const comma = tokens.findIndex((x) => x.start === m.start) - 1;
    const after = tokens[i + 1];
    if (
      comma - 1 >= min &&
      tokens[comma]?.text === ',' &&
      after?.text === ',' &&
      /^(who|whose)$/.test(tokens[i + 2]?.key ?? '')
    ) {
      const named = mentionOf(text, tokens, phraseStart(tokens, comma - 1, min), comma - 1);
      if (named?.kind === 'name' && named.type === 'person')
        return {
          mention: named,
          role: m.text.replace(/^(the|a|an)\s+/i, ''),
          relative,
          ...(pronoun && { pronoun }),
        };
    }
  }
  // "The inquiry heard from Gwen Aspinall, a water bailiff of twenty years, who said": an indefinite appositive
  // between a name and its relative pronoun is the name's role; the name is the antecedent.
  // ("a dairy owner near Spur": the indefinite phrase may end in a place name.)
  if (relative && m.kind !== 'pronoun' && /^(a|an)\s/i.test(m.text) && tokens[i + 1]?.text === ',') {
    const comma = tokens.findIndex((x) => x.start === m.start) - 1;
    if (comma - 1 >= min && tokens[comma]?.text === ',') {
      const start = phraseStart(tokens, comma - 1, min);
      const f = afterObjectVerb(tokens, start, comma - 1, min) ?? start;
      const named = f < comma ? mentionOf(text, tokens, f, comma - 1) : null;
      if (named?.kind === 'name' && named.type === 'person')
        return {
          mention: named,
          role: m.text.replace(/^(a|an)\s+/i, ''),
          relative,
          ...(pronoun && { pronoun }),
        };
    }
  }
  // "Kestrel Foods, the maker of Hearthside soups, said": an appositive that calls it a firm makes a name a body.
  if (
    m.kind === 'name' &&
    m.type === 'person' &&
    role &&
    FIRM_APPOSITIVE.test(role) &&
    !TITLES.has(m.text.split(/\s/)[0]!.toLowerCase()) &&
    !(m.name ?? '')
      .split(/\s+/)
      .some((w) => MALE_NAMES.has(w.toLowerCase()) || FEMALE_NAMES.has(w.toLowerCase()))
  )
    return {
      mention: { ...m, type: 'organization', role: null },
      role,
      relative,
      ...(pronoun && { pronoun }),
    };
  return { mention: m, role: role ?? m.role, relative, ...(pronoun && { pronoun }) };
}

/** Lower-case nouns of a firm ("the retailer Argos"). */
const FIRM_NOUN =
  /^(retailer|airline|carrier|lender|insurer|supermarket|chain|manufacturer|maker|operator|developer|brewer|publisher|broadcaster|grocer|utility|supplier|conglomerate|carmaker|automaker|charity|regulator|watchdog|think-tank|app|startup)$/;

/** An appositive that says a name is a firm or a body: "the maker of …", "a subsidiary of …", "the UK's largest lender". */
// ("a parent at the school" is a person; "the parent of Lakeside Foods" a firm.)
const FIRM_APPOSITIVE =
  /^(?!an?\s+parent\b)(the|a|an)\s+(?:[\p{L}’'-]+\s+){0,3}?(maker|makers|company|firm|operator|retailer|reinsurer|utility|grocer|parent|manufacturer|developer|publisher|chain|supplier|charity|union|lender|bank|insurer|airline|carrier|supermarket|brewer|broadcaster|subsidiary|group|conglomerate|producer|provider|regulator|watchdog|trade body|industry body|organisation|organization|association)\b(?!['’]s\b|\s+(?:leader|chief|boss|member|founder|head|director|executive|officer|official|spokes\w+)\b)/iu;

/** A speaker named after an inverted cue: "…, said Dr Smith, a historian." */
export function subjectAfter(
  text: string,
  tokens: readonly Token[],
  from: number,
  max: number,
): Subject | null {
  const t = tokens[from];
  if (!t?.word) return null;
  if (PRONOUNS.has(t.key)) {
    const m = mentionOf(text, tokens, from, from);
    return m ? { mention: m, role: null, relative: false } : null;
  }
  let i = from;
  while (
    i + 1 <= max &&
    (tokens[i + 1]!.word ||
      // "said Marks & Spencer"
      (tokens[i + 1]!.text === '&' &&
        isNameWord(tokens[i]!) &&
        !!tokens[i + 2] &&
        isNameWord(tokens[i + 2]!))) &&
    !/^(in|on|at|during|who|which|when|after|before|that|to|about|last|this|yesterday|today|familiar|close|speaking|briefed|involved|told|asked)$/.test(
      tokens[i + 1]!.key,
    ) &&
    !(/ed$/.test(tokens[i + 1]!.key) && !tokens[i + 1]!.cap) &&
    !SPEECH_VERBS.has(tokens[i + 1]!.key) &&
    !CASELESS.test(tokens[i + 1]!.text)
  )
    i++;
  const m = mentionOf(text, tokens, from, i) ?? partOrTitledAfter(text, tokens, from, i);
  if (!m) return null;
  let role = m.role;
  if (tokens[i + 1]?.text === ',' && m.kind === 'nominal') {
    // "said his campaign director, Nadia Fairweather": the name after the comma is the speaker.
    let k = i + 2;
    while (k <= max && tokens[k]!.word && tokens[k]!.cap) k++;
    const named = k > i + 2 ? mentionOf(text, tokens, i + 2, k - 1) : null;
    if (named?.kind === 'name' && named.type === 'person')
      return {
        mention: named,
        role: m.text.replace(/^(the|a|an|his|her|their|its)\s+/i, ''),
        relative: false,
      };
  }
  if (tokens[i + 1]?.text === ',') {
    let k = i + 2;
    while (k <= max && tokens[k]!.word) k++;
    if (k > i + 2) {
      const app = text.slice(tokens[i + 2]!.start, tokens[k - 1]!.end);
      if (!/^(who|which|adding|saying)\b/i.test(app) && /^(a|an|the)\s/i.test(app))
        role = app.replace(/^(a|an|the)\s+/i, '');
    }
  }
  return { mention: m, role, relative: false };
}

/**
 * After an inverted cue: "said one of the advisers" (one of a group: a member of it, as "one of the advisers said"
 * reads), "said master of ceremonies Ana Reyes" (an office with `of` before the name: the name, with that role).
 */
function partOrTitledAfter(text: string, tokens: readonly Token[], from: number, to: number): Mention | null {
  if (PARTITIVE_HEAD.test(tokens[from]!.key) && tokens[from + 1]?.key === 'of' && from + 2 <= to) {
    const inner = mentionOf(text, tokens, from + 2, to);
    if (!inner || inner.kind === 'pronoun' || (inner.type !== 'person' && inner.type !== 'group'))
      return null;
    const whole = text.slice(tokens[from]!.start, inner.end);
    return { ...inner, start: tokens[from]!.start, text: whole, kind: 'nominal', name: null, type: 'group' };
  }
  let k = to;
  while (k > from && tokens[k - 1]!.word && tokens[k - 1]!.cap) k--;
  if (k === from || tokens[k - 1]!.cap || !tokens.slice(from, k).some((t) => t.key === 'of')) return null;
  const named = mentionOf(text, tokens, k, to);
  if (named?.kind !== 'name' || named.type !== 'person') return null;
  return { ...named, role: text.slice(tokens[from]!.start, tokens[k - 1]!.end) };
}

/**
 * States and countries written alone: places (as `Hollin Lane` is), never a person a later he/she could mean
 * ("In South Carolina, he prevailed", "a salesman from Sumter, South Carolina, says").
 */
const GEO_NAMES = new Set([
  ...US_STATES,
  ...`america|britain|scotland|northern ireland|france|germany|italy|spain|russia|china|japan|india|iran|iraq|syria|
mexico|canada|australia|new zealand|europe|ukraine|turkey|yorkshire|south yorkshire|west yorkshire|lancashire|essex|
cornwall|queensland|ontario|quebec`
    .split(/\|\s*/)
    .map((w) => w.trim()),
]);

/** Is tokens[k+1 .. i-1], between commas, a state after a town ("Flint, Mich.", "Columbus, Ohio")? */
function isStateAfterTown(text: string, tokens: readonly Token[], k: number, i: number): boolean {
  const inner = text.slice(tokens[k + 1]!.start, tokens[i - 1]!.end);
  const town = tokens[k - 1];
  return (
    !!town?.word &&
    town.cap &&
    !/['’]s$/.test(town.text) &&
    (GEO_NAMES.has(inner.toLowerCase()) || isStateAbbreviation(inner))
  );
}

/** A participle cue ("saying", "arguing"). */
const PARTICIPLE_LIKE = /^[a-z]{3,}ing$/;

const AUX = /^(is|was|are|were|has|have|had|will|would|can|could|should|did|does|do|may|might|must)$/;

/** A lower-case word that is probably a finite verb. */
/**
 * "woo Latino voters with", "are properly educating students", "that more forces be left": a phrase the subject
 * reader took out of a predicate (it opens with an auxiliary or `that`/`to`, or ends on a preposition), which names
 * no speaker.
 */
export function isPredicatePhrase(m: Mention, before?: Token): boolean {
  if (m.kind === 'pronoun') return false;
  const words = m.text.split(/\s+/);
  const first = words[0]!;
  const last = words.at(-1)!;
  if (/^\p{Ll}/u.test(last) && (PREPOSITIONS.has(last) || /^(and|or|but|as|upon|without|than)$/.test(last)))
    return true;
  // "Sanders supporters have launched petitions calling on …", "Sanders has drawn huge crowds describing …": a
  // phrase right after a perfect's auxiliary that opens on a participle is that verb's predicate. (Not before a
  // name or a share, which speaks for the participle after it: "have left 62 percent of voters saying …".)
  if (
    before?.word &&
    /^(has|have|had)$/.test(before.key) &&
    /^\p{Ll}/u.test(words[1] ?? '') &&
    !/\d/.test(m.text) &&
    /^\p{Ll}+(ed|en|wn|un)$|^(met|made|told|took|gave|brought|held|led|won|sent|spent|built|bought|left|kept|set|put|run|cut|hit|become|come)$/u.test(
      first,
    )
  )
    return true;
  // (A participle or an -ed word may open a real subject: "leaked emails showed", "featuring Hispanics telling".)
  return AUX.test(first) || /^(that|to)$/.test(first);
}

export function isVerbLike(key: string): boolean {
  return AUX.test(key) || SPEECH_VERBS.has(key) || (/ed$/.test(key) && key.length > 4);
}

/**
 * A title-case headline word that is a finite verb ("Trump Addresses Munich Attack: …", "Glenn Beck Just Responded
 * To …"): `isVerbLike`, an irregular past, a verb that takes a person as object, a headline's common verbs
 * (`slams`, `defends`, `unveils` …), or a present tense after a sibilant (`addresses`, `pushes`, `reaches`), which
 * no surname is. The words before a headline's colon holding one
 * are no speaker's name.
 */
export function isHeadlineVerb(key: string, prev?: string): boolean {
  return (
    isVerbLike(key) ||
    // "Council Lifts Street Trading Ban: …": a present tense after a one-word body or office.
    (!!prev &&
      (ORG_WORDS.has(prev) || HEAD_TYPE.has(prev)) &&
      /[^su’']s$/.test(key) &&
      !/(ers|ors|ists|ians|ants|ents|ees|als|iefs|ics)$/.test(key) &&
      !ORG_WORDS.has(key) &&
      !HEAD_TYPE.has(key)) ||
    IRREGULAR_PAST.test(key) ||
    OBJECT_VERBS.has(key) ||
    /^(just|rips|hits|backs|defends|rejects|unveils|mocks|attacks|faces|eyes|targets|wins|loses|takes|makes|gets|signs|seeks)$/.test(
      key,
    ) ||
    (/(ss|sh|ch|x|zz)es$/.test(key) && key.length > 5)
  );
}

/**
 * "The Alder Falls Transit Workers Union and the Tri-County Transit Authority met on Thursday": a sentence whose
 * subject is two bodies (or people) joined by "and", read as one group mention a later "they" means, or null.
 */
export function coordinatedSubject(text: string, tokens: readonly Token[]): Mention | null {
  const and = tokens.findIndex((t, k) => k > 0 && k <= 12 && t.key === 'and' && !t.cap);
  if (and < 1) return null;
  // The verb: the first lower-case word after the second name that is no determiner or joiner ("met", "agreed").
  let v = and + 1;
  while (
    v < tokens.length &&
    v - and <= 10 &&
    (tokens[v]!.cap || DETERMINERS.has(tokens[v]!.key) || NAME_JOINERS.has(tokens[v]!.key))
  ) {
    if (!tokens[v]!.word) return null;
    v++;
  }
  if (!tokens[v]?.word || PREPOSITIONS.has(tokens[v]!.key)) return null;
  if (v >= tokens.length || v - and > 10 || tokens.slice(0, and).some((t) => !t.word)) return null;
  if (tokens[0]!.key !== 'the' && NOT_NAMES.has(tokens[0]!.key)) return null;
  if (/^(who|which|that)$/.test(tokens[v]!.key)) return null;
  const left = mentionOf(text, tokens, 0, and - 1);
  const right = mentionOf(text, tokens, and + 1, v - 1);
  // Each side a whole name, nothing else ("Close to 50 interviews with GOP and Democratic …" is not).
  const party = (m: Mention | null, a: number, b: number) =>
    !!m &&
    m.kind === 'name' &&
    (m.type === 'organization' || m.type === 'person') &&
    m.start === tokens[a]!.start &&
    m.end === tokens[b]!.end &&
    tokens.slice(a, b + 1).every((t) => t.cap || DETERMINERS.has(t.key) || NAME_JOINERS.has(t.key));
  if (!party(left, 0, and - 1) || !party(right, and + 1, v - 1)) return null;
  const first = tokens[0]!;
  const last = tokens[v - 1]!;
  const whole = text.slice(first.start, last.end);
  return {
    start: first.start,
    end: last.end,
    text: whole,
    kind: 'name',
    name: whole.replace(/^the\s+/i, ''),
    role: null,
    head: last.key,
    type: 'group',
    owner: null,
  };
}

/** Words that open a time or manner adverbial before the subject ("Hours later,", "Back in 1999,"). */
const OPENING_ADVERB =
  /^(hours|minutes|days|weeks|months|years|moments|decades|later|earlier|early|shortly|soon|back|usually|often|alongside|once|long|just|only|even|still|instead)$/;

/**
 * Does the sentence open with an adverbial or a participle clause that ends at a comma before the subject
 * ("Hours later, Trump …", "Early in his campaign, Trump …", "Facing mounting criticism, Mr. Trump …",
 * "Having announced …, Judge Berman …")? Its first word is then never a one-word name.
 */
export function openingAdverbial(tokens: readonly Token[]): boolean {
  const t = tokens[0];
  const next = tokens[1];
  if (!t?.word || !t.cap || !next?.word || next.cap) return false;
  if (!tokens.some((x, k) => k > 1 && k <= 20 && x.text === ',')) return false;
  if (OPENING_ADVERB.test(t.key)) return true;
  // A participle ("Facing mounting criticism,"), not a name in -ing before its verb ("Boreing said", "Manning warned").
  return (
    /^\p{Lu}\p{Ll}{2,}ing$/u.test(t.text) &&
    !NOT_NAMES.has(t.key) &&
    (/^(having|being)$/.test(t.key) ||
      !(
        /ed$/.test(next.key) ||
        /^(said|says|told|tells|wrote|writes|thinks|thought|is|was|has|will)$/.test(next.key)
      ))
  );
}

/** The main clause's subject: the noun phrase before the sentence's first verb-like word. */
export function mainSubject(text: string, tokens: readonly Token[], before: number): Subject | null {
  // Skip an introductory phrase: "In television interviews on Sunday, he defended …".
  let start = 0;
  if (
    LEADING_PREPOSITION.test(tokens[0]?.key ?? '') ||
    /^(after|before|while|when|as|speaking|writing|asked)$/.test(tokens[0]?.key ?? '') ||
    openingAdverbial(tokens)
  ) {
    const comma = tokens.findIndex((t, k) => k < before && k <= 15 && t.text === ',');
    if (comma > 0) start = comma + 1;
  }
  for (let i = start + 1; i < before; i++) {
    const t = tokens[i]!;
    if (!t.word || t.cap) continue;
    const prev = tokens[i - 1]!;
    // "The retired neurosurgeon", "A state judge": an -ed word or a speech verb's form right after a determiner
    // is an adjective or a noun.
    if ((/ed$/.test(t.key) || SPEECH_VERBS.has(t.key)) && DETERMINERS.has(prev.key)) continue;
    const afterName =
      isNameWord(prev) &&
      i - start <= 5 &&
      !DETERMINERS.has(t.key) &&
      !ROLE_WORDS.has(t.key) &&
      !TITLES.has(t.key) &&
      !NAME_JOINERS.has(t.key) &&
      // ("Rider advocate Inez Moreno spoke …": a calling between capitalised words is inside the name's phrase.)
      !(HEAD_TYPE.get(t.key) === 'person' && tokens[i + 1]?.cap && isNameWord(tokens[i + 1]!));
    const sVerb = /[^s]s$/.test(t.key) && (prev.cap || PRONOUNS.has(prev.key) || HEAD_TYPE.has(prev.key));
    // "He hit back on Tuesday, calling …", "She went on to endorse …": the word after an opening subject pronoun is
    // its verb, whatever its form.
    const afterPronoun = i === start + 1 && /^(he|she|they|we|i)$/.test(prev.key);
    if (isVerbLike(t.key) || sVerb || afterName || afterPronoun) {
      const s = subjectBefore(text, tokens, i, start, 2);
      if (s && tokens[start]!.start === s.mention.start) return s;
      return s && s.mention.kind !== 'nominal' ? s : null;
    }
  }
  return null;
}

/** Any noun phrase after "according to": cut before a participle or relative clause, typed by its head when known. */
export function looseMention(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
): Mention | null {
  if (from < 0 || to >= tokens.length || from > to) return null;
  let end = from;
  while (end < to) {
    const t = tokens[end + 1]!;
    // "a study of more than 70,000 adults": a thousands comma is part of the number.
    const next = tokens[end + 2];
    if (
      t.text === ',' &&
      next &&
      /^\d+$/.test(tokens[end]!.text) &&
      /^\d{3}$/.test(next.text) &&
      tokens[end]!.end === t.start &&
      t.end === next.start
    ) {
      end += 2;
      continue;
    }
    if (
      !t.word ||
      /^(who|which|that|released|published|compiled|conducted|reported|issued|obtained|cited|seen)$/.test(
        t.key,
      )
    )
      break;
    end++;
  }
  // ("a senior official who spoke on condition of anonymity": the phrase before its relative clause or participle,
  // even where the whole would read as a mention.)
  // (Not "that night", nor "a fact sheet lawmakers released": a group before the participle is its subject.)
  const cutAt = tokens[end + 1];
  const clause =
    end < to &&
    !!cutAt?.word &&
    !(
      cutAt.key === 'that' &&
      /^(night|day|week|month|year|morning|evening|time)$/.test(tokens[end + 2]?.key ?? '')
    ) &&
    (/^(who|which|that)$/.test(cutAt.key) ||
      (HEAD_TYPE.get(tokens[end]!.key) !== 'group' &&
        // ("a poll conducted by Ridgeway Research": the author names the document.)
        !tokens.slice(end + 2, to + 1).some((t) => t.key === 'by')));
  const m = (clause ? mentionOf(text, tokens, from, end) : null) ?? mentionOf(text, tokens, from, to);
  if (m) return m;
  const cut = mentionOf(text, tokens, from, end);
  if (cut) return cut;
  const first = tokens[from];
  const last = tokens[end];
  if (!first?.word || !last) return null;
  const words = tokens.slice(from, end + 1).filter((t) => t.word);
  const head = words.find((w) => HEAD_TYPE.has(w.key))?.key ?? last.key;
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    kind: 'nominal',
    name: null,
    role: null,
    head,
    type: HEAD_TYPE.get(head) ?? 'unknown',
    owner: null,
  };
}

/** The subject of the clause that ends at tokens[end] (exclusive): the last verb-like word's subject. */
export function clauseSubject(text: string, tokens: readonly Token[], end: number): Subject | null {
  for (let i = end - 1; i > 0; i--) {
    const t = tokens[i]!;
    if (!t.word || t.cap) continue;
    if (isVerbLike(t.key) || /[^s]s$/.test(t.key)) {
      const s = subjectBefore(text, tokens, i, 0, 2);
      if (s) return s;
    }
  }
  return mainSubject(text, tokens, end);
}
