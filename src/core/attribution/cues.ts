import type { Token } from '../text/tokens';
import {
  CLAUSE_PARTICIPLE_CUES,
  FINDING_VERBS,
  HEAD_TYPE,
  IRREGULAR_PAST,
  NEEDS_CLAUSE,
  PARTICIPLE_CUES,
  PARTICLE_CUES,
  QUESTIONED,
  SPEECH_VERBS,
} from './lexicon';

/** A reporting cue in a sentence: token indexes [from, to] (inclusive), e.g. "said", "called for", "according to". */
export type Cue = Readonly<{
  from: number;
  to: number;
  key: string;
  according: boolean;
  participle: boolean;
  finding: boolean;
}>;

/** The document head at tokens[k], or before a name after `by`/`of`/`from` there ("polls by Marlow University"); -1. */
function documentBefore(tokens: readonly Token[], k: number): number {
  for (let m = k; m >= 0 && k - m <= 5; m--) {
    const w = tokens[m]!;
    if (HEAD_TYPE.get(w.key) === 'document') return m;
    if (!w.word || !(w.cap || /^(by|of|from)$/.test(w.key))) return -1;
  }
  return -1;
}

const PRONOUN_SUBJECT = /^(he|she|it|they|we|i|you|who|that|which)$/;

/** Nouns that look like verbs when they follow a determiner ("the report", "a claim"). */
const NOUN_AFTER =
  /^(the|a|an|this|that|his|her|their|its|our|my|whose|of|in|to|no|any|every|each|new|first|last|latest|recent|annual|own)$/;

/** Words before `first` that make it an adjective ("the first report", "its first statement"). */
const FIRST_AS_ADJECTIVE = /^(the|a|an|this|that|his|her|their|its|our|my|whose|of|in|to|no|any|every|each)$/;

/** Speech verbs too ambiguous to introduce reported speech on their own ("the state", "the war continues"). */
const QUOTE_ONLY = new Set(
  'state states continue continues continued continuing respond responds responded responding post posts posted report observe observes charge reply maintain'.split(
    ' ',
  ),
);

/**
 * "Sanders responds that …", "The campaign on Tuesday responded that …", "posted on Facebook that …": an ambiguous
 * verb of `QUOTE_ONLY` with a `that` within four words and no punctuation before it (not `state`, `report`: "the
 * state that voted", "reports that he had left" are nouns).
 */
function thatAfter(tokens: readonly Token[], i: number): boolean {
  if (/^(state|states|report)$/.test(tokens[i]!.key)) return false;
  for (let k = i + 1; k < tokens.length && k <= i + 4; k++) {
    // ("continued to insist that": the infinitive is the cue.)
    if (!tokens[k]!.word || tokens[k]!.key === 'to') return false;
    if (tokens[k]!.key === 'that') return true;
  }
  return false;
}

/** "which Amy Lott branded “a tax on tourism”", "dubbed the pier “a white elephant”": a cue before a quotation only. */
const NAMING_VERBS =
  /^(dubbed|dubbing|dubs|branded|branding|labelled|labeled|labelling|labeling|termed|terming)$/;

/**
 * "The candidate labeled “a leader who …” continues to lead", "A project dubbed “the bridge to nowhere” was
 * cancelled": a naming participle right after a plain noun phrase, a quotation, then the sentence's verb is a
 * reduced passive relative (the candidate was labeled), so the noun phrase names no speaker. ("The plan critics
 * labeled “a giveaway” was approved" has its own subject, `critics`.)
 */
