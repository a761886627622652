import type { Line } from '../text/lines';
import { tokenize } from '../text/tokens';
import type { Draft } from './attribute';
import { type Mention, mentionOf } from './mention';
import type { Entity, SpeakerRegistry } from './speakers';

/**
 * Speech nouns and naming: "Her warning that the old dam could fail went unanswered", "the senator's claim that
 * taxes fell", "The fare increase, which Patel calls a tax on the poor, takes effect in June."
 * Nouns from the nominalisations of the reporting verbs (Levin 37.7/37.9: warn → warning, claim, admit →
 * admission …), and naming verbs (Levin 29.3 dub verbs) after a relative pronoun.
 */
const SPEECH_NOUNS =
  'warning|warnings|claim|claims|assertion|assertions|insistence|promise|promises|pledge|demand|demands|argument|suggestion|admission|denial|complaint|complaints|prediction|predictions|allegation|allegations|contention|accusation|accusations|threat|vow|boast|announcement|statement|assurance|assurances';

/** One speech noun, as a token's key. */
export const SPEECH_NOUN = new RegExp(`^(?:${SPEECH_NOUNS})$`);

/**
 * The owner before the noun: a pronoun, a name (`Donald Trump’s`), or a common noun with its determiner (`the
 * senator’s`, `budget hawks’`): "the senator’s claim that taxes fell", "budget hawks’ warnings that rates would
 * soar".
 */
const OWNER =
  "[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|\\p{Lu}[\\p{L}’'-]+(?: \\p{Lu}[\\p{L}’'-]+){0,2}(?:['’]s|s['’])|(?:(?:[Tt]he|[Aa]n?) )?(?:\\p{Ll}+ )?\\p{Ll}{3,}(?:['’]s|s['’])";
const OWNED_NOUN = new RegExp(
  `(^|[^\\p{L}])(${OWNER})\\s+(?:\\p{Ll}+\\s+)?(${SPEECH_NOUNS})\\s+that\\s+`,
  'giu',
);

/**
 * Nouns of commitment and demand whose content is an infinitive or an object: "his promise to build a wall",
 * "Her vow to go after companies", "Pence’s call for a special prosecutor", "its calls for Silicon Valley to …".
 */
const COMMITMENT_NOUNS = 'promise|promises|vow|vows|pledge|pledges|claim|call|calls';
const COMMITMENT_THEN = new RegExp(`(?:${COMMITMENT_NOUNS})\\s+(?:to|for)\\s`, 'i');
const OWNED_COMMITMENT = new RegExp(
  `(^|[^\\p{L}])(${OWNER})\\s+(?:[\\p{Ll}-]+\\s+)?(${COMMITMENT_NOUNS})\\s+(?:(to)\\s+(?!(?:the|a|an|his|her|their|its|our|my|this|that|these|those)\\s)(?=\\p{Ll})|(?<=calls?\\s+)(for)\\s+)`,
  'gu',
);

/** A speech noun before `that`, `by` or `from` anywhere in a line: the gate for the two patterns above and below. */
const NOUN_THEN = new RegExp(`(?:${SPEECH_NOUNS}|criticism)\\s+(?:that|by|from)\\s`, 'i');

/** "claims by intelligence agencies that …", "warnings from economists that …": the owner after by/from. */
const NOUN_BY = new RegExp(
  `(^|[^\\p{L}])(${SPEECH_NOUNS}|criticism)\\s+(?:by|from)\\s+((?:the |a |an |some |many |other )?[\\p{L}’'-]+(?: [\\p{L}’'-]+){0,4}?)\\s+that\\s+`,
  'giu',
);

const NAMING =
  /,\s*which\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})\s+(calls|called|describes|described|dubs|dubbed|terms|termed|labels|labelled|labeled)\s+(?:as\s+)?([^,.;:]{3,120})/gu;

/**
 * "Sanders, a self-described democratic socialist, said …", "He is a self-described housewife": an appositive or
 * predicate the person gave themselves. (Not "the self-described socialist", a way of referring to him.)
 */
const SELF_DESCRIBED =
  /(?:,\s*(?:an?\s+)?|,[^,.;“”"]{1,60}\s+and\s+|\s(?:is|was)\s+an?\s+)(self-described)\s+([^,;.:!?“”"]{2,80})/gu;
const NOUN_PHRASE_END =
  /^(who|whom|whose|which|that|and|but|or|has|have|had|is|was|are|were|said|says|will|would|in|at|on|from|with)$/;

