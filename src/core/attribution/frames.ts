import type { Token } from '../text/tokens';
import { IRREGULAR_PAST } from './clause-end';
import { contactRelative } from './contact-relative';
import { type Cue, nounComplementEnd, pronounComplementEnd } from './cues';
import {
  ADDRESSEE_VERBS,
  DETERMINERS,
  HEAD_TYPE,
  PRONOUNS,
  ROLE_WORDS,
  SPEECH_VERBS,
  TIME_WORDS,
} from './lexicon';
import {
  isVerbLike,
  looseMention,
  type Mention,
  mainSubject,
  mentionOf,
  type Subject,
  subjectAfter,
  subjectBefore,
} from './mention';
import type { RuleId } from './rules';
import { saidAdjunct } from './said-adjuncts';
import { SPEECH_NOUN } from './speech-nouns';
import { readShare } from './survey-share';

export { mainSubject };

/** A reported-speech frame in one sentence: who (subject), the cue, and the reported content's offsets. */
export type Frame = {
  cue: Cue;
  subject: Subject | null;
  /** Inherit the speaker of the sentence's main clause ("…, adding that …"). */
  inherit: boolean;
  start: number;
  end: number;
  /** Token index where the frame begins (subject or content), for cutting an earlier frame's content. */
  from: number;
  rule: RuleId;
};

const OBJECT_WORDS =
  /^(him|her|them|me|us|you|reporters|journalists|supporters|lawmakers|voters|members|colleagues|listeners|viewers|followers|parliament|congress|mps|senators|officials|students|delegates|parents|investors|staff|employees|residents|attendees|the|a|an|his|her|their|our)$/;
const INTRO =
  /^(in|on|at|during|after|before|speaking|writing|asked|later|earlier|however|but|and|meanwhile|still|yet|also|last|this|since|for|with|despite|although|as|when|if|while|then|now|today|yesterday|separately|instead|again|so|by|from|under|over|through|in|according|unlike|like|addressing|responding|appearing|testifying|interviewed|pressed|reached|contacted|reacting|campaigning)$/i;
const FRAMING_LEAD =
  /^(asked|pressed|questioned|speaking|responding|reacting|turning|addressing|appearing|testifying|interviewed|reached|contacted|campaigning)$/;
const ADJUNCT_START =
  /^(on|in|at|during|last|this|yesterday|today|earlier|late|after|before|via|through|from|while|when|before|by)$/;

/** A word before a number that makes it a date or a year: "in 2024", "since 2019", "on March 3". */
const DATE_BEFORE =
  /^(in|since|until|till|by|from|during|of|early|late|mid|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)$/;

/**
 * "Bolton distanced himself from the movement by saying he would …", "Clinton said …, while arguing the U.S.
 * should …", "Rubio responded before adding that …": a participle cue after `while/before/after/by` inside a
 * sentence reports for the main clause's subject. (At the sentence's start, `After saying …, the man …`, the
 * subject comes after the comma: not read.)
 */
function subordinateVerb(tokens: readonly Token[], cue: Cue): number {
  const prev = tokens[cue.from - 1];
  if (cue.from < 3 || !prev?.word || prev.cap || !/^(while|before|after|by)$/.test(prev.key)) return -1;
  // The main clause's verb, nearest first (`Now, after arguing …` has none before the preposition).
  for (let k = cue.from - 2; k >= 1; k--) {
    const t = tokens[k]!;
    const afterSubject = tokens[k - 1]!.cap || /^(he|she|it|who|which|that)$/.test(tokens[k - 1]!.key);
    // ("The council hit back at the minister by pointing out …": an irregular past.)
    if (
      t.word &&
      !t.cap &&
      (isVerbLike(t.key) || IRREGULAR_PAST.test(t.key) || (/[^s]s$/.test(t.key) && afterSubject))
    )
      return k;
  }
  return -1;
}

/**
 * "The council hit back, noting that …", "The union struck a defiant note, saying …": a participle after a comma
 * reports for the main clause, whose verb is an irregular past the main-subject reader does not know. Its index, or
 * -1 when a verb it knows comes first.
 */