function reducedPassive(tokens: readonly Token[], i: number): boolean {
  if (!/ed$/.test(tokens[i]!.key) || !/^[“"]$/.test(tokens[i + 1]?.text ?? '')) return false;
  const d = plainPhraseBefore(tokens, i, 3);
  if (
    d < 0 ||
    (d > 0 && !/^(,|in|on|at|for|with|of|to|by|from|and)$/.test(tokens[d - 1]!.key || tokens[d - 1]!.text))
  )
    return false;
  const close = tokens.findIndex((t, k) => k > i + 1 && /^[”"]$/.test(t.text));
  const next = close > 0 ? tokens[close + 1] : undefined;
  return (
    !!next?.word &&
    !next.cap &&
    (next.key === 'by' ||
      AUXILIARY.test(next.key) ||
      /^[a-z]+(?:[^s]s|ed)$/.test(next.key) ||
      IRREGULAR_PAST.test(next.key))
  );
}
const DETERMINER = /^(the|a|an|this|that|these|those|another|one)$/;

/**
 * The determiner opening a plain noun phrase that ends right before tokens[i] ("a website", "the tax loophole"):
 * lower-case words, no pronoun, owner or auxiliary, at most `span` tokens back; -1 when there is none.
 */
function plainPhraseBefore(tokens: readonly Token[], i: number, span: number): number {
  let d = i - 1;
  while (d >= 0 && i - d <= span && !DETERMINER.test(tokens[d]!.key)) {
    const t = tokens[d]!;
    if (!t.word || t.cap || /['’]s$/.test(t.text) || SUBJECT_WORDS.test(t.key) || AUXILIARY.test(t.key))
      return -1;
    d--;
  }
  return d < 0 || i - d > span || d === i - 1 ? -1 : d;
}
const SUBJECT_WORDS =
  /^(he|she|they|we|i|you|it|critics|opponents|campaigners|residents|officials|experts|supporters|unions|activists|who|which|that)$/;

/**
 * "set up a website called “Save the Pier” that …", "a cooperative called Flour Power, which …", "a pricing rule
 * called the “flat fee”": `called` after an object noun phrase (determiner + up to three lower-case words), then a
 * name or a quotation with no complement after it ("the governor called Hartley a liar" keeps its cue), names a
 * thing. ("whom the mayor called “a disgrace”": after a relative word the noun phrase is a subject.)
 */
export function namingCalled(tokens: readonly Token[], i: number): boolean {
  const d = plainPhraseBefore(tokens, i, 4);
  if (d < 0) return false;
  const before = tokens[d - 1];
  if (
    before ? !before.word || before.cap || NOT_AN_OBJECT.test(before.key) : !/^(a|an)$/.test(tokens[d]!.key)
  )
    return false;
  let k = i + 1;
  if (/^(a|an|the)$/.test(tokens[k]?.key ?? '') && /^[“"‘]$/.test(tokens[k + 1]?.text ?? '')) k++;
  const first = tokens[k];
  if (!first) return false;
  if (/^[“"‘]$/.test(first.text)) {
    // (“Cape Breton If Donald Trump Wins“: a typed opening mark may close it.)
    k = tokens.findIndex((t, n) => n > k && /^[”"’“]$/.test(t.text));
    if (k < 0) return false;
    k++;
  } else if (first.cap) {
    while (tokens[k]?.cap || (NAME_JOINING.test(tokens[k]?.key ?? '') && tokens[k + 1]?.cap)) k++;
  } else return false;
  const next = tokens[k];
  if (!next) return true;
  if (/^(a|an)$/.test(next.key) || /^[“"‘]$/.test(next.text)) return false;
  return !(next.word && !next.cap && isAdjective(next.key) && !/^[a-z]+ed$/.test(next.key));
}
const NOT_AN_OBJECT =
  /^(that|which|whom|who|what|whose|when|where|as|if|because|while|but|and|or|so|said|says|say|told|tells|claimed|argued|believes|thinks|think|thought)$/;
const NAME_JOINING = /^(of|for|and|the|&|on|in)$/;

/** "called the deal “a disaster”": a quotation soon after the verb makes "called" a cue. */
function quoteWithin(tokens: readonly Token[], from: number, span: number): boolean {
  for (let k = from; k < tokens.length && k < from + span; k++) {
    const x = tokens[k]!;
    if (/^[“"‘]$|^''$/.test(x.text) || (x.text === "'" && tokens[k + 1]?.text === "'")) return true;
    // ("calls Trump line 'racist,'": a straight single mark opening a word.)
    const next = tokens[k + 1];
    if (x.text === "'" && next?.word && next.start === x.end && tokens[k - 1]!.end < x.start) return true;
    if (x.text === '.' || x.text === ';') return false;
  }
  return false;
}

/** "called the incident a disgrace": an object, then "a"/"an" and a complement. */
function objectComplement(tokens: readonly Token[], from: number): boolean {
  const first = tokens[from];
  if (!first?.word || /^(a|an|for|on|off|up|in|to|out|back|him|her|them|it)$/.test(first.key)) {
    return !!first && /^(him|her|them|it)$/.test(first.key) && /^(a|an)$/.test(tokens[from + 1]?.key ?? '');
  }
  for (let k = from + 1; k < tokens.length && k <= from + 6; k++) {
    const x = tokens[k]!;
    if (!x.word) return false;
    if (/^(a|an)$/.test(x.key)) return true;
  }
  return false;
}

/**
 * "called him divisive", "calling them rapists", "called himself pro-choice": a pronoun object, then a complement
 * of one to three words that ends the clause (not "called him back", "called them on Friday", "called her to ask").
 * Where the complement ends (the index of the comma, `and` or stop after it, or the tokens' length), or -1.
 */
export function pronounComplementEnd(tokens: readonly Token[], from: number): number {
  if (!/^(him|her|them|it|himself|herself|themselves|itself)$/.test(tokens[from]?.key ?? '')) return -1;
  const first = tokens[from + 1];
  if (
    !first?.word ||
    first.cap ||
    /^(to|back|up|out|off|in|on|at|for|from|with|about|into|over|after|before|during|and|or|but|that|this|last|yesterday|today|tonight|again|repeatedly|often|once|twice|earlier|later|personally|directly|immediately|every|each|when|while|as|by)$/.test(
      first.key,
    )
  )
    return -1;
  for (let k = from + 2; k <= from + 4; k++) {
    const x = tokens[k];
    if (!x || /^[,.;:)—–-]$/.test(x.text) || /^(and|but)$/.test(x.key)) return k;
    if (!x.word) return -1;
  }
  return -1;
}

/** Adjectives by their ending (`useless`, `unlawful`, `dangerous`, `divisive`, `unacceptable`, `racist`…). */
const ADJECTIVE =
  /(?:less|ful|ous|ive|able|ible|ic|ent|ant|ary|ish|ist)$|^(?:wrong|false|unfair|unusual|illegal|absurd|bad|good|dead|unconstitutional|irresponsible|outrageous|ridiculous|shameful|unacceptable|overdue|premature|inadequate|unjust|unsafe|unwise|naive|late|pointless|unfit|corrupt|crooked|weak|crazy|stupid|dishonest|misguided)$|^(?:un|dis)[a-z]{4,}ed$/;
/** `alarming`, `misleading`, `disappointing`: a participle adjective, not a noun in `-ing` (`this morning`). */
const ING_NOUN =
  /^(?:morning|evening|meeting|building|thing|something|nothing|anything|everything|spring|king|ring|wing|string|ceiling|hearing|briefing|ruling|funding|spending|housing|training|parking|planning|polling|voting|bombing|shooting|killing|warning|finding|filing|wedding|landing|setting|opening|closing|ending|beginning|feeling|offering|clothing|booking|listing|rating|ranking|reading|recording|marketing|pricing|bidding|lending|timing)$/;
const isAdjective = (key: string): boolean =>
  ADJECTIVE.test(key) || (/ing$/.test(key) && key.length > 6 && !ING_NOUN.test(key));

/**
 * "called the current timetable useless", "called Clinton's public squabble unusual": a determiner-headed object,
 * then an adjective that ends the clause. Where it ends (the index after the adjective), or -1.
 */
export function nounComplementEnd(tokens: readonly Token[], from: number): number {
  const first = tokens[from];
  if (
    !first?.word ||
    !(/^(the|a|an|his|her|their|its|this|that|these|those)$/.test(first.key) || /['’]s$/.test(first.text))
  )
    return -1;
  for (let k = from + 2; k <= from + 7; k++) {
    const x = tokens[k];
    if (!x?.word || x.cap) return -1;
    const next = tokens[k + 1];
    if (
      isAdjective(x.key) &&
      (!next ||
        /^[,.;:)—–]$/.test(next.text) ||
        /^(and|but|after|because|since|amid|following)$/.test(next.key))
    )
      return k + 1;
  }
  return -1;
}

/**
 * "Sanders calls Clinton unqualified": a name as object (one to three capitalised words), then an adjective that
 * ends the clause. Where it ends (the index after the adjective), or -1.
 */
export function nameComplementEnd(tokens: readonly Token[], from: number): number {
  let k = from;
  while (k < tokens.length && k - from < 3 && tokens[k]!.word && tokens[k]!.cap) k++;
  const x = tokens[k];
  if (k === from || !x?.word || x.cap || !isAdjective(x.key)) return -1;
  const next = tokens[k + 1];
  return !next || /^[,.;:)—–]$/.test(next.text) || /^(and|but)$/.test(next.key) ? k + 1 : -1;
}

/** Days and time words between a verb and its particle ("called Wednesday for"). */
const DAY_WORD = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|again)$/;

/**
 * `pledging that …`, `announcing he would …`, `pledging to “bomb …”`, `advising the senator to stick to …`: a clause,
 * a quotation or an infinitive (after an object of up to four words) follows the participle.
 */
function clauseAfterParticiple(tokens: readonly Token[], j: number): boolean {
  const first = tokens[j];
  if (!first) return false;
  if (/^(that|he|she|they|it|we|i|you|there|to)$/.test(first.key) || /^[“"‘:]$/.test(first.text)) return true;
  for (let k = j; k < tokens.length && k <= j + 4; k++) {
    if (!tokens[k]!.word) return false;
    if (k > j && tokens[k]!.key === 'to' && tokens[k + 1]?.word) return true;
  }
  return false;
}

/** "pointed to Cruz’s record", not "the trends they point to with alarm": a noun phrase starts at tokens[j]. */
const objectAfter = (tokens: readonly Token[], j: number): boolean =>
  !!tokens[j]?.word && !/^(with|at|in|on|and|or|but|from|for|as|by|about|again)$/.test(tokens[j]!.key);

/** "added that …", "added the plan would fail": a clause follows, not a count or a bare object. */
function addsClause(tokens: readonly Token[], from: number): boolean {
  const first = tokens[from];
  if (!first?.word) return true;
  if (
    /^\d/.test(first.text) ||
    /^(two|three|four|five|six|seven|eight|nine|ten|another|more|some)$/.test(first.key)
  )
    return false;
  if (/^(that|he|she|they|it|we|i|you|there)$/.test(first.key)) return true;
  for (let k = from; k < tokens.length && k < from + 8; k++) {
    const x = tokens[k]!;
    if (!x.word) return false;
    if (/^(is|was|are|were|would|will|could|can|should|might|may|must|had|has|have|did|does)$/.test(x.key))
      return true;
  }
  return false;
}

/** After `that`: a clause, not a noun phrase (`to explain that remark and …`, `to say that much`). */
function thatClauseOpens(tokens: readonly Token[], from: number): boolean {
  const next = tokens[from + 1];
  if (tokens[from]?.text === ',') return true;
  if (!tokens[from]?.word) return false;
  return (
    !!next &&
    (next.word || next.text === ',') &&
    !/^(and|or|to|with|in|on|at|for|of|from|again)$/.test(next.key)
  );
}

/**
 * "Care home inquiry told warnings were ignored": a clause right after `told`, with no addressee before it, is
 * headlinese for a passive (the inquiry was told); "told MPs fares would rise" keeps its addressee.
 */
function toldClause(tokens: readonly Token[], from: number): boolean {
  // ("Inquiry told that warnings were ignored"; "told that to everybody" has `that` as its object.)
  if (tokens[from]?.key === 'that') return thatClauseOpens(tokens, from + 1);
  let k = from;
  const determiner = /^(the|a|an|its|their|his|her|our)$/.test(tokens[k]?.key ?? '');
  if (determiner) k++;
  const nouns = k;
  while (
    k < tokens.length &&
    k - nouns < 2 &&
    tokens[k]!.word &&
    !tokens[k]!.cap &&
    !AUXILIARY.test(tokens[k]!.key)
  )
    k++;
  if (k === nouns || (k - nouns === 2 && !determiner)) return false;
  // ("told the tribunal she had …": a pronoun opens the clause after the addressee.)
  if (
    tokens
      .slice(nouns, k)
      .some((t) => /^(him|her|them|us|me|you|it|he|she|they|we|i|there|this|that|the|a|an)$/.test(t.key))
  )
    return false;
  return AUXILIARY.test(tokens[k]?.key ?? '');
}
const AUXILIARY = /^(is|was|are|were|has|had|have|would|will|could|can|should|must|may|might)$/;

/**
 * "Shoppers questioned outside the store said …", "Voters polled by the Gazette in March said …": a questioning
 * participle right after its noun, then a preposition, with the sentence's own speech verb later on, is a reduced
 * passive (the shoppers who were questioned); that later verb is the cue.
 */
function questionedSubject(tokens: readonly Token[], i: number): boolean {
  if (!QUESTIONED.test(tokens[i]!.key)) return false;
  const prev = tokens[i - 1];
  if (
    !prev?.word ||
    /^(he|she|they|we|i|you|it|who|which|that)$/.test(prev.key) ||
    AUXILIARY.test(prev.key) ||
    /ly$/.test(prev.key)
  )
    return false;
  if (
    !/^(by|outside|at|in|on|after|during|for|near|across|before|this|last|earlier|yesterday|recently)$/.test(
      tokens[i + 1]?.key ?? '',
    )
  )
    return false;
  for (let k = i + 2; k < tokens.length && k <= i + 16; k++) {
    const x = tokens[k]!;
    if (/^[.;:“"]$/.test(x.text)) return false;
    if (/^(said|say|says|told|agreed|described|complained|reported)$/.test(x.key)) return true;
  }
  return false;
}

/** Words that make a following `to VERB` a report that has not happened: "is expected to argue". */
const NOT_YET = new Set(
  'expected set likely unlikely going plans plan planned intends intend intended declined refused refuses declines wants want wanted hopes hope hoped due unable failed fails'.split(
    ' ',
  ),
);

/** "did not say", "never said", "will argue", "is expected to argue", "declined to say": no report was made. */
function unrealised(tokens: readonly Token[], i: number): boolean {
  const p1 = tokens[i - 1];
  const p2 = tokens[i - 2];
  if (!p1?.word) return false;
  if (/^(not|never|cannot|will|shall|won['’]t)$/.test(p1.key) || /n['’]t$/.test(p1.key)) return true;
  // "he should have insisted on …", "would have said": a report that was not made.
  if (p1.key === 'have' && /^(should|would|could|might|must|may)$/.test(p2?.key ?? '')) return true;
  return p1.key === 'to' && !!p2 && NOT_YET.has(p2.key);
}

/** Reporting cues among tokens[from, to), outside `blocked` offsets. */
export function findCues(
  tokens: readonly Token[],
  blocked: (offset: number) => boolean,
  titleCase = false,
): Cue[] {
  const out: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || blocked(t.start)) continue;
    const prev = tokens[i - 1];
    if (t.key === 'according' && tokens[i + 1]?.key === 'to') {
      out.push({
        from: i,
        to: i + 1,
        key: 'according to',
        according: true,
        participle: false,
        finding: false,
      });
      i++;
      continue;
    }
    const isSpeech =
      (SPEECH_VERBS.has(t.key) || (NAMING_VERBS.test(t.key) && quoteWithin(tokens, i + 1, 8))) &&
      !((NAMING_VERBS.test(t.key) || t.key === 'called') && reducedPassive(tokens, i)) &&
      !(t.key === 'called' && namingCalled(tokens, i));
    const isFinding = FINDING_VERBS.has(t.key);
    if (!isSpeech && !isFinding) continue;
    if (t.cap && i > 0 && !titleCase) continue;
    if (QUOTE_ONLY.has(t.key) && !thatAfter(tokens, i)) continue;
    if (unrealised(tokens, i)) continue;
    // "grumbled that …", "…, Crane lamented.": a verb from the general lists needs a clause or a postposed place.
    if (NEEDS_CLAUSE.has(t.key) && !FINDING_VERBS.has(t.key)) {
      const next = tokens[i + 1];
      const clause = !next || /^(that|:|,|\.|;|“|"|‘)$/.test(next.key) || quoteWithin(tokens, i + 1, 2);
      // "…, lamented Crane." is postposed; "…, promising to cut taxes" is not a report.
      const postposed = /^[,”"’']$/.test(prev?.text ?? '') && !t.key.endsWith('ing');
      if (!clause && !postposed) continue;
    }
    if (t.key === 'told' && toldClause(tokens, i + 1)) continue;
    // "was charged with assault", "arrested and charged with fraud", "racially charged", "charged into the fray",
    // "pledged delegates": no speech ("prosecutors charged Van Dyke with murder" is a report, PolNeAR's too).
    if (
      /^charged$/.test(t.key) &&
      (/^(with|into|up)$/.test(tokens[i + 1]?.key ?? '') || /ly$/.test(prev?.key ?? ''))
    )
      continue;
    // "Nomination questions are likely to …", "Criminal charges against Clinton could …": a plural noun before its
    // verb, or before `against`, is no cue.
    if (
      /[^s]s$/.test(t.key) &&
      prev?.word &&
      !PRONOUN_SUBJECT.test(prev.key) &&
      // ("a trend that the foundation predicts will continue", "the ones State now says are …": a relative's gap.)
      !tokens.slice(Math.max(0, i - 5), i).some((x) => /^(that|which|what|who|whom|ones)$/.test(x.key)) &&
      (/^(are|were|have|could|would|will|can|may|might|must|should)$/.test(tokens[i + 1]?.key ?? '') ||
        (/^(charges|claims)$/.test(t.key) && tokens[i + 1]?.key === 'against'))
    )
      continue;
    if (/^pledged$/.test(t.key) && /^(delegates|superdelegates|delegate)$/.test(tokens[i + 1]?.key ?? ''))
      continue;
    // "Mr. Mannix reported daily to Mayer", "Phillip reported from Oakland": whom one answers to, or where from; a
    // `that` clause after them is still a report ("reported to the police that …").
    if (
      /^report(s|ed|ing)?$/.test(t.key) &&
      /^(to|from|daily|directly)$/.test(tokens[i + 1]?.key ?? '') &&
      !/^(have|be|been)$/.test(tokens[i + 2]?.key ?? '') &&
      !tokens.slice(i + 2, i + 9).some((x) => x.key === 'that' || x.text === ':')
    )
      continue;
    if (questionedSubject(tokens, i)) continue;
    // "issued an amber warning for rain across the north", "a red warning is in place": a noun with no content.
    if (
      t.key === 'warning' &&
      /^(a|an|the|this|its|their|his|her|our|another|every|each|no)$/.test(tokens[i - 2]?.key ?? '') &&
      prev?.word &&
      !prev.cap &&
      (!tokens[i + 1]?.word ||
        /^(for|in|across|on|until|from|over|is|was|has|had|remains|will|came|comes|covers|covering)$/.test(
          tokens[i + 1]!.key,
        ))
    )
      continue;
    // "Halifax added two goals", "The TSX added 80 points", "It added a second dormitory": not speech.
    if (/^add(s|ed)?$/.test(t.key) && !addsClause(tokens, i + 1)) continue;
    // "recalled its ambassador": only a clause, a colon or a quotation makes "recall" a report.
    if (
      /^recall(s|ed|ing)?$/.test(t.key) &&
      !/^(that|:|,|“|"|how|when|what|why|being|his|her|their|seeing|hearing|telling|once|one|a)$/.test(
        tokens[i + 1]?.key ?? '',
      )
    )
      continue;
    // "the senator's claim" is a noun; "He’s predicting" is a verb (`’s` is `is` after a pronoun).
    const contraction = /^(he|she|it|that|who|there)['’]s$/i.test(prev?.text ?? '') && t.key.endsWith('ing');
    // "The Tennessean first reported", "who first revealed that …": `first` is an adverb unless a determiner or an
    // owner opens it ("the first report", "Trump's first tweet"). Not in a passive: "The talks were first reported
    // by the Ledger" has a noun phrase as its content (the fixtures' rule; PolNeAR annotates 4 such).
    const adverb =
      prev?.key === 'first' &&
      !FIRST_AS_ADJECTIVE.test(tokens[i - 2]?.key ?? '') &&
      !/^(was|were|is|are|been|being)$/.test(tokens[i - 2]?.key ?? '') &&
      !/['’]s$/.test(tokens[i - 2]?.text ?? '');
    // "went on to say that …", "was quick to point out that …", "used to boast that …": an infinitive with a clause.
    // ("was asked to explain that remark": a request, and `that` + a noun alone is no clause.)
    const after = PARTICLE_CUES.has(t.key) && tokens[i + 2]?.key === 'that' ? i + 2 : i + 1;
    const infinitive =
      prev?.key === 'to' &&
      !/^(asked|urged|pressed|invited|told)$/.test(tokens[i - 2]?.key ?? '') &&
      /^(that|he|she|they|we|i)$/.test(tokens[after]?.key ?? '') &&
      (after > i + 1 || tokens[i + 1]!.key !== 'that' || thatClauseOpens(tokens, i + 2));
    // "a poll that showed …", "a Web video that accuses …": a relative `that` after a noun, before a finite verb.
    // ("polls by Marlow University that showed …", "the polls that show …": a body's name after the document, a
    // plural's present.)
    const doc = documentBefore(tokens, i - 2);
    const relative =
      prev?.key === 'that' &&
      !prev.cap &&
      (/(?:s|ed)$|^(said|told|wrote|found|shown)$/.test(t.key) ||
        (/^(show|find|say|suggest)$/.test(t.key) && /s$/.test(tokens[doc]?.key ?? ''))) &&
      doc >= 0 &&
      tokens[i + 1]?.text !== ',';
    if (
      prev?.word &&
      !adverb &&
      !infinitive &&
      !relative &&
      (NOUN_AFTER.test(prev.key) || (/['’]s$/.test(prev.text) && !contraction))
    )
      continue;
    // "pushed back against claims by …", "amid warnings from …": a noun with its source after it.
    if (
      prev?.word &&
      !prev.cap &&
      /^(against|about|over|amid|despite|with|from|into|under|among)$/.test(prev.key) &&
      !t.key.endsWith('ing') &&
      /^(by|from)$/.test(tokens[i + 1]?.key ?? '')
    )
      continue;
    // "adding to her lead", "added to the list": not speech.
    if (/^add(s|ed|ing)?$/.test(t.key) && tokens[i + 1]?.key === 'to') continue;
    const particles = PARTICLE_CUES.get(t.key);
    let to = i;
    if (particles) {
      const next = tokens[i + 1];
      // "Blackwell pointed to Cruz’s organizational capabilities": what is pointed to is the report (PolNeAR).
      if (
        next &&
        (particles.has(next.key) ||
          (t.key.startsWith('point') && next.key === 'to' && objectAfter(tokens, i + 2)))
      )
        to = i + 1;
      // ("Trump called Wednesday for Justice Ginsburg to resign": a day between the verb and its particle.)
      else if (next && DAY_WORD.test(next.key) && /^(for|upon)$/.test(tokens[i + 2]?.key ?? '')) to = i + 2;
      else if (
        !(
          t.key.startsWith('call') &&
          (quoteWithin(tokens, i + 1, 8) ||
            objectComplement(tokens, i + 1) ||
            pronounComplementEnd(tokens, i + 1) >= 0 ||
            nounComplementEnd(tokens, i + 1) >= 0 ||
            nameComplementEnd(tokens, i + 1) >= 0)
        )
      )
        continue;
    }
    out.push({
      from: i,
      to,
      key: t.key,
      according: false,
      participle:
        PARTICIPLE_CUES.has(t.key) ||
        (CLAUSE_PARTICIPLE_CUES.has(t.key) && (to > i || clauseAfterParticiple(tokens, to + 1))),
      finding: isFinding && !isSpeech,
    });
  }
  return out;
}