/** Verbs that start the main clause's predicate after a speech noun's clause ("… went unanswered"). */
const PREDICATE =
  /\s(went|was|were|is|are|has|have|had|drew|prompted|sparked|came|remains|remained|angered|caused|led|proved|fell|met|triggered|won|lost)\b/g;

type Owner = { text: string; at: number };

/**
 * The owner phrase the pattern read, without a lower-case verb or preposition before it ("belying budget hawks’
 * warnings", "keeping his promise to …").
 */
function ownerOf(phrase: string, at: number): Owner {
  const lead =
    /^(?:\p{Ll}+(?:ing|ed)|of|to|and|or|with|from|by|for|against|over|about|despite|amid|as|at|in|on) /u.exec(
      phrase,
    );
  return lead ? { text: phrase.slice(lead[0].length), at: at + lead[0].length } : { text: phrase, at };
}

export function speechNounClaims(
  text: string,
  body: readonly Line[],
  drafts: Draft[],
  registry: SpeakerRegistry,
): void {
  const covered = (s: number, e: number) => drafts.some((d) => d.start < e && d.end > s);
  /** A claim of a speaker the sentence names (`claims by X that …`, `which X calls …`). */
  const named = (start: number, end: number, mention: Mention, cue: Draft['cue'], line: number) =>
    drafts.push({
      start,
      end,
      kind: /[“"‘]/.test(text.slice(start, end)) ? 'mixed' : 'indirect',
      entity: registry.resolve(mention, mention.role, mention.start, false),
      mention,
      cue,
      rule: 'reported-speech-noun',
      line,
      run: 0,
    });
  /** A claim of the owner before the noun (`the senator’s claim that …`, `his promise to …`). */
  const owned = (start: number, end: number, entity: Entity, owner: Owner, cue: Draft['cue'], line: number) =>
    drafts.push({
      start,
      end,
      kind: /[“"‘]/.test(text.slice(start, end)) ? 'mixed' : 'indirect',
      entity,
      mention: { start: owner.at, end: owner.at + owner.text.length },
      cue,
      rule: 'reported-speech-noun',
      line,
      run: 0,
    });
  /** "called the memo’s warning that routes would vanish “a scare tactic”": the content stops at the next claim. */
  const nextClaim = (s: number, e: number) =>
    Math.min(e, ...drafts.filter((d) => d.start > s).map((d) => d.start));
  body.forEach((line, li) => {
    // Most lines hold no speech noun before `that`/`by`/`from`: one cheap test before the owner patterns.
    const nouns = NOUN_THEN.test(line.text);
    for (const m of nouns ? line.text.matchAll(OWNED_NOUN) : []) {
      const owner = ownerOf(m[2]!, line.start + m.index! + m[1]!.length);
      const contentAt = line.start + m.index! + m[0].length;
      const stop = clauseEnd(line.text, contentAt - line.start, /^(demand|demands|insistence)$/i.test(m[3]!));
      const end = trimEnd(text, contentAt, nextClaim(contentAt, line.start + stop));
      if (end - contentAt < 8 || covered(contentAt, end)) continue;
      const entity = ownerEntity(text, owner.text, owner.at, registry);
      if (!entity) continue;
      const thatAt = contentAt - (m[0].length - m[0].toLowerCase().lastIndexOf('that'));
      owned(thatAt, end, entity, owner, { start: owner.at + owner.text.length + 1, end: thatAt - 1 }, li);
    }
    for (const m of COMMITMENT_THEN.test(line.text) ? line.text.matchAll(OWNED_COMMITMENT) : []) {
      const owner = ownerOf(m[2]!, line.start + m.index! + m[1]!.length);
      // The content keeps `to` ("to build a wall"), not `for` ("a special prosecutor").
      const contentAt =
        line.start + m.index! + m[0].length - (m[4] ? m[0].length - m[0].lastIndexOf(m[4]) : 0);
      const end = trimEnd(
        text,
        contentAt,
        nextClaim(contentAt, line.start + clauseEnd(line.text, contentAt - line.start, false, true)),
      );
      if (end - contentAt < 8 || covered(contentAt, end)) continue;
      const entity = ownerEntity(text, owner.text, owner.at, registry);
      if (!entity) continue;
      const nounAt = line.start + m.index! + m[0].lastIndexOf(m[3]!);
      owned(contentAt, end, entity, owner, { start: nounAt, end: nounAt + m[3]!.length }, li);
    }
    for (const m of nouns ? line.text.matchAll(NOUN_BY) : []) {
      const owner = m[3]!;
      const cueAt = line.start + m.index! + m[1]!.length;
      const ownerAt = line.start + m.index! + m[0].lastIndexOf(owner);
      const contentAt = line.start + m.index! + m[0].length;
      const thatAt = line.start + m.index! + m[0].trimEnd().length - 'that'.length;
      const end = line.start + clauseEnd(line.text, contentAt - line.start);
      if (end - contentAt < 8 || covered(contentAt, end)) continue;
      const toks = tokenize(text, ownerAt, ownerAt + owner.length);
      const mention = toks.length ? mentionOf(text, toks, 0, toks.length - 1) : null;
      if (!mention || mention.kind === 'pronoun') continue;
      named(thatAt, end, mention, { start: cueAt, end: cueAt + m[2]!.length }, li);
    }
    for (const m of line.text.includes('self-described') ? line.text.matchAll(SELF_DESCRIBED) : []) {
      const cueAt = line.start + m.index! + m[0].indexOf(m[1]!);
      const contentAt = cueAt + m[1]!.length + m[0].slice(m[0].indexOf(m[1]!) + m[1]!.length).search(/\S/);
      const words = m[2]!.split(/\s+/);
      const k = words.findIndex((w) => NOUN_PHRASE_END.test(w));
      const content = words
        .slice(0, Math.min(k < 0 ? words.length : k, 6))
        .join(' ')
        .trimEnd();
      if (!content) continue;
      const at = line.start + m.index!;
      const entity = registry.recentOf(['person'], at) ?? registry.recentOf(['group', 'organization'], at);
      if (!entity) continue;
      drafts.push({
        start: contentAt,
        end: contentAt + content.length,
        kind: 'indirect',
        entity,
        mention: null,
        cue: { start: cueAt, end: cueAt + m[1]!.length },
        rule: 'reported-speech-noun',
        line: li,
        run: 0,
      });
    }
    for (const m of line.text.matchAll(NAMING)) {
      const nameAt = line.start + m.index! + m[0].indexOf(m[1]!, 1);
      const cueAt = nameAt + m[1]!.length + 1;
      const content = m[3]!.trimEnd();
      const contentAt = line.start + m.index! + m[0].length - m[3]!.length;
      if (covered(contentAt, contentAt + content.length)) continue;
      const toks = tokenize(text, nameAt, nameAt + m[1]!.length);
      const mention = mentionOf(text, toks, 0, toks.length - 1);
      if (!mention || mention.kind === 'pronoun') continue;
      named(contentAt, contentAt + content.length, mention, { start: cueAt, end: cueAt + m[2]!.length }, li);
    }
  });
}

/**
 * Where a speech noun's clause ends: at a comma or full stop, or before the main clause's predicate. The content's
 * own verb comes first (`that taxes fell was disputed`) unless it has one already: a modal or auxiliary, a past
 * form (`that Obama “founded ISIS” drew criticism`), or a bare subjunctive after a demand (`Her demand that the
 * council resign went unanswered`).
 */
function clauseEnd(s: string, from: number, subjunctive = false, verbless = false): number {
  const punct = /[,;.!?](?=\s|$)/g;
  punct.lastIndex = from;
  const p = punct.exec(s);
  let end = p ? p.index : s.length;
  // The content has a verb of its own; a second verb after it starts the main predicate.
  PREDICATE.lastIndex = from;
  let verbs = 0;
  for (let v = PREDICATE.exec(s); v && v.index < end; v = PREDICATE.exec(s)) {
    verbs++;
    const before = s.slice(from, v.index);
    if (
      verbs === 1 &&
      !verbless &&
      !/\b(could|would|will|should|might|may|can|must|had|has|have|was|were|is|are)\b/.test(before) &&
      !/\b\p{Ll}{3,}ed\b/u.test(before) &&
      !(subjunctive && /\s\p{Ll}+\s*$/u.test(before))
    )
      continue;
    end = v.index;
    break;
  }
  return end;
}

/** The end without the spaces and opening quotation marks before it. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /[\s“"‘]/.test(text[e - 1]!)) e--;
  return e;
}

function ownerEntity(text: string, owner: string, at: number, registry: SpeakerRegistry): Entity | undefined {
  const key = owner.toLowerCase();
  if (key === 'his' || key === 'her') return registry.recentOf(['person'], at, key === 'his' ? 'm' : 'f');
  if (key === 'their') return registry.recentOf(['group', 'organization'], at);
  if (key === 'its') return registry.recentOf(['organization', 'document'], at);
  const name = owner.replace(/['’]s$|(?<=s)['’]$/, '');
  const toks = tokenize(text, at, at + name.length);
  const m = toks.length ? mentionOf(text, toks, 0, toks.length - 1) : null;
  if (!m || m.kind === 'pronoun') return undefined;
  return registry.resolve(m, m.role, m.start, false);
}