function irregularMainVerb(tokens: readonly Token[], cue: Cue): number {
  if (tokens[cue.from - 1]?.text !== ',') return -1;
  for (let k = 1; k < cue.from - 1; k++) {
    const t = tokens[k]!;
    if (!t.word || t.cap) continue;
    if (isVerbLike(t.key) || t.key === 'that' || t.key === 'who' || t.key === 'which') return -1;
    // (After a pronoun the paragraph's speaker stays: "This year, he rose to …, saying".)
    if (IRREGULAR_PAST.test(t.key) && tokens[k - 1]!.word && !/['’]s$/.test(tokens[k - 1]!.text))
      return /^(he|she|they|we|i|it)$/.test(tokens[k - 1]!.key) ? -1 : k;
  }
  return -1;
}

/**
 * "…, an advert in which children use a toy bulldozer to flatten a model village, yelling “…”": a participle after a
 * relative clause with a preposition (`in which`, `during which`, `where`) reports for that clause's subject.
 */
export function relativeClauseSubject(text: string, tokens: readonly Token[], cue: number): Subject | null {
  const comma = /^[”"’']$/.test(tokens[cue - 1]?.text ?? '') ? cue - 2 : cue - 1;
  if (tokens[comma]?.text !== ',') return null;
  for (let k = comma - 1; k > 0 && comma - k <= 25; k--) {
    const t = tokens[k]!;
    if (!t.word) {
      if (/^[,;:.()—–]$/.test(t.text)) return null;
      continue;
    }
    const opens =
      (/^(which|whom)$/.test(t.key) && /^(in|during|at|on|through)$/.test(tokens[k - 1]!.key)) ||
      t.key === 'where';
    if (opens) return relativeSubjectAt(text, tokens, k + 1, comma);
  }
  return null;
}

/** The subject of the clause opening at tokens[from]: the words before its verb, when they name who can speak. */
function relativeSubjectAt(
  text: string,
  tokens: readonly Token[],
  from: number,
  stop: number,
): Subject | null {
  let v = from + 1;
  for (; v < stop && v <= from + 4; v++) {
    const w = tokens[v]!;
    if (!w.word || w.cap) continue;
    if (isVerbLike(w.key) || IRREGULAR_PAST.test(w.key)) break;
    // "children use a toy …", "residents walk through the streets": a present verb before its object or its
    // preposition.
    if (PARTICLE.test(w.key)) {
      v--;
      break;
    }
    if (DETERMINERS.has(tokens[v + 1]?.key ?? '')) break;
  }
  if (v <= from || v >= stop || v > from + 4) return null;
  // ("children", "protesters": a plural with no known head is a group the loose reader still takes.)
  const m = subjectBefore(text, tokens, v, from)?.mention ?? looseMention(text, tokens, from, v - 1);
  if (!m || m.start !== tokens[from]!.start || m.end !== tokens[v - 1]!.end || m.head === 'it') return null;
  // (Not "in a hall where the heating failed, saying …": only who can speak.)
  const speaks =
    m.kind !== 'nominal' ||
    ['person', 'group', 'organization'].includes(m.type) ||
    /^(children|people|men|women)$|[^s]s$/.test(m.head);
  return speaks ? { mention: m, role: m.role, relative: false } : null;
}
const PARTICLE = /^(through|into|out|up|off|across|around|to|with|on|at|in|by|for|from|about|over|down)$/;

/**
 * The `which`/`who` opening a non-restrictive relative clause that runs from its comma to the comma before
 * tokens[cue], inside the report `inside`; -1 when there is none.
 */
function relativeBefore(tokens: readonly Token[], inside: Frame, cue: number): number {
  if (tokens[cue - 1]?.text !== ',') return -1;
  for (let k = cue - 2; k > 0 && tokens[k]!.start > inside.start; k--) {
    const t = tokens[k]!;
    if (!t.word) {
      if (/^[,;:.()—–]$/.test(t.text)) return -1;
      continue;
    }
    if (/^(which|who)$/.test(t.key) && tokens[k - 1]!.text === ',') return cue - k >= 4 ? k : -1;
  }
  return -1;
}

/** Does a clause start at tokens[j] (`that …`, `why …`, `he would …`, a quotation), not a bare noun phrase? */
function clauseFollows(tokens: readonly Token[], j: number): boolean {
  const first = tokens[j];
  if (!first) return false;
  if (/^[“"‘:]$/.test(first.text)) return true;
  if (/^(that|whether|why|how|what|where|when|who|if)$/.test(first.key)) return true;
  if (/^(with|on|about|to|for|of|in|at|from|by|against|over)$/.test(first.key)) return false;
  // "he supported …": a subject pronoun and a verb.
  if (/^(he|she|they|it|we|i|you|there)$/.test(first.key) && /^[a-z]+(ed|s)$/.test(tokens[j + 1]?.key ?? ''))
    return true;
  for (let k = j + 1; k < tokens.length && k <= j + 8; k++) {
    const x = tokens[k]!;
    if (!x.word) return false;
    if (FINITE_AFTER_SUBJECT.test(x.key)) return true;
  }
  return false;
}

/**
 * "Kasich offered the man a job, then says he'll …", "Clinton paused, then revealed why …", "Smith met the board
 * and said …": a second predicate of the main clause (after `, then`, `and (then)`, `but`) reports for its subject,
 * even when the first verb is one the subject reader does not know (`met`, `paused,`).
 */
function coordinatedSubject(text: string, tokens: readonly Token[], cue: number): Subject | null {
  let k = cue - 1;
  let joined = false;
  if (tokens[k]?.key === 'then') {
    k--;
    joined = true;
  }
  if (/^(and|but)$/.test(tokens[k]?.key ?? '') && !tokens[k]!.cap) {
    k--;
    joined = true;
  }
  if (!joined || (tokens[k]?.text === ',' ? k - 1 : k) < 1) return null;
  if (tokens[k]?.text !== ',' && tokens[cue - 1]?.key === 'then' && tokens[cue - 2]?.key !== 'and')
    return null;
  return mainSubject(text, tokens, k + 1) ?? openingPronoun(text, tokens, k);
}

/**
 * "She brought the debt down to $42,000, but said …", "He’s comparing the plans and says …": a personal pronoun
 * opening the sentence is the subject of its first predicate, whatever the verb (the main-subject reader knows
 * only speech verbs, `-ed` forms and auxiliaries).
 */
function openingPronoun(text: string, tokens: readonly Token[], before: number): Subject | null {
  const t = tokens[0];
  if (!t?.word || !/^(he|she|they|we|i)$/.test(t.key) || before < 3) return null;
  const next = tokens[1];
  if (!next?.word || next.cap || /^(and|or|but|who|,)$/.test(next.key)) return null;
  const m = mentionOf(text, tokens, 0, 0);
  return m ? { mention: m, role: null, relative: false } : null;
}

/**
 * "with 50 percent saying …", "with three in 10 saying …": the index of `with` before a share of a poll's
 * respondents, or -1.
 */
function shareBefore(tokens: readonly Token[], cue: number): number {
  for (let k = cue - 1; k >= 0 && cue - k <= 8; k--) {
    const t = tokens[k]!;
    if (t.key === 'with') {
      const share = k < cue - 1 ? readShare(tokens, k + 1, cue - 1) : null;
      return share && share.form !== 'count' ? k : -1;
    }
    if (!t.word && t.text !== '%') return -1;
  }
  return -1;
}

/** A past or present verb after a relative clause's closing comma ("…, provoked a deluge", "…, remains a risk"). */
const MAIN_VERB = /^[a-z]+(?:ed|s)$/;

/** A finite verb that cannot open a reported clause without a subject: "warned the river | was dying". */
const FINITE_AFTER_SUBJECT =
  /^(is|was|are|were|would|will|could|can|should|might|may|must|had|has|have|did|does|wo|ca|isn['’]t|wasn['’]t|won['’]t|can['’]t|couldn['’]t|wouldn['’]t|hadn['’]t|hasn['’]t)$/;

const DATE_WORD =
  /^(\d.*|jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|early|late|mid)$/;

/**
 * "The Harlow Tenants Union in 2019 warned", "the council on March 3 warned": a date adjunct between the subject
 * and its cue is neither, so the subject is read from before its preposition.
 */
function dateStart(tokens: readonly Token[], cue: number): number {
  const prep = (t: Token) => t.word && /^(in|on|at|since|during)$/.test(t.key);
  const inDate = (t: Token) =>
    t.word && (DATE_WORD.test(t.key) || TIME_WORDS.has(t.key) || ADJUNCT_WORD.test(t.key) || prep(t));
  let k = cue - 1;
  while (k > 0 && inDate(tokens[k]!)) k--;
  const first = k + 1;
  if (first >= cue || !tokens[k]!.word) return cue;
  // "The board this morning confirmed", "Lane yesterday said": a time word with no preposition.
  // ("late on Tuesday", "earlier in the day").
  const lead = /^(late|early|earlier|later)$/.test(tokens[first]!.key) && prep(tokens[first + 1]!) ? 1 : 0;
  if (!prep(tokens[first + lead]!))
    return /^(this|last|earlier|later|yesterday|today|tonight)$/.test(tokens[first]!.key) ? first : cue;
  // "About 4 in 10 say": a bare number is a date only when it is a year.
  const date = tokens.slice(first + lead + 1, cue);
  if (date.length === 1 && /^\d/.test(date[0]!.text) && !/^(1[89]|20)\d\d$/.test(date[0]!.text)) return cue;
  return first;
}

/** Words of a time or setting adjunct after its preposition: "on Tuesday evening", "at the weekend", "in a statement". */
const ADJUNCT_WORD =
  /^(the|a|an|evening|weekend|day|statement|interview|speech|briefing|radio|television|tv|podcast|post|tweet|video)$/;

/**
 * "Baird was quick to point out that …", "She is right to note that …": an infinitive cue after `be` and an
 * adjective; the subject is read before the `be` (the subject reader stops at it). Else `cue`.
 */
function raisingStart(tokens: readonly Token[], cue: number): number {
  // "She has since said …": `since` is an adverb after a perfect's auxiliary, not a clause of its own.
  if (tokens[cue - 1]?.key === 'since' && /^(has|have|had)$/.test(tokens[cue - 2]?.key ?? '')) return cue - 1;
  if (tokens[cue - 1]?.key !== 'to') return cue;
  for (let k = cue - 3; k >= cue - 5 && k > 0; k--) {
    const t = tokens[k]!;
    // ("he’s poised to argue": the contraction is the subject itself.)
    if (/^(he|she|it|that|who)['’]s$/i.test(t.text)) return cue;
    if (/^(was|is|are|were|been|be)$/.test(t.key))
      return tokens.slice(k + 1, cue - 1).every((x) => x.word && !x.cap) ? k : cue;
    if (!t.word) return cue;
  }
  return cue;
}

/** Plural or mass nouns of evidence that report findings like a document: "The reports show", "Exit polls found". */
const EVIDENCE =
  /^(polls|polling|surveys|results|reports|statistics|figures|data|records|files|documents|footage|video|videos|studies|analyses|numbers|estimates|projections|tallies|returns|filings|emails|tests|measurements|readings|accounts)$/;

/** Heads of a document or poll phrase that can report ("A Monmouth poll out Monday showed", "Recent polling shows"). */
const DOC_HEADS =
  /^(poll|polls|polling|survey|surveys|study|studies|report|reports|analysis|analyses|memo|memos|memorandum|letter|letters|email|emails|e-mail|e-mails|document|documents|records|filing|filings|review|audit|audits|census|data|figures|statistics|results|numbers|estimates|projection|projections|average|tally|tallies|count|footage|video|videos|ledgers|report's|assessment|investigation|inquiry|briefing|dossier|draft|summary|submission|submissions|petition|lawsuit|complaint|indictment|affidavit|notice|minutes|bulletin|leaflet|guidance)$/;

/** Words that open the modifier after a document's head: "of 1,200 nurses", "released Sunday by …", "out Monday". */
const DOC_MODIFIER =
  /^(of|by|from|for|on|in|at|among|across|out|there|this|last|released|published|conducted|compiled|commissioned|obtained|seen|cited|leaked|taken|issued|filed|prepared|circulated|carried|sent|posted|produced|shared|reviewed|made|done|dated|addressed|signed|lodged|submitted|written)$/;

/** Nouns for a collection of documents: "a batch of emails", "a trove of records". */
const COLLECTION = /^(batch|trove|cache|set|series|collection|bundle|stack|pile|raft|slew|handful)$/;

/** Documents that are sent to someone: "a letter to ministers", "a submission to the council". */
const ADDRESSED =
  /^(letter|letters|submission|submissions|petition|memo|memos|email|emails|complaint|notice|briefing)$/;

/** "with recent polls showing …", "Despite polls showing …": a finding participle inside a prepositional phrase. */
const INSIDE_PHRASE = /^(with|despite|amid|following|of)$/;

/** Clause words before a document phrase that do not belong to it: "But a poll …", "and exit polls …". */
const CLAUSE_OPENER =
  /^(and|but|yet|so|while|as|though|although|because|since|when|if|whereas|that|now|still)$/;

/**
 * "A Monmouth poll out Monday showed …", "A memo obtained by The Associated Press says …", "Exit polls taken in
 * South Carolina found …", "Polls there show …": a document or poll phrase that opens the clause before the cue,
 * with only its modifier (a preposition or participle phrase, a place or time word) between its head and the
 * cue. The subject reader stops inside such a modifier (`South Carolina`, `The Associated Press`) or finds
 * nothing; the document is the speaker.
 */
export function documentSubject(text: string, tokens: readonly Token[], cue: number): Subject | null {
  // Where the clause may start: the sentence's start, or after a comma, colon, dash or clause word; the widest
  // first (`A poll by The Post and ABC News shows` is one phrase).
  for (let s = Math.max(0, cue - 24); s < cue; s++) {
    const p = tokens[s - 1];
    if (
      p &&
      !/^[,;:—–(“”"‘’]$/.test(p.text) &&
      p.text !== '--' &&
      !(p.word && !p.cap && CLAUSE_OPENER.test(p.key)) &&
      !(p.word && INSIDE_PHRASE.test(p.key) && /ing$/.test(tokens[cue]!.key))
    )
      continue;
    const found = documentFrom(text, tokens, s, cue);
    if (found) return found;
  }
  return null;
}

function documentFrom(text: string, tokens: readonly Token[], from: number, cue: number): Subject | null {
  let s = from;
  while (s < cue && tokens[s]!.word && CLAUSE_OPENER.test(tokens[s]!.key)) s++;
  // The head: within six words of the start, after determiners, adjectives, numbers and names only.
  let h = -1;
  for (let k = s; k < cue && k - s <= 6; k++) {
    const t = tokens[k]!;
    if (!t.word) {
      if (t.text === '-' || t.text === '’' || t.text === "'") continue;
      return null;
    }
    if (DOC_HEADS.test(t.key) && !(tokens[k + 1]?.word && DOC_HEADS.test(tokens[k + 1]!.key))) {
      h = k;
      break;
    }
    // ("A new batch of council emails released this week showed": a collection of documents.)
    if (t.key === 'of' && k > s && COLLECTION.test(tokens[k - 1]!.key)) continue;
    // ("A University of New Hampshire poll out this week shows": `of` inside a body's name.)
    if (t.key === 'of' && k > s && tokens[k - 1]!.cap && tokens[k + 1]?.cap) continue;
    if (
      /^(is|was|are|were|has|have|had|will|would|who|which|that|he|she|they|it|we|i|you|of|for|by|from|with|in|on|at|to|about|after|before|than|as|despite|amid|without|under|over|since|until|during)$/.test(
        t.key,
      )
    )
      return null;
  }
  if (h < 0) return null;
  // The modifier: no clause of its own (no auxiliary, relative or complementiser, no other cue, no comma).
  // ("A submission to the council dated 3 May said": what is sent has an addressee.)
  const sent = tokens[h + 1]?.key === 'to' && ADDRESSED.test(tokens[h]!.key);
  // ("The little polling that was done in the state before the primary showed": a passive relative clause.)
  const passive =
    /^(that|which)$/.test(tokens[h + 1]?.key ?? '') &&
    /^(was|were)$/.test(tokens[h + 2]?.key ?? '') &&
    DOC_MODIFIER.test(tokens[h + 3]?.key ?? '') &&
    /(ed|done|taken|seen|made|written|sent)$/.test(tokens[h + 3]!.key) &&
    h + 3 < cue;
  const after = passive ? h + 3 : h;
  if (
    after + 1 < cue &&
    !sent &&
    !DOC_MODIFIER.test(tokens[after + 1]!.key) &&
    !DATE_WORD.test(tokens[after + 1]!.key)
  )
    return null;
  for (let k = after + 1; k < cue; k++) {
    const t = tokens[k]!;
    if (/^[,;:“”"‘()—–]$/.test(t.text)) return null;
    if (
      t.word &&
      !t.cap &&
      /^(is|was|are|were|has|have|had|will|would|who|which|that|said|says|say|told)$/.test(t.key)
    )
      return null;
  }
  const m = looseMention(text, tokens, s, h);
  if (!m || m.kind === 'pronoun') return null;
  const mention: Mention = { ...m, head: tokens[h]!.key, type: 'document' };
  return { mention, role: null, relative: false, from: tokens[s]!.start };
}

/**
 * "Kerr released a study that found …", "after polls by Marlow University that showed …", "the video, which showed
 * …": a finding's relative subject whose antecedent is a document (its head, then a short modifier).
 */
function relativeDocument(text: string, tokens: readonly Token[], cue: number): Subject | null {
  const rel = tokens[cue - 1];
  if (!rel?.word || !/^(that|which)$/.test(rel.key) || !FINDING.test(tokens[cue]!.key)) return null;
  let h = tokens[cue - 2]?.text === ',' ? cue - 3 : cue - 2;
  const last = h;
  while (h >= 0 && last - h <= 5 && !(tokens[h]!.word && DOC_HEADS.test(tokens[h]!.key))) {
    const t = tokens[h]!;
    if (!t.word || (!t.cap && !DOC_MODIFIER.test(t.key) && !/^(the|a|an)$/.test(t.key))) return null;
    h--;
  }
  if (h < 0 || !tokens[h]!.word || !DOC_HEADS.test(tokens[h]!.key)) return null;
  let s = h;
  while (
    s > 0 &&
    h - s < 5 &&
    tokens[s - 1]!.word &&
    (tokens[s - 1]!.cap || !(isVerbLike(tokens[s - 1]!.key) || IRREGULAR_PAST.test(tokens[s - 1]!.key))) &&
    !/^(of|by|from|for|on|in|at|to|with|after|before|than|and|or|but|that|which)$/.test(tokens[s - 1]!.key)
  )
    s--;
  const m = looseMention(text, tokens, s, h);
  if (!m || m.kind === 'pronoun') return null;
  return {
    mention: { ...m, head: tokens[h]!.key, type: 'document' },
    role: null,
    relative: false,
    from: tokens[s]!.start,
  };
}
const FINDING =
  /^(show|shows|showed|shown|found|finds|suggested|suggests|concluded|concludes|estimated|estimates)$/;

/**
 * "More than six in 10 said", "Nearly eight in 10 Democratic voters overall said", "About four out of 10 voters
 * said": a poll's share with a qualifier before it, which the subject reader does not read, is a group speaker.
 */
export function shareSubject(text: string, tokens: readonly Token[], cue: number): Subject | null {
  if (cue < 1) return null;
  let s = cue - 1;
  while (s > 0 && cue - s <= 12) {
    const p = tokens[s - 1]!;
    if (!p.word || (!p.cap && CLAUSE_OPENER.test(p.key))) break;
    s--;
  }
  while (s < cue && tokens[s]!.word && CLAUSE_OPENER.test(tokens[s]!.key)) s++;
  // A share: "six in 10", "four out of 10", "42 percent", "42%" (not "43 said", a count of people).
  const share = readShare(tokens, s, cue - 1);
  if (share?.form !== 'share') return null;
  for (let j = share.end + 1; j < cue; j++) {
    const t = tokens[j]!;
    if ((!t.word && t.text !== '%') || FINITE_AFTER_SUBJECT.test(t.key) || /^(who|which|that)$/.test(t.key))
      return null;
  }
  const before = tokens[s - 1];
  if (before?.word && !CLAUSE_OPENER.test(before.key)) return null;
  const m = looseMention(text, tokens, s, cue - 1);
  if (!m || m.kind === 'pronoun') return null;
  const mention: Mention = { ...m, kind: 'nominal', name: null, role: null, head: 'percent', type: 'group' };
  return { mention, role: null, relative: false };
}

/** "those surveyed say", "Voters polled in Ohio said", "respondents said": the people a poll asked. */
function respondentsSubject(text: string, tokens: readonly Token[], cue: number): Subject | null {
  let p = cue - 1;
  // "those surveyed in March", "voters polled this week": a place or time after the participle.
  while (p > 0 && cue - p <= 5 && !/^(surveyed|polled|questioned|interviewed)$/.test(tokens[p]!.key)) {
    if (!tokens[p]!.word) return null;
    p--;
  }
  if (p < 1 || !/^(surveyed|polled|questioned|interviewed)$/.test(tokens[p]!.key)) return null;
  let s = p - 1;
  while (
    s > 0 &&
    tokens[s - 1]!.word &&
    !tokens[s - 1]!.cap &&
    /^(the|all|most|many|some|likely|registered|young|older|of)$/.test(tokens[s - 1]!.key)
  )
    s--;
  const head = tokens[p - 1]!;
  if (
    !head.word ||
    !/^(those|people|voters|adults|respondents|residents|americans|britons|members|workers|parents|students|patients|tenants|businesses|firms|nurses|doctors|teachers|women|men)$/.test(
      head.key,
    )
  )
    return null;
  const m = looseMention(text, tokens, s, p);
  if (!m) return null;
  const mention: Mention = {
    ...m,
    kind: 'nominal',
    name: null,
    role: null,
    head: 'respondents',
    type: 'group',
  };
  return { mention, role: null, relative: false };
}

/** An author's participle: "Figures published by the Office for National Statistics show" are the Office's. */
const AUTHORED = /^(published|released|compiled|issued|produced|conducted|commissioned|prepared)$/;

/**
 * The subject reader's answer against the document phrase: the document wins when the reader stopped inside its
 * modifier (`South Carolina`, `The Associated Press`) or read a time word into it (`A Monmouth poll out`); the
 * reader's wins when it is wider, when it is the same phrase ending in a name (`Reports in Portugal`), or when it
 * is the author after `published by` (the fixtures' rule for statistics and reports).
 */
function preferDocument(tokens: readonly Token[], read: Subject, document: Subject): Subject {
  const docStart = document.mention.start;
  const readStart = read.from ?? read.mention.start;
  if (readStart < docStart) return read;
  const last = tokens.findLast((t) => t.end <= read.mention.end);
  if (readStart === docStart) {
    if (read.mention.type === 'document') return read;
    const plain = !!last && !DOC_MODIFIER.test(last.key) && !DATE_WORD.test(last.key) && last.cap;
    return plain
      ? { ...read, mention: { ...read.mention, type: 'document', head: document.mention.head } }
      : document;
  }
  const by = tokens.findIndex(
    (t) => t.end <= read.mention.start && t.start >= document.mention.end && t.key === 'by',
  );
  const after = tokens[by + 1]?.key === 'the' ? by + 2 : by + 1;
  const author = by > 0 && AUTHORED.test(tokens[by - 1]!.key) && tokens[after]?.start === read.mention.start;
  const body = read.mention.type === 'organization' || read.mention.kind === 'name';
  return author && body ? { ...read, from: document.from } : document;
}

const words = (tokens: readonly Token[], a: number, b: number) => {
  let n = 0;
  for (let i = a; i < b; i++) if (tokens[i]!.word) n++;
  return n;
};

/** "ten days ago", "a few days later", "two weeks earlier": a time phrase that ends the sentence. */
function agoPhrase(tokens: readonly Token[], j: number, n: number): boolean {
  let k = j;
  while (
    k < n &&
    k - j < 3 &&
    /^(\d+|a|an|few|one|two|three|four|five|six|seven|eight|nine|ten|several|many)$/.test(tokens[k]!.key)
  )
    k++;
  if (k === j || !/^(hours?|days?|weeks?|months?|years?)$/.test(tokens[k]?.key ?? '')) return false;
  return /^(ago|later|earlier)$/.test(tokens[k + 1]?.key ?? '') && !tokens[k + 2]?.word;
}

/** Does tokens[j..n) hold only a prepositional or time adjunct ("in a phone interview", "on Tuesday")? */
function isAdjunct(tokens: readonly Token[], j: number, n: number): boolean {
  const t = tokens[j]!;
  // ("…, as Breitbart reported a few days later", "…, the Post reported ten days ago.")
  if (agoPhrase(tokens, j, n)) return true;
  if (
    !/^(in|on|at|during|of|last|this|earlier|later|before|after|afterwards|while|when|to|via|through|from|within|shortly|immediately|soon|quickly|until|till)$/.test(
      t.key,
    )
  )
    return false;
  let w = 0;
  for (let k = j; k < n; k++) {
    const x = tokens[k]!;
    if (x.text === ',' || x.text === ';') break;
    if (!x.word) continue;
    if (x.key === 'that' || /^(is|was|are|were|has|have|had|will|would)$/.test(x.key)) return false;
    w++;
  }
  return w <= 10;
}

/**
 * "…, the company said, two months later than it had promised", "…, officials said, up from 29 a week ago", "…, he
 * said, on condition of anonymity": a measure with a comparison, or the terms of the interview, after the cue's
 * comma is the reporter's gloss, not more of the report.
 */
function glossAfterCue(tokens: readonly Token[], j: number): boolean {
  const first = tokens[j];
  if (!first?.word) return false;
  if (/^(up|down)$/.test(first.key) && /^(from|on)$/.test(tokens[j + 1]?.key ?? '')) return true;
  if (/^(on|under)$/.test(first.key) && /^(condition|terms)$/.test(tokens[j + 1]?.key ?? '')) return true;
  if (
    !/^(\d[\d.,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|about|nearly|almost|some)$/.test(
      first.key,
    )
  )
    return false;
  for (let k = j + 1; k <= j + 4 && tokens[k]?.word; k++)
    if (
      /^(later|earlier|sooner|more|less|fewer|higher|lower|longer|shorter|ahead|behind|late|early|ago)$/.test(
        tokens[k]!.key,
      )
    )
      return k > j + 1 && !isVerbLike(tokens[k - 1]!.key);
  return false;
}

/** Verbs of commitment and assertion whose content may be an infinitive: "vowed to build a wall", "claim to represent". */
const INFINITIVE_CUE =
  /^(vow|vows|vowed|vowing|pledge|pledges|pledged|pledging|promise|promises|promised|promising|swear|swears|swore|swearing|claim|claims|claimed|claiming|agree|agrees|agreed|agreeing|propose|proposes|proposed|proposing)$/;

/**
 * "has vowed to block the rule", "pledged to create 700,000 jobs": `to` and a verb after a commitment verb is its
 * content, not an adjunct like `said to reporters` (`agreed to the deal`, `promised to voters` are objects).
 */
function infinitiveContent(tokens: readonly Token[], cue: Cue, j: number): boolean {
  if (!INFINITIVE_CUE.test(cue.key) || tokens[j]?.key !== 'to') return false;
  const v = tokens[j + 1];
  return (
    !!v?.word &&
    !v.cap &&
    !/^\d/.test(v.text) &&
    !DETERMINERS.has(v.key) &&
    !/^(him|her|them|me|us|you|it|his|their|our|my|its|whom)$/.test(v.key) &&
    !/[^su]s$/.test(v.key) &&
    // "what he promises to do": the verb needs words of its own.
    !!tokens[j + 2] &&
    !/^[.,;:!?)]$/.test(tokens[j + 2]!.text)
  );
}

/** Words that end an addressee's noun phrase: a preposition, a complementiser, the content's own subject. */
const ADDRESSEE_STOP =
  /^(in|on|at|of|for|to|with|about|during|after|before|last|this|that|the|a|an|his|her|their|its|our|he|she|they|it|we|i|you|there|and|or|but)$/;

const TOLD_THINGS =
  /^(tale|tales|story|stories|lie|lies|joke|jokes|truth|version|anecdote|anecdotes|account)$/;

/** Index of the first token of the reported content after a cue ("told Parliament yesterday | the group …"). */
export function contentStart(tokens: readonly Token[], cue: Cue): number {
  let j = cue.to + 1;
  const at = (k: number) => tokens[k];
  if (ADDRESSEE_VERBS.has(cue.key) && at(j) && at(j)!.key !== 'that' && at(j)!.word) {
    const t = at(j)!;
    if (DETERMINERS.has(t.key) || /^(his|her|their|our)$/.test(t.key)) {
      j++;
      const s = j;
      while (at(j)?.word && at(j)!.cap) j++;
      // "told a public meeting in Devonport": the addressee's adjectives and noun, up to its preposition.
      if (j === s) {
        while (
          j - s < 3 &&
          at(j)?.word &&
          !ADDRESSEE_STOP.test(at(j)!.key) &&
          !FINITE_AFTER_SUBJECT.test(at(j)!.key)
        )
          j++;
        // ("told a slightly different tale", "telling their family stories": what was told, not to whom.)
        if (TOLD_THINGS.test(at(j - 1)?.key ?? '')) j = cue.to + 1;
      }
    } else if (t.cap) {
      while (at(j)?.word && (at(j)!.cap || (/^(of|for|and)$/.test(at(j)!.key) && at(j + 1)?.cap))) j++;
    } else if (OBJECT_WORDS.test(t.key)) j++;
    // "warned the council would go bust": a verb right after the noun phrase makes it the content's subject.
    if (at(j)?.word && FINITE_AFTER_SUBJECT.test(at(j)!.key)) j = cue.to + 1;
  }
  // Adjuncts before the content: "said in a statement that", "wrote on Twitter:", "said on Monday".
  for (let guard = 0; guard < 4 && at(j); guard++) {
    const t = at(j)!;
    if (TIME_WORDS.has(t.key)) {
      j++;
      continue;
    }
    if (ADJUNCT_START.test(t.key)) {
      let m = j + 1;
      // ("told the Ledger in a story that ran this week that …": a relative `that` before its verb is the adjunct's.)
      const relativeThat = (k: number) =>
        at(k)!.key === 'that' &&
        !!at(k + 1)?.word &&
        !at(k + 1)!.cap &&
        (IRREGULAR_PAST.test(at(k + 1)!.key) ||
          /^(posted|aired|appeared|published|was|is)$/.test(at(k + 1)!.key)) &&
        tokens.slice(k + 2, k + 8).some((x) => x.key === 'that');
      while (
        m < tokens.length &&
        m - j <= 12 &&
        (at(m)!.key !== 'that' || relativeThat(m)) &&
        at(m)!.text !== ':' &&
        at(m)!.text !== ','
      )
        m++;
      const marker = at(m);
      // "said by phone that …", "say by 55%-41% that …"; not "reporting by X, Y and Z" or "accused by X of …, who".
      if (t.key === 'by' && marker?.key !== 'that') break;
      if (marker && (m - j <= 9 || tokens.slice(j, m).some((_, k) => relativeThat(j + k)))) {
        j = marker.key === 'that' ? m : m + 1;
        continue;
      }
      // "said on Monday the plan was dead", "told reporters on March 3 the …": a date with no `that` after it.
      let d = j + 1;
      while (d - j <= 3 && at(d)?.word && (TIME_WORDS.has(at(d)!.key) || DATE_WORD.test(at(d)!.key))) d++;
      if (
        /^(on|last|this|early|late)$/.test(t.key) &&
        d > j + 1 &&
        at(d)?.word &&
        !DATE_WORD.test(at(d)!.key)
      ) {
        j = d;
        continue;
      }
    }
    break;
  }
  while (at(j) && (at(j)!.text === ':' || at(j)!.text === ',')) j++;
  return skipToComplement(tokens, cue, j);
}

/**
 * Where the content of a sentence-long report begins (`…, Smith said`, `…, according to the survey`): after a
 * wire dateline (`CAMBRIDGE, Mass., Dec. 11 (UPI) —`, `WASHINGTON (Reuters) -`, `NEW DELHI:`), which is the
 * writer's, not the speaker's, and after a discourse connective with its comma (`Still,`, `In fact,`, `Meanwhile,`:
 * PolNeAR starts after them 11 times, never before, round twelve). A leading `But`, `Now,` or `In all,` stays: the
 * corpus counts it with the content as often as not.
 */
export function leadStart(tokens: readonly Token[], before: number): number {
  let i = 0;
  const first = tokens[0];
  if (
    first?.word &&
    first.text.length >= 3 &&
    first.text === first.text.toUpperCase() &&
    /\p{Lu}/u.test(first.text)
  ) {
    for (let k = 1; k < Math.min(before, 14); k++) {
      const t = tokens[k]!;
      if (/^[—–:-]$/.test(t.text) || t.text === '--') {
        i = k + 1;
        break;
      }
      if (t.word ? !(t.cap || /^\d/.test(t.text)) : !/^[,.()]$/.test(t.text)) break;
    }
  }
  // "Still, almost two in three … back him, according to the survey", "In fact, …, he said": a discourse connective
  // and its comma link the sentence to the reporter's last one; the content starts after them.
  for (const n of [1, 2]) {
    const head = tokens
      .slice(i, i + n)
      .map((t) => t.key)
      .join(' ');
    if (tokens[i + n]?.text === ',' && CONNECTIVE.test(head) && i + n + 1 < before - 1) return i + n + 1;
  }
  return i < before - 1 && tokens[i]?.word ? i : 0;
}

const CONNECTIVE =
  /^(still|however|nevertheless|nonetheless|meanwhile|moreover|furthermore|indeed|also|besides|regardless|similarly|likewise|even so|in fact|in particular|in contrast|by contrast|in addition|of course|after all|what's more|what’s more)$/;

const QUESTION_WORDS = /^(whether|if|why|what|how|which|who|when|where)$/;
const CUE_ADVERBS =
  /^(here|there|again|also|however|too|then|soon|afterwards|once|twice|now|still|often|repeatedly|privately|publicly|emphatically|separately|previously|recently|later|earlier|times|several|many|two|three|a|few|number|of|for|weeks|months|years|days)$/;

/**
 * The content of `told the local paper, The Chief, that …`, `said repeatedly that …`, `said, however, that …`
 * and `asked Pence whether …` starts at `that` or the question word: an addressee, adverbs or an aside between
 * the cue and its complementiser are not content. After `said` only adverbs may stand between (`said the bill
 * that passed …` keeps the bill); after an addressee verb any noun phrase may.
 */
function skipToComplement(tokens: readonly Token[], cue: Cue, j: number): number {
  // `said to the newspaper that …`, `said for the first time that …`: a prepositional phrase, like an addressee.
  const addressee =
    ADDRESSEE_VERBS.has(cue.key) ||
    /^(ask|asks|asked|asking)$/.test(cue.key) ||
    /^(to|for|per|with)$/.test(tokens[j]?.key ?? '');
  const question = /^(ask|asks|asked|asking)$/.test(cue.key);
  for (let k = j; k < tokens.length && k - j <= 18; k++) {
    const t = tokens[k]!;
    if (k > j && t.key === 'that') return k;
    // `asked Kasich, who …` is a relative clause; `asked X to find out whether …` a request that keeps X.
    if (k > j && question && QUESTION_WORDS.test(t.key)) return tokens[k - 1]!.text === ',' ? j : k;
    if (k === j && t.key === 'to' && !INFINITIVE_CUE.test(cue.key)) continue;
    if (/^[“”"‘’':;.!?(]$/.test(t.text) || t.key === 'to') return j;
    if (!t.word) continue;
    if (isVerbLike(t.key) || QUESTION_WORDS.test(t.key) || t.key === 'that' || coordinatedVerb(tokens, k))
      return j;
    if (!addressee && !/ly$/.test(t.key) && !CUE_ADVERBS.test(t.key) && !TIME_WORDS.has(t.key)) return j;
  }
  return j;
}

/**
 * Where the question of `asked X about Y` can end: at a comma after which a new clause's verb comes before any question
 * word ("When a reporter asked Ms Pell about the sale, the chief executive said …"), or at a coordinated verb ("asked
 * tenants about their homes and found that …").
 */
function questionEnd(tokens: readonly Token[], j: number, n: number): number {
  for (let k = j; k < n; k++) {
    const t = tokens[k]!;
    if (/^[;.]$/.test(t.text) || coordinatedVerb(tokens, k)) return k;
    if (t.text !== ',') continue;
    for (let m = k + 1; m < n && !/^[,;.]$/.test(tokens[m]!.text); m++) {
      const x = tokens[m]!;
      if (/^(to|that|[“"‘:])$/.test(x.key || x.text) || QUESTION_WORDS.test(x.key)) break;
      if (x.word && !x.cap && isVerbLike(x.key)) return k;
    }
  }
  return n;
}

/** `and found`, `but said`: a second predicate of the clause starts at tokens[k]. */
function coordinatedVerb(tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return (
    /^(and|but)$/.test(tokens[k]!.key) &&
    !!next?.word &&
    !next.cap &&
    (isVerbLike(next.key) || IRREGULAR_PAST.test(next.key))
  );
}

/**
 * `talked about the report`, `agreed with him`, `warned against it`: the preposition belongs to the cue, not the
 * content. (`for` and `of` are left: `say for the nominee to win …`, `complained of …` are counted with them.)
 */
function afterPreposition(tokens: readonly Token[], j: number): number {
  const next = tokens[j + 1];
  // `said about half …`: an approximation, not a preposition.
  if (!next?.word || /^(\d|half\b|one\b|one-|two\b|three\b|a$|an$)/.test(next.key)) return j;
  return /^(about|with|against)$/.test(tokens[j]?.key ?? '') ? j + 1 : j;
}

/**
 * "called the memo’s warning that routes would vanish “a scare tactic”": when the object of `called` holds a
 * report of its own (a `that` clause), the naming is the quoted phrase alone.
 */
function namedQuote(tokens: readonly Token[], cue: Cue, j: number): number {
  if (!/^call(s|ed|ing)?$/.test(cue.key)) return j;
  for (let k = j; k < tokens.length && k - j <= 20; k++) {
    const t = tokens[k]!;
    if (/^[“"‘]$/.test(t.text))
      return tokens.slice(j + 1, k).some((x, i) => x.key === 'that' && SPEECH_NOUN.test(tokens[j + i]!.key))
        ? k
        : j;
    if (/^[.;:]$/.test(t.text)) return j;
  }
  return j;
}

/** Words that may open a sentence before a fronted participle report: "After saying …", "In addition to stating …". */
const FRONT_LEAD = /^(after|while|since|before|upon|on|in|by|besides|when|and|but|addition|to)$/;

/**
 * "Conceding that a deal was years away, Lee warned …", "After saying he was nervous, the man …", "Recalling that
 * moment, David Axelrod said …": a participle report that opens the sentence belongs to the main clause's subject
 * after the comma, and runs to that comma. Returns the frame's end token (the comma) and the subject, or null.
 */
function frontedParticiple(
  text: string,
  tokens: readonly Token[],
  cue: Cue,
  j: number,
): { comma: number; subject: Subject } | null {
  if (cue.from > 3 || INTRO.test(tokens[cue.from]!.key)) return null;
  for (let k = 0; k < cue.from; k++) if (!tokens[k]!.word || !FRONT_LEAD.test(tokens[k]!.key)) return null;
  for (let k = j + 1; k < tokens.length - 3; k++) {
    const t = tokens[k]!;
    if (t.text === ';' || t.text === ':' || t.text === '.') return null;
    if (t.text !== ',') continue;
    let n = k + 1;
    while (tokens[n] && /^[”"’']$/.test(tokens[n]!.text)) n++;
    const next = tokens[n];
    // A main clause follows: a subject, then its verb within a few words (not a list item or an appositive).
    if (
      !next?.word ||
      /^(and|or|but|which|who|whose|including|such|a|an|even|especially|not)$/.test(next.key)
    )
      continue;
    // The subject: the phrase at the comma, up to its verb, an adverb before it, or an appositive's comma.
    for (let a = n + 1; a < tokens.length && a <= n + 10; a++) {
      const w = tokens[a]!;
      const stop =
        w.text === ',' ||
        (w.word &&
          !w.cap &&
          (isVerbLike(w.key) ||
            /ly$/.test(w.key) ||
            /^(only|also|still|then|now|never|not|again|had|has|have)$/.test(w.key)));
      if (!stop) {
        if (!w.word) return null;
        continue;
      }
      const subject = subjectBefore(text, tokens, a, n);
      const m = subject?.mention;
      if (!m || m.start !== next.start || m.end !== tokens[a - 1]!.end) return null;
      const who =
        m.kind === 'name' ||
        (m.kind === 'pronoun' && m.head !== 'it') ||
        HEAD_TYPE.has(m.head) ||
        m.type === 'organization';
      return who ? { comma: k, subject: subject! } : null;
    }
    return null;
  }
  return null;
}

/**
 * "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said …", "Mr. Manafort, citing “the
 * unique magic of Trump,” said …", "The Supreme Court justice -- who has … -- said …": an aside too long or too
 * mixed for the subject reader between the sentence's subject and its cue. The subject is the phrase that opens
 * the sentence, up to the aside's first comma, dash or parenthesis, when it names a speaker.
 */
function asideSubject(text: string, tokens: readonly Token[], cue: number): Subject | null {
  // (A closing mark typed as two apostrophes is two tokens: `,'' said`.)
  let b = cue - 1;
  while (b >= cue - 2 && /^[”"’']$/.test(tokens[b]?.text ?? '')) b--;
  const before = tokens[b];
  if (!before || !/^[,)—–-]$|^--$/.test(before.text)) return null;
  let s = 0;
  while (s < cue && tokens[s]!.word && /^(but|and|yet|so)$/.test(tokens[s]!.key)) s++;
  let e = s;
  while (e < cue && (tokens[e]!.word || /^[’'.&]$/.test(tokens[e]!.text))) e++;
  if (e === s || e >= b || !/^[,(—–-]$|^--$/.test(tokens[e]!.text)) return null;
  // A noun phrase: a name, a pronoun or a determiner first, and no verb in it ("because Mr. Hannity is").
  const first = tokens[s]!;
  if (!first.cap && !DETERMINERS.has(first.key) && !/^(he|she|they|we|i)$/.test(first.key)) return null;
  for (let k = s + 1; k < e; k++) if (!tokens[k]!.cap && isVerbLike(tokens[k]!.key)) return null;
  const m = mentionOf(text, tokens, s, e - 1);
  if (!m || (m.kind === 'pronoun' && m.head === 'it')) return null;
  if (m.kind === 'nominal' && !HEAD_TYPE.has(m.head) && m.type !== 'organization') return null;
  return { mention: m, role: null, relative: false };
}

/** Where an aside closed by the comma at tokens[close] ends: after the closing mark right after it, if any. */
function closingMarkEnd(tokens: readonly Token[], close: number): number {
  let q = close + 1;
  while (q <= close + 2 && /^[”"’']$/.test(tokens[q]?.text ?? '')) q++;
  return q > close + 1 ? tokens[q - 1]!.end : tokens[close]!.start;
}

/**
 * The comma that closes an aside opened at tokens[open] (`Salceda, citing data from the State Department, said`),
 * when a speech verb follows it and the aside is the sentence's first; -1 otherwise.
 */
function asideEnd(tokens: readonly Token[], open: number, j: number): number {
  if (tokens[open]?.text !== ',') return -1;
  for (let k = 0; k < open; k++) if (!tokens[k]!.word && !/^[’'.&]$/.test(tokens[k]!.text)) return -1;
  for (let k = j + 1; k < tokens.length - 1 && k - j <= 25; k++) {
    const t = tokens[k]!;
    if (/^[;:.]$/.test(t.text)) return -1;
    if (t.text !== ',') continue;
    let v = k + 1;
    while (tokens[v] && /^[”"’']$/.test(tokens[v]!.text)) v++;
    const next = tokens[v];
    return next?.word && !next.cap && SPEECH_VERBS.has(next.key) && !next.key.endsWith('ing') ? k : -1;
  }
  return -1;
}

/** `said Frank Coleman, the group’s spokesman` / `said the mayor.`: a speaker right after the cue, then a stop. */
function invertedAfter(text: string, tokens: readonly Token[], from: number): boolean {
  const s = subjectAfter(text, tokens, from, tokens.length - 1);
  if (!s || s.mention.kind === 'pronoun') return false;
  // "said the new rota was unsafe": the reader ran into a clause.
  const inside = tokens.filter((t) => t.start >= s.mention.start && t.end <= s.mention.end);
  if (inside.some((t) => t.word && !t.cap && (isVerbLike(t.key) || FINITE_AFTER_SUBJECT.test(t.key))))
    return false;
  const next = tokens.find((t) => t.start >= s.mention.end);
  return !next || /^[,.;)]$/.test(next.text);
}

/**
 * `…, said Ann Roe, a local economist.`: a speaker right after the cue whose appositive (if any) runs to the
 * sentence's end with no verb of its own before a relative word (not `said Ann Roe, the treasurer, had lied`).
 */
function invertedToEnd(text: string, tokens: readonly Token[], from: number): boolean {
  if (tokens[from]?.key === 'that' || !invertedAfter(text, tokens, from)) return false;
  const s = subjectAfter(text, tokens, from, tokens.length - 1)!;
  // A person or a body named, not a clause's subject run into its verb ("said contractors eventually built …").
  if (s.mention.kind !== 'name' || (s.mention.type !== 'person' && s.mention.type !== 'organization'))
    return false;
  for (const t of tokens) {
    if (t.start >= s.mention.start && t.end <= s.mention.end && !t.cap && IRREGULAR_PAST.test(t.key))
      return false;
    if (t.start < s.mention.end || !t.word || t.cap) continue;
    if (/^(who|which|whose)$/.test(t.key)) return true;
    if (isVerbLike(t.key) || FINITE_AFTER_SUBJECT.test(t.key)) return false;
  }
  return true;
}

/** A dash right after the cue or its adjunct, before an appositive (`said on Tuesday — a shortfall that …`). */
function dashGloss(tokens: readonly Token[], cue: number, j: number): boolean {
  for (let k = cue + 1; k < tokens.length && k <= Math.max(j, cue + 6); k++) {
    const t = tokens[k]!;
    if (/^(?:—|–|--)$/.test(t.text)) {
      const next = tokens[k + 1];
      return !!next?.word && !next.cap && /^(a|an|the|all|another|something|absent|no)$/.test(next.key);
    }
    if (!t.word) return false;
  }
  return false;
}

/** Words that end the noun phrase before a relative `who` (`compared with 30 percent who say`). */
const ANTECEDENT_STOP =
  /^(with|among|including|from|by|than|to|for|against|on|at|about|between|and|or|but|while|compared|as|like|in)$/;

/**
 * "…, compared with 30 percent who say the same", "including 18% who say …", "dozens of women who claim …", "a young
 * child, who said …": a relative clause inside the sentence, whose antecedent is no sentence subject. The share or
 * the noun phrase right before `who` speaks; only a share, a name or a noun the lexicon types as a speaker.
 */
function relativeAntecedent(
  text: string,
  tokens: readonly Token[],
  cue: number,
  /** Read after a main clause's verb (`relativeOverVerb`): `which` for a body, and any noun for `who`. */
  object = false,
): Subject | null {
  let w = cue - 1;
  while (
    w > 0 &&
    cue - w <= 2 &&
    /^(also|now|then|later|previously|recently|earlier|once|just|still)$/.test(tokens[w]!.key)
  )
    w--;
  const who = tokens[w];
  if (!who?.word || !(who.key === 'who' || (object && who.key === 'which')) || who.cap) return null;
  let k = w - 1;
  if (tokens[k]?.text === ',') k--;
  if (k < 0 || (!tokens[k]!.word && tokens[k]!.text !== '%')) return null;
  const pronoun = { start: who.start, end: who.end };
  for (let s = Math.max(0, k - 7); s <= k; s++) {
    const share = readShare(tokens, s, k);
    if (!share || share.form === 'count' || share.groupEnd !== k) continue;
    const a = tokens[s]!;
    const b = tokens[k]!;
    const at = text.slice(a.start, b.end);
    const mention: Mention = {
      start: a.start,
      end: b.end,
      text: at,
      kind: 'nominal',
      name: null,
      role: null,
      head: 'percent',
      type: 'group',
      owner: null,
    };
    return { mention, role: null, relative: true, pronoun };
  }
  let s = k;
  while (
    s > 0 &&
    k - s < 6 &&
    tokens[s - 1]!.word &&
    !ANTECEDENT_STOP.test(tokens[s - 1]!.key) &&
    (tokens[s - 1]!.cap || !(isVerbLike(tokens[s - 1]!.key) || IRREGULAR_PAST.test(tokens[s - 1]!.key)))
  )
    s--;
  // At the sentence's start the antecedent is the subject, which the subject readers read or refused (`Nobody
  // knows who said …`).
  if (s === 0) return null;
  const m = mentionOf(text, tokens, s, k);
  if (!m || m.kind === 'pronoun') return null;
  if (who.key === 'which' && !['organization', 'document'].includes(m.type)) return null;
  if (m.kind === 'nominal' && m.head !== 'those' && !HEAD_TYPE.has(m.head) && !object) return null;
  return { mention: m, role: m.role, relative: true, pronoun };
}

/**
 * A relative subject (`… who said`) whose phrase holds a finite verb before `who`: `Nobody knows who`, `The mayor met
 * residents who`, `The board heard from Dale Pruitt, who`. The subject reader's phrase runs leftwards over words it
 * does not know as verbs; the past and present forms of common verbs are read here.
 */
function relativeOverVerb(tokens: readonly Token[], subject: Subject, cue: number): boolean {
  if (!subject.relative || !subject.pronoun) return false;
  const from = tokens.findIndex((t) => t.start >= subject.mention.start);
  const to = tokens.findIndex((t) => t.start >= subject.pronoun!.start);
  if (from < 0 || to <= from || to > cue) return false;
  // (The phrase may even open with the verb: `Cllr Peter Dunmore, met drivers who`; an auxiliary is a verb too: `The
  // survey was commissioned by Wenford Combined Authority, which`.)
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (!t.word || t.cap) continue;
    const prev = tokens[k - 1];
    if (IRREGULAR_PAST.test(t.key) || FINITE_AFTER_NAME.test(t.key) || /^(was|were|is|are)$/.test(t.key))
      return true;
    // "Nobody knows", "Ms Lowe wonders": a present verb right after a capitalised word.
    if (prev?.cap && prev.word && /^[a-z]+[^s']s$/.test(t.key) && !HEAD_TYPE.has(t.key)) return true;
  }
  return false;
}

/**
 * The antecedent of a relative subject read after the main clause's verb (`relativeOverVerb`): `residents` in `The
 * mayor met residents who said …`, `Dale Pruitt` in `The board heard from Dale Pruitt, who said … and urged …` (a
 * coordinated verb shares it), read where the subject reader found its `who`/`which`.
 */
function objectAntecedent(
  text: string,
  tokens: readonly Token[],
  cue: number,
  subject: Subject,
): Subject | null {
  const who = tokens.findIndex((t) => t.start === subject.pronoun?.start);
  return who > 0 && who < cue ? relativeAntecedent(text, tokens, who + 1, true) : null;
}

/** After `found that`: a clause, at least four words before its first comma (`that in government work, he said`: none). */
function thatClause(tokens: readonly Token[], from: number): boolean {
  let k = tokens[from]?.text === ',' ? from + 1 : from;
  let count = 0;
  for (; k < tokens.length && tokens[k]!.text !== ',' && tokens[k]!.text !== '.'; k++)
    if (tokens[k]!.word) count++;
  return count >= 4;
}

/** Verbs that take a person as object and end the subject phrase before a relative `who`. */
const FINITE_AFTER_NAME =
  /^(knows|know|asked|asks|met|meets|heard|hears|interviewed|interviews|thanked|thanks|praised|quoted|cited|visited|visits|joined|joins|called|named|hired|fired|wonders|wondered|questioned|questions)$/;

/** A participle of speech that opens its own report after a cue's comma (`…, Pell said, adding, “…”`). */
const PARTICIPLE_AFTER = /^(adding|saying|noting|explaining|insisting|arguing|stressing|warning|continuing)$/;

const OBJECT_VERBS = /^(maintain|maintains|maintained|maintaining)$/;
const OBJECT_START =
  /^(a|an|the|his|her|their|its|our|my|this|that|these|those|\d[\d.,]*|\$|one|two|three|several|some|many)$/;
const FINITE_VERB =
  /^(is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|did|does|do|be)$/;

/** `maintain` and a noun phrase with no finite verb to the sentence's end. */
function objectOnly(tokens: readonly Token[], cue: Cue, j: number, n: number): boolean {
  if (
    !OBJECT_VERBS.test(cue.key) ||
    j !== cue.to + 1 ||
    !OBJECT_START.test(tokens[j]?.key || tokens[j]?.text || '')
  )
    return false;
  for (let k = j; k < n; k++) {
    const t = tokens[k]!;
    if (/^[“"‘:]$/.test(t.text) || (t.text === "'" && tokens[k + 1]?.text === "'")) return false;
    if (t.word && !t.cap && (FINITE_VERB.test(t.key) || t.key === 'that')) return false;
  }
  return true;
}

/**
 * "…, according to the Judicial Conference, the policy-making arm of the courts": a comma, then a noun phrase with
 * no verb to the sentence's end (a gloss on the source).
 */
function verblessGloss(tokens: readonly Token[], k: number): boolean {
  return (
    tokens[k]?.text === ',' &&
    /^(a|an|the|half|most|one|two|three)$/.test(tokens[k + 1]?.key ?? '') &&
    !tokens
      .slice(k + 1)
      .some(
        (t) =>
          t.word &&
          !t.cap &&
          (isVerbLike(t.key) ||
            IRREGULAR_PAST.test(t.key) ||
            /^(is|are|was|were|has|have|will|would|can|could)$/.test(t.key)),
      )
  );
}

/** `according to plan`, `according to their instinctive preference`: a standard (the source's head), not a source. */
const NOT_A_SOURCE =
  /\b(?:plans?|schedule|script|rules?|laws?|tradition|custom|instructions|protocol|needs?|size|age|ability|preferences?|merits?|taste|form|type|region|scripture|guidelines)$/i;

/** Reported-speech frames of one sentence (tokens), given its cues. */
export function framesOf(
  text: string,
  tokens: readonly Token[],
  cues: readonly Cue[],
  sentenceEnd: number,
  /** Where a clause that runs to the sentence's end really stops (`clause-end.ts`); a cue after it is not nested. */
  clauseEnd?: (start: number, end: number, cue: Cue) => number,
): Frame[] {
  const frames: Frame[] = [];
  const end = sentenceEnd;
  /** A report whose subject is a poll's share (`30% say`, `one in four said`). */
  const shareReport = (f: Frame) =>
    f.from < f.cue.from && (readShare(tokens, f.from, f.cue.from - 1)?.form ?? 'count') !== 'count';
  const n = tokens.length;
  for (const cue of cues) {
    const inside = frames.find((f) => tokens[cue.from]!.start >= f.start && tokens[cue.from]!.start < f.end);
    let frame: Frame | null = null;
    // A participle whose speaker is a relative clause's subject cuts an earlier report like an inherited one.
    let relativeParticiple = false;
    let relativeReport = false;
    // "Conceding that …, Lee warned …": a fronted participle report.
    const fronted =
      cue.participle && !inside && cue.from <= 3
        ? frontedParticiple(text, tokens, cue, contentStart(tokens, cue))
        : null;
    const withShare = cue.participle && !inside ? shareBefore(tokens, cue.from) : -1;
    // "Bolton distanced himself … by saying he would …": the subject of the main clause's verb.
    const verb =
      !inside && cue.participle ? Math.max(subordinateVerb(tokens, cue), irregularMainVerb(tokens, cue)) : -1;
    const verbSubject =
      verb >= 0 && clauseFollows(tokens, contentStart(tokens, cue))
        ? subjectBefore(text, tokens, verb, 0)
        : null;
    if (cue.according) {
      const host =
        inside ??
        (cue.from > 0
          ? frames.findLast((f) => f.start < tokens[cue.from]!.start && f.end >= tokens[cue.from - 1]!.start)
          : undefined);
      let k = cue.to + 1;
      // "According to early results of exit polls conducted for The Associated Press and television networks by
      // Edison Research, …": at the sentence's start the source runs to its comma, however long.
      const limit = cue.from === 0 ? 28 : 12;
      // "…, according to early results of the exit survey conducted by Marlow Research for …", "…, according to
      // the Budget Office - half a percent of …": after a comma the source runs to its comma, dash or end.
      const postposed = cue.from > 0 && tokens[cue.from - 1]!.text === ',';
      while (
        k < n &&
        tokens[k]!.text !== ',' &&
        tokens[k]!.text !== '.' &&
        (postposed ? !/^(?:[—–-]|--)$/.test(tokens[k]!.text) : k - cue.to <= limit)
      )
        k++;
      const m = looseMention(text, tokens, cue.to + 1, k - 1);
      if (!m) continue;
      const subject: Subject = { mention: m, role: m.role, relative: false };
      const atStart =
        words(tokens, 0, cue.from) === 0 ||
        (cue.from > 0 && /^(but|and|yet|so)$/i.test(tokens[cue.from - 1]!.key) && cue.from === 1);
      if (atStart && k < n - 1)
        frame = {
          cue,
          subject,
          inherit: false,
          start: tokens[k + 1]!.start,
          end,
          from: cue.from,
          rule: 'reported-according',
        };
      else if (
        cue.from > 2 &&
        (tokens[cue.from - 1]!.word ||
          /^(?:[—–”"’)]|--)$/.test(tokens[cue.from - 1]!.text) ||
          // (a closing mark typed as two apostrophes: `…,'' according to Mr. Hale`)
          (tokens[cue.from - 1]!.text === "'" && tokens[cue.from - 2]!.text === "'")) &&
        (k >= n - 1 ||
          (tokens[k]!.text === ',' &&
            /^(but|and|while|though|although|yet)$/.test(tokens[k + 1]?.key ?? '')) ||
          // ("…,'' according to Tom Ruiz, the council clerk.": the source's appositive.)
          verblessGloss(tokens, k)) &&
        !NOT_A_SOURCE.test(m.text)
      ) {
        // "X rose 5 percent according to the report.", "Clinton leads by 271 delegates according to a count by
        // The Associated Press, but …": postposed with no comma; the source runs to the sentence's end or to a
        // comma before a conjunction.
        frame = {
          cue,
          subject,
          inherit: false,
          start: tokens[leadStart(tokens, cue.from)]!.start,
          end: tokens[cue.from - 1]!.end,
          from: 0,
          rule: 'reported-according',
        };
      } else if (host && words(tokens, k, n) === 0 && relativeBefore(tokens, host, cue.from) > 0) {
        // "Weaver says it is proof he can close the gap, which stood at 263, according to the AP": after another
        // report, the source vouches for the relative clause before it.
        const r = relativeBefore(tokens, host, cue.from);
        host.end = Math.min(host.end, tokens[r - 1]!.start);
        relativeReport = true;
        frame = {
          cue,
          subject,
          inherit: false,
          start: tokens[r]!.start,
          end: tokens[cue.from - 1]!.start,
          from: r,
          rule: 'reported-according',
        };
      } else if (cue.from > 0 && tokens[cue.from - 1]!.text === ',') {
        // (A dash after the source opens the reporter's gloss.)
        const dash = /^(?:[—–-]|--)$/.test(tokens[k]?.text ?? '');
        const tail = words(tokens, k, n);
        const next = tokens[k + 1];
        const appositive =
          !next ||
          /^(who|which|whose|released|published|conducted|compiled|reported|issued)$/.test(next.key) ||
          // "…, according to the Judicial Conference, the policy-making arm of the courts", "…, according to
          // Crowdpac, the most of any candidate": a noun phrase with no verb after the source is a gloss.
          verblessGloss(tokens, k);
        // "…, according to a CNN tally, but his pathway is narrowing", "…, according to Andy Smith, director of the
        // Survey Center": a conjunction, a participle or the source's own office after it is the reporter's.
        const glossTail =
          dash ||
          (!!next &&
            tokens[k]?.text === ',' &&
            (/^(but|and|although|though|while|yet|including|compared|where|excluding|despite)$/.test(
              next.key,
            ) ||
              (!next.cap &&
                (HEAD_TYPE.get(next.key) === 'person' || ROLE_WORDS.has(next.key)) &&
                /^(of|at|for)$/.test(tokens[k + 2]?.key ?? ''))));
        // "Despite polls showing the levy behind, supporters have raised $312,000, according to state filings":
        // a report before the clause (ending at its comma) is not this one's content.
        const earlier = frames.findLast((f) => f.end <= tokens[cue.from]!.start && f.cue.finding);
        const after = earlier ? tokens.findIndex((t) => t.start >= earlier.end && t.word) : -1;
        // "In addition, according to the department, nearly nine million …", "Fundraising, according to the
        // campaign, has surged …": an opening adverbial or a bare word or two before the source is no report of
        // its own; the content starts after the source.
        const leadWords = words(tokens, 0, cue.from - 1);
        const shortLead =
          tail >= 3 &&
          !appositive &&
          !glossTail &&
          tokens[k]?.text === ',' &&
          (leadWords <= 2 || (INTRO.test(tokens[0]!.key) && leadWords <= 8)) &&
          !tokens
            .slice(0, cue.from - 1)
            .some((t) => t.word && !t.cap && (isVerbLike(t.key) || IRREGULAR_PAST.test(t.key)));
        frame = {
          cue,
          subject,
          inherit: false,
          start: shortLead
            ? tokens[k + 1]!.start
            : tokens[after > 0 && after < cue.from - 2 ? after : leadStart(tokens, cue.from)]!.start,
          end: tail >= 3 && !appositive && !glossTail ? end : tokens[cue.from - 1]!.start,
          from: 0,
          rule: 'reported-according',
        };
      }
    } else if (fronted) {
      const j = contentStart(tokens, cue);
      if (words(tokens, j, fronted.comma) >= 2)
        frame = {
          cue,
          subject: fronted.subject,
          inherit: false,
          start: tokens[j]!.start,
          end: tokens[fronted.comma]!.start,
          from: 0,
          rule: 'reported-participle',
        };
    } else if (cue.participle && withShare >= 0) {
      // "…, with 30 percent of voters saying they have a positive view of him": the share is the speaker.
      const m = looseMention(text, tokens, withShare + 1, cue.from - 1);
      const j = contentStart(tokens, cue);
      if (m && words(tokens, j, n) >= 2)
        frame = {
          cue,
          subject: { mention: m, role: null, relative: false },
          inherit: false,
          start: tokens[j]!.start,
          end,
          from: withShare,
          rule: 'reported-participle',
        };
    } else if (
      cue.participle &&
      cue.from > 0 &&
      (/^[,—–]$/.test(tokens[cue.from - 1]!.text) ||
        (/^[”"’']$/.test(tokens[cue.from - 1]!.text) && tokens[cue.from - 2]?.text === ',') ||
        // (`''overblown,'' adding …`: a closing mark typed as two apostrophes.)
        (tokens[cue.from - 1]!.text === "'" &&
          tokens[cue.from - 2]?.text === "'" &&
          tokens[cue.from - 3]?.text === ',') ||
        verbSubject)
    ) {
      const j = contentStart(tokens, cue);
      // "Mr. Manafort, citing “the unique magic of Trump,” said …": an aside between the subject and its cue ends at
      // its comma and is that subject's.
      const close = verbSubject || INTRO.test(cue.key) ? -1 : asideEnd(tokens, cue.from - 1, j);
      const aside = close > 0 ? asideSubject(text, tokens, close + 1) : null;
      const relative = aside || verbSubject ? null : relativeClauseSubject(text, tokens, cue.from);
      const own = aside ?? verbSubject ?? relative;
      relativeParticiple = !!relative;
      if (words(tokens, j, n) >= 2)
        frame = {
          cue,
          subject: own,
          inherit: !own,
          start: tokens[j]!.start,
          // A comma inside the quotation's closing mark: the quotation stays whole (`“the worst winter,”`, `,''`).
          end: !aside ? end : closingMarkEnd(tokens, close),
          from: cue.from - 1,
          rule: 'reported-participle',
        };
    } else {
      // "Sanders was asked by host John Dickerson whether …", "Asked by Starnes if …": the agent is the speaker.
      if (
        tokens[cue.to + 1]?.key === 'by' &&
        (cue.from === 0 ||
          /^(was|were|is|are|been|being)$/.test(tokens[cue.from - 2]?.key ?? '') ||
          /^(was|were|is|are|been|being|when|after|once)$/.test(tokens[cue.from - 1]?.key ?? ''))
      ) {
        let k = cue.to + 2;
        while (
          k < n &&
          tokens[k]!.word &&
          !/^(whether|if|about|to|what|how|why|who|on|in|at|during|last|this|that)$/.test(tokens[k]!.key)
        )
          k++;
        const agent = mentionOf(text, tokens, cue.to + 2, k - 1);
        while (
          k < n &&
          (TIME_WORDS.has(tokens[k]!.key) || /^(on|in|at|during)$/.test(tokens[k]!.key)) &&
          !/^(whether|if|about)$/.test(tokens[k]!.key)
        )
          k++;
        const subject = agent ? { mention: agent, role: agent.role, relative: false } : null;
        if (subject && k < n && /^(whether|if|about|to|what|how|why|who)$/.test(tokens[k]!.key)) {
          let stop = end;
          const comma = tokens.findIndex((x, xi) => xi > k && x.text === ',');
          if (cue.from === 0 && comma > 0) stop = tokens[comma]!.start;
          frames.push({
            cue,
            subject,
            inherit: false,
            start: tokens[k]!.start,
            end: stop,
            from: cue.from,
            rule: 'reported-passive-agent',
          });
        } else if (
          subject &&
          cue.from > 1 &&
          /^(reported|announced|confirmed|revealed|disclosed|stated|claimed|alleged)$/.test(cue.key)
        ) {
          // "O’Malley’s move was first reported by MSNBC": the passive subject is the content.
          let aux = cue.from - 1;
          while (aux > 0 && cue.from - aux <= 3 && !/^(was|were|is|are|been|being)$/.test(tokens[aux]!.key))
            aux--;
          if (aux > 0 && /^(has|have|had)$/.test(tokens[aux - 1]?.key ?? '')) aux--;
          if (aux > 0 && cue.from - aux <= 4 && words(tokens, 0, aux) >= 2)
            frames.push({
              cue,
              subject,
              inherit: false,
              start: tokens[0]!.start,
              end: tokens[aux]!.start,
              from: 0,
              rule: 'reported-passive-agent',
            });
        }
        continue;
      }
      const before = subjectBefore(text, tokens, raisingStart(tokens, dateStart(tokens, cue.from)), 0);
      // "Nobody knows who said …" (a question, no speaker), "The mayor met residents who said …" (the residents): a
      // relative subject phrase that ran over the main clause's verb is not the antecedent.
      const overVerb = !!before && relativeOverVerb(tokens, before, cue.from);
      // "…, forcing them to cut staff, said Ann Roe, a local economist.": after a comma, a cue with its speaker
      // after it is inverted, whatever the reader found before the comma.
      const inverted =
        !inside &&
        cue.from > 0 &&
        tokens[cue.from - 1]!.text === ',' &&
        /^(said|says|added|adds|noted|notes|explained|argued|warned|observed|wrote|writes)$/.test(
          tokens[cue.from]!.text,
        ) &&
        invertedToEnd(text, tokens, cue.to + 1);
      const read = inverted
        ? null
        : ((overVerb ? objectAntecedent(text, tokens, cue.from, before!) : before) ??
          (inside && tokens[cue.from - 1]?.key !== 'then'
            ? null
            : coordinatedSubject(text, tokens, cue.from)) ??
          // Only before a clause: `…, said Frank Coleman, the group’s spokesman` is an inverted cue.
          (inside || tokens[cue.from]!.cap || invertedAfter(text, tokens, cue.to + 1)
            ? null
            : asideSubject(text, tokens, cue.from)) ??
          relativeAntecedent(text, tokens, cue.from));
      // A document phrase that the subject reader cut inside its modifier, or did not read at all.
      const document = documentSubject(text, tokens, cue.from);
      const inPhrase =
        !!document &&
        /ing$/.test(cue.key) &&
        INSIDE_PHRASE.test(tokens[tokens.findIndex((t) => t.start === document.from) - 1]?.key ?? '');
      const found =
        relativeDocument(text, tokens, cue.from) ??
        (document && read && !inPhrase
          ? preferDocument(tokens, read, document)
          : (document ??
            // "Six in 10 say": the reader stops at the number; the share is the speaker.
            (read && /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten)$/.test(read.mention.head)
              ? (shareSubject(text, tokens, cue.from) ?? read)
              : read) ??
            (cue.finding
              ? null
              : (shareSubject(text, tokens, cue.from) ?? respondentsSubject(text, tokens, cue.from)))));
      const contact = found && !inside ? contactRelative(text, tokens, found, cue) : null;
      const subject = contact ?? found;
      const impersonal =
        subject?.mention.kind === 'pronoun' &&
        subject.mention.head === 'it' &&
        /^(is|was|has|been|had)$/.test(tokens[cue.from - 1]?.key ?? '');
      // "He was charged with…", "voters were asked who…": the subject is not the speaker of a passive.
      const passive =
        /^(is|was|were|are|been|being|be|get|got)$/.test(tokens[cue.from - 1]?.key ?? '') &&
        !/ing$/.test(cue.key);
      // "the key question is…", "300 pledged delegates": a verb form that is also a common noun needs a plural or
      // personal subject.
      const bare =
        /^(note|question|claim|call|report|promise|estimate|charge|vow|pledge|remark|comment|answer|reply|quote|post|tweet|statement)$/.test(
          cue.key,
        );
      const fitsBare =
        !bare ||
        !subject ||
        (subject.mention.kind === 'pronoun' && /^(i|we|they|you)$/.test(subject.mention.head)) ||
        subject.mention.type === 'group' ||
        /s$/.test(subject.mention.head) ||
        /\b(and|&)\b/.test(subject.mention.text);
      // "300 pledged delegates" is an adjective after a count; "A report … in 2024 warned that …", "the council on
      // March 3 warned:" are a verb after a date (a preposition or a month before the number, or a clause after it).
      const adjectival =
        /ed$/.test(cue.key) &&
        /^\d/.test(tokens[cue.from - 1]?.text ?? '') &&
        // "by 2019 pledged" is a date, "leads by 271 pledged delegates" a count.
        !(
          DATE_BEFORE.test(tokens[cue.from - 2]?.key ?? '') &&
          (tokens[cue.from - 2]!.key !== 'by' || /^(1[89]|20)\d\d$/.test(tokens[cue.from - 1]!.text))
        ) &&
        !/^(that|:|“|"|‘|,)$/.test(tokens[cue.to + 1]?.key || tokens[cue.to + 1]?.text || '');
      if (subject && !impersonal && !passive && fitsBare && !adjectival) {
        // Findings ("showed", "found") belong to documents, bodies and statistical groups, not to people.
        const statistical =
          /^(percent|majority|minority|half|third|quarter|most|many|respondents|voters|americans|britons)$/.test(
            subject.mention.head,
          );
        if (
          cue.finding &&
          !(
            ['document', 'organization'].includes(subject.mention.type) ||
            (subject.mention.type === 'group' && statistical) ||
            (subject.mention.kind === 'nominal' && EVIDENCE.test(subject.mention.head)) ||
            // "The researchers found that …", "He found that …": a finding stated as a clause.
            // ("he finds that in government work": `that` as a pronoun, with no clause after it.)
            (/^(found|finds|find)$/.test(cue.key) &&
              tokens[cue.to + 1]?.key === 'that' &&
              thatClause(tokens, cue.to + 2)) ||
            // "Rural wells carry more nitrate than reported, researchers find": a postposed finding closing the
            // sentence (speakers22).
            (/^(researchers|scientists|economists|analysts|experts)$/.test(subject.mention.head) &&
              !tokens.slice(cue.to + 1).some((t) => t.word))
          )
        )
          continue;
        // "injuries described as life-changing": a participle describing a thing.
        if (
          /^(described|seen|regarded|viewed|considered|characterised|characterized)$/.test(cue.key) &&
          tokens[cue.to + 1]?.key === 'as' &&
          subject.mention.kind !== 'pronoun' &&
          subject.mention.type !== 'person'
        )
          continue;
        const sFrom = tokens.findIndex((t) => t.start === (subject.from ?? subject.mention.start));
        let j = namedQuote(tokens, cue, contentStart(tokens, cue));
        // ("Meanwhile, Russia is playing interference, they say, imposing …": after a parenthetical cue the
        // participle is the content's own.)
        const said = sFrom > 0 && tokens[cue.to + 1]?.text === ',' ? null : saidAdjunct(tokens, cue, j, n);
        // ("In a press release, the committee said about its platform:": no report, and the lead is none.)
        if (said?.only && sFrom > 0 && INTRO.test(tokens[0]!.key)) continue;
        if (said && !said.only) j = said.content;
        // "who asked not to be named": a condition of anonymity, not a report.
        if (
          /^not to be (named|identified|quoted)|^anonymity|^for anonymity/i.test(
            text.slice(tokens[j]?.start ?? end, end),
          )
        )
          continue;
        // "admitted causing death by careless driving", "denies breaching the order": a plea to a charge, not a
        // report (`denied being drunk` and `admitted that …` are).
        if (
          /^(admit|admits|admitted|admitting|deny|denies|denied|denying)$/.test(cue.key) &&
          /^[a-z]+ing$/.test(tokens[j]?.key ?? '') &&
          !/^(being|nothing|anything|something|everything)$/.test(tokens[j]!.key)
        )
          continue;
        // "maintained a large lead", "has maintained her status as front-runner": a noun phrase with no verb after it
        // is what was kept, not a report. (PolNeAR reads "wrote a letter", "reported $2 billion" as reports.)
        if (objectOnly(tokens, cue, j, n)) continue;
        // "The Gazette asked 612 tenants about their homes": a question with no question in it reports nothing.
        if (
          /^(ask|asks|asked|asking)$/.test(cue.key) &&
          !tokens
            .slice(j, questionEnd(tokens, j, n))
            .some((x) =>
              /^(whether|if|to|what|how|why|who|when|where|which|that|[“”"‘’:])$/.test(x.key || x.text),
            )
        )
          continue;
        // "has vowed to block the rule" (a speaker's commitment; "retirements promise to swell costs" is no report).
        const who = subject.mention;
        // `promise` also means "is likely to": only a speaker can promise (not "retirements", "the debate").
        const committed =
          infinitiveContent(tokens, cue, j) &&
          (who.kind === 'pronoun'
            ? who.head !== 'it'
            : !/^promis/.test(cue.key) ||
              who.kind === 'name' ||
              ['person', 'organization'].includes(who.type) ||
              (who.type === 'group' && HEAD_TYPE.get(who.head) === 'group'));
        // "said on Tuesday", "said in an interview": an adjunct, not reported content.
        const adjunctOnly = j < n && !committed && (!!said?.only || isAdjunct(tokens, j, n));
        // "…, the mayor said on Friday, and fixing it came first": the coordinated clause continues the report.
        const coordinated = j < n && tokens[j - 1]?.text === ',' && /^(and|but)$/.test(tokens[j]!.key);
        const after = adjunctOnly ? 0 : words(tokens, j, n);
        const prevComma = sFrom > 0 && /^[,”"']$/.test(tokens[sFrom - 1]!.text) ? sFrom - 1 : -1;
        const lead = prevComma > 0 ? words(tokens, 0, prevComma) : 0;
        // "The inspector told us the wiring was unsafe, the landlord said": an earlier report that opens the
        // sentence is nested in this postposed one.
        const nestsEarlier =
          !!inside &&
          inside.from === 0 &&
          inside.rule === 'reported-clause' &&
          /^(said|says|told|tells|added|adds|insisted|insists|wrote|writes)$/.test(cue.key);
        // "…, Devine said, …": a cue between commas interrupts one reported sentence.
        // ("Fares would rise, Mr Vayle told a meeting, because fuel costs had risen": an addressee or an adjunct of
        // the cue, then a comma and a clause, is the same interruption.)
        const besideCue =
          j > cue.to + 2 &&
          j - cue.to <= 7 &&
          tokens[j - 1]?.text === ',' &&
          tokens.slice(cue.to + 1, j - 1).every((t) => t.word) &&
          /^(because|as|since|while|although|though|so|but|and|if|unless|when)$/.test(tokens[j]?.key ?? '') &&
          clauseFollows(tokens, j + 1);
        const parenthetical =
          prevComma > 0 &&
          lead >= 2 &&
          (tokens[cue.to + 1]?.text === ',' || coordinated || besideCue) &&
          (!inside || nestsEarlier);
        // "Asked on the radio who leads the party, he said Pratt.": a framing participle's phrase is no content.
        const framingLead = prevComma > 0 && FRAMING_LEAD.test(tokens[0]!.key);
        const leadIsContent = prevComma > 0 && lead >= 3 && (!inside || nestsEarlier) && !framingLead;
        // The report is the sentence's lead, up to `to`.
        const leadFrame = (to: number, rule: Frame['rule']): Frame => ({
          cue,
          subject,
          inherit: false,
          start: tokens[leadStart(tokens, cue.from)]!.start,
          end: to,
          from: 0,
          rule,
        });
        const gloss = tokens[cue.to + 1]?.text === ',' && glossAfterCue(tokens, j);
        // "Roe and Lake will meet next week, Pell said, adding, “They need to talk.”": the participle's report is its
        // own; the lead is this one's.
        const addingNext =
          tokens[cue.to + 1]?.text === ',' && PARTICIPLE_AFTER.test(tokens[cue.to + 2]?.key ?? '');
        if (parenthetical && after >= 2 && !gloss && !addingNext) {
          frame = leadFrame(end, 'reported-parenthetical');
          // (The addressee or adjunct goes with the cue, which the claim never holds.)
          if (besideCue && tokens[cue.to + 1]?.text !== ',') frame.cue = { ...cue, to: j - 2 };
        } else if (
          leadIsContent &&
          (after < 3 ||
            gloss ||
            addingNext ||
            // "…, Morrow said on Tuesday — a shortfall that …": a dash after the cue opens the reporter's gloss.
            dashGloss(tokens, cue.to, j) ||
            // "…, health officials said on Friday, up from 29 a week ago": after the cue's adjunct, a gloss.
            (j - 1 > cue.to && tokens[j - 1]!.text === ',' && !clauseFollows(tokens, j)))
        ) {
          // (`…“woman card,” she said, adding …`: the closing mark stays with the quotation.)
          const mark = addingNext && /^[”"’']$/.test(tokens[prevComma]!.text);
          frame = leadFrame(tokens[prevComma]![mark ? 'end' : 'start'], 'reported-postposed');
        } else if (leadIsContent && !INTRO.test(tokens[0]!.key) && subject.mention.kind === 'pronoun') {
          frame = leadFrame(end, 'reported-parenthetical');
        } else if (
          (after >= 2 ||
            (contact && after === 1 && /^[“"‘]$/.test(tokens[j]!.text)) ||
            (framingLead && after === 1 && tokens[j]!.word) ||
            // "Everyone but Hewlett said yes.": the answer alone.
            (after === 1 && /^(yes|no)$/.test(tokens[j]!.key))) &&
          j < n &&
          !/^(by)$/.test(tokens[j]!.key)
        ) {
          // "Barkley, who said he votes Democratic, said …": a non-restrictive relative clause ends at its comma.
          let stop = end;
          if (
            (subject.relative && /^(who|which)$/.test(tokens[cue.from - 1]?.key ?? '')) ||
            (subject.relative &&
              tokens.slice(Math.max(0, cue.from - 3), cue.from).some((x) => /^(who|which)$/.test(x.key))) ||
            // "Dale Pruitt, who said … and urged the board to look again, spoke first": a verb coordinated inside the
            // relative clause ends with it.
            (subject.relative && !!subject.pronoun && /^(and|but)$/.test(tokens[cue.from - 1]?.key ?? '')) ||
            // "…, a move the MP called “reckless”, was …", "The plan, which Reeves called “reckless”, was …".
            contact ||
            /^(which|whom)$/.test(tokens[sFrom - 1]?.key ?? '')
          ) {
            const comma = tokens.findIndex((x, xi) => xi > j && x.text === ',');
            // (A closing mark after the comma stays with the clause: `who said it had been “kept in the dark,” …`.)
            let v = comma + 1;
            while (comma > 0 && v < comma + 3 && /^[”"’']$/.test(tokens[v]?.text ?? '')) v++;
            const next = tokens[v];
            // ("…, which officials said will go into effect soon, will not apply …": after `which`, only the main
            // clause's verb ends the relative clause; "…, which he said were split, with a couple for Kasich" runs on.)
            const main =
              subject.relative || (next && (FINITE_AFTER_SUBJECT.test(next.key) || MAIN_VERB.test(next.key)));
            // ("in which he pledged that, if elected, …": not the comma right after `that`.)
            const past = tokens[j]!.key === 'that' ? j + 1 : j;
            // ("Under questioning from Dame Helen Crane, who said …, Julian Ashby was pressed …": after an opening
            // prepositional phrase the main clause's own subject follows the comma.)
            const opening = /^(under|in|at|after|during|with|despite|following|before|from|on)$/.test(
              tokens[0]!.key,
            );
            if (comma > past && next?.word && (!next.cap || (subject.relative && opening)) && main)
              stop = v > comma + 1 ? tokens[v - 1]!.end : tokens[comma]!.start;
          }
          frame = {
            cue,
            subject,
            inherit: false,
            start: tokens[afterPreposition(tokens, j)]!.start,
            end: stop,
            from: sFrom,
            rule: 'reported-clause',
          };
        }
      } else if (cue.from > 0 && /^[,”"’']$/.test(tokens[cue.from - 1]!.text) && !cue.key.endsWith('ing')) {
        const s = subjectAfter(text, tokens, cue.to + 1, n - 1);
        // "…, said he wanted change": a pronoun followed by a verb starts the content, it is not an inverted subject.
        const next = tokens[cue.to + 2];
        const afterName = s ? tokens.find((t) => t.start >= s.mention.end) : undefined;
        const pronounClause =
          (s?.mention.kind === 'pronoun' &&
            next?.word &&
            !/^(in|on|at|during|of|last|this|yesterday|today|later|earlier)$/.test(next.key)) ||
          (s?.mention.kind === 'name' && afterName?.word && !afterName.cap && isVerbLike(afterName.key));
        if (s && !pronounClause && words(tokens, 0, cue.from) >= 3) {
          let k = cue.to + 1;
          while (k < n && tokens[k]!.text !== ',') k++;
          const tail = words(tokens, k, n);
          const fromTok = tokens[cue.from - 1]!;
          // ", said Jane Doe, director of …" — an appositive about the speaker, not more content.
          const next = tokens[k + 1];
          const appositive =
            !next?.cap ||
            /^(a|an|the|who|which|whose|one|his|her|their|its)$/i.test(next.key) ||
            // (", wrote Omar Laban, the victim's nephew," and ", Abu-Laban's nephew,": a possessive opens one too.)
            /['’]s$/.test(next.text);
          frame = {
            cue,
            subject: s,
            inherit: false,
            start: tokens[leadStart(tokens, cue.from)]!.start,
            end: tail >= 4 && !appositive ? end : /^[”"’']$/.test(fromTok.text) ? fromTok.end : fromTok.start,
            from: 0,
            rule: 'reported-postposed',
          };
        }
      }
    }
    if (!frame) continue;
    // "after half said so in a survey last spring": `so` stands for the clause; what follows is the adjunct.
    if (frame.rule === 'reported-clause') {
      const k = tokens.findIndex((t) => t.start === frame!.start);
      if (
        tokens[k]?.key === 'so' &&
        /^(in|on|at|during|last|this|before|after|when|too|again|then|,)$/.test(
          tokens[k + 1]?.key || tokens[k + 1]?.text || '',
        )
      )
        frame.end = Math.min(frame.end, tokens[k]!.end);
    }
    // "called him divisive and accused him of …": the complement ends the report.
    // ("called him a kind, loving and admirable person": a complement with an article runs on.)
    if (
      cue.key.startsWith('call') &&
      frame.rule === 'reported-clause' &&
      !/^(a|an)$/.test(tokens[cue.to + 2]?.key ?? '')
    ) {
      const noun = nounComplementEnd(tokens, cue.to + 1);
      const stop = noun >= 0 ? noun : pronounComplementEnd(tokens, cue.to + 1);
      if (stop > 0 && stop < n) frame.end = Math.min(frame.end, tokens[stop]!.start);
    }
    // "Despite polls showing her well behind, Clinton campaigned …": the phrase's finding ends at its comma.
    if (cue.finding && /ing$/.test(cue.key) && frame.rule === 'reported-clause' && frame.from > 0) {
      const before = tokens[frame.from - 1]!;
      const comma = tokens.findIndex((t, k) => k > cue.to && t.text === ',');
      if (before.word && INSIDE_PHRASE.test(before.key) && comma > 0) frame.end = tokens[comma]!.start;
    }
    // "“We cannot keep it,” the chief executive of the line, Dominic Vayle, said": a lead that is one whole
    // quotation keeps its closing mark, as a quotation does.
    if (
      (frame.rule === 'reported-postposed' || frame.rule === 'reported-parenthetical') &&
      /^[“"]/.test(text.slice(frame.start, frame.start + 1)) &&
      !/[“”"]/.test(text.slice(frame.start + 1, frame.end))
    )
      frame.end += /^,?[”"]/.exec(text.slice(frame.end, frame.end + 2))?.[0].length ?? 0;
    if (clauseEnd && frame.end === end) frame.end = clauseEnd(frame.start, frame.end, frame.cue);
    if (
      inside &&
      (frame.rule === 'reported-postposed' || frame.rule === 'reported-parenthetical') &&
      frame.from === 0 &&
      inside.from === 0
    ) {
      frames.splice(frames.indexOf(inside), 1, frame);
      continue;
    }
    if (inside) {
      // A second report in the same sentence: "X said A, but Y said B" or "…, adding that …". Nested reports stay inside.
      const prev = tokens[frame.from - 1];
      // "…, and then pointed out that …": `then` after the conjunction is the second report's too.
      const conj = tokens[cue.from - 1]?.key === 'then' ? cue.from - 2 : cue.from - 1;
      const coordinated = /^(and|but)$/.test(tokens[conj]?.key ?? '') && frame.from < conj;
      if (coordinated) frame.from = conj + 1;
      // ("Where he used to boast that …, on Tuesday night he said …": a time adjunct may open the main clause.)
      let comma = frame.from - 1;
      while (
        comma > 0 &&
        tokens[comma]!.word &&
        (TIME_WORDS.has(tokens[comma]!.key) ||
          DATE_WORD.test(tokens[comma]!.key) ||
          /^(on|in|at|during|the)$/.test(tokens[comma]!.key))
      )
        comma--;
      const cut =
        frame.inherit ||
        relativeParticiple ||
        relativeReport ||
        coordinated ||
        (prev &&
          /^(but|;|while|whereas|and|although|though|after)$/.test(prev.key) &&
          tokens[frame.from - 2]?.text === ',') ||
        prev?.text === ';' ||
        // "…shows why the angst is a problem: A recent poll showed that …": a colon inside the content opens
        // another report.
        (prev?.text === ':' && prev.start > inside.start) ||
        // "While some landlords say rents have peaked, tenant advocate Grace Okafor says …": the fronted
        // subordinate clause holds one report, the main clause another.
        (tokens[comma]?.text === ',' &&
          inside.from <= 1 &&
          /^(while|although|though|whereas|if|when|where|because|since|as)$/.test(tokens[0]!.key)) ||
        // "47% say the economy is improving, 30% say it is worse and 18% say …": a list of a poll's shares, each
        // with its own report.
        ((prev?.text === ',' || prev?.key === 'and') && shareReport(frame) && shareReport(inside));
      if (!cut) continue;
      inside.end = Math.min(
        inside.end,
        tokens[Math.max(0, frame.inherit || relativeParticiple ? frame.from : frame.from - 1)]!.start,
      );
      if (tokens[frame.from - 2]?.text === ',')
        inside.end = Math.min(inside.end, tokens[frame.from - 2]!.start);
      if (tokens[comma]?.text === ',' && comma > 0) inside.end = Math.min(inside.end, tokens[comma]!.start);
      // "The report had recommended approval, concluding that …": one bare word left before a participle report
      // is no claim of its own (PolNeAR annotates longer noun phrases there: `urged a strong stand, …`).
      if (frame.inherit || relativeParticiple) {
        const left = tokens.filter((t) => t.word && t.start >= inside.start && t.end <= inside.end);
        if (left.length === 1 && !PRONOUNS.has(left[0]!.key)) frames.splice(frames.indexOf(inside), 1);
      }
    }
    frames.push(frame);
  }
  return frames;
}

export type { Mention };
