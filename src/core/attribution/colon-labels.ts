import type { Line } from '../text/lines';
import type { Quote } from '../text/quotes';
import type { Span } from '../text/sentences';
import { type Token, tokenize } from '../text/tokens';
import { DETERMINERS, HEAD_TYPE, ORG_WORDS, TITLES } from './lexicon';
import { type Mention, mentionOf, type Subject } from './mention';
import { SPEECH_NOUN } from './speech-nouns';

const LABEL = /^([^:“"‘]{2,40}):\s+(\S.*)$/su;
const FIGURE = /^[\d\s.,;%$£€#()+\-–—/]+$/u;
const NAME = /^(?:and\s+)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}\.?$/u;
/** Last words of a show's, column's or newsletter's title ("Breitbart News Daily:", "The Week Ahead Podcast:"). */
const SHOW_TAIL =
  /\s(?:daily|weekly|tonight|show|podcast|hour|digest|roundup|newsletter|bulletin|diary|dispatch)$/i;

/**
 * "Clinton: 547." (a tally), "Iowa: Tim Albrecht, Brad Anderson, …" (a list of names): what follows the colon
 * states nothing anyone said.
 */
export function isTallyOrRoll(body: string): boolean {
  const s = body.trim();
  if (FIGURE.test(s)) return true;
  const items = s.replace(/[.;]$/, '').split(/\s*[,;]\s*/);
  return items.length >= 3 && items.every((i) => NAME.test(i));
}

/**
 * "Breitbart News Daily: A World at War", "The Ninth Circle: …" (a "The …" label the article never names again): a
 * title, not a speaker.
 */
export function isShowTitle(label: string, text: string): boolean {
  const s = label.trim();
  if (SHOW_TAIL.test(s)) return true;
  const bare = /^The\s+(\p{Lu}.*)$/u.exec(s)?.[1];
  return !!bare && text.split(bare).length <= 2;
}

const OBJECT_MARK = /^(for|to|against|with|about|on|over|from|vs|versus|v)$/;

/**
 * "Big Win For Bernie:", "Trump vs. Clinton:" (a name after a preposition: the label is about him), "Netanyahu and
 * Obama: A tortured relationship" (two people who do not speak one headline together): a title, no speaker.
 */
export function isAboutLabel(label: readonly Token[], headline: boolean): boolean {
  const words = label.filter((t) => t.word);
  if (words.slice(0, -1).some((t) => OBJECT_MARK.test(t.key))) return true;
  return headline && words.length >= 3 && words.slice(1, -1).some((t) => t.key === 'and' || t.text === '&');
}

const short = (l: Line) => {
  const m = LABEL.exec(l.text);
  return !!m && !/[“"‘]/.test(m[2]!) && m[2]!.split(/\s+/).length <= 6;
};

/**
 * "Name: a few words" paragraphs that make a list ("Sanders: Win in a walk", "Cruz: Just hang on", "Carson: A
 * miracle"), not what the named said: three or more in a row, or three or more each heading a section (followed by
 * a paragraph with no label) that are at least half of the label paragraphs.
 */
export function labelledListLines(lines: readonly Line[]): Set<Line> {
  const out = new Set<Line>();
  let run: Line[] = [];
  const flush = () => {
    if (run.length >= 3) for (const l of run) out.add(l);
    run = [];
  };
  for (const l of lines.slice(1)) {
    if (short(l)) run.push(l);
    else flush();
  }
  flush();
  // ("Donald Trump has something to prove: that he …": a clause before a colon is no label.)
  const labelled = lines.map((l) => {
    const m = LABEL.exec(l.text);
    return !!m && m[1]!.trim().split(/\s+/).length <= 4 && !isTallyOrRoll(m[2]!);
  });
  // (Never the headline: "Delmont: We Will Fight On".)
  const headings = lines.filter((l, i) => i > 0 && short(l) && !labelled[i + 1]);
  if (headings.length >= 3 && headings.length * 2 >= labelled.filter(Boolean).length)
    for (const l of headings) out.add(l);
  return out;
}

/** What firms do, not people: "unveiled a phone", "posted a loss", "recalled 40,000 cars". */
const FIRM_ACTS =
  /^(unveil(?:ed|s)|launch(?:ed|es)|ship(?:ped|s)|post(?:ed|s)|recall(?:ed|s)|acquir(?:ed|es)|list(?:ed|s)|float(?:ed|s)|trad(?:ed|es)|manufactur(?:ed|es)|rebrand(?:ed|s)|restat(?:ed|es))$/;

/**
 * "Orvane on Wednesday unveiled a folding phone", "Kelbrook posted a loss": a sentence opening on one capitalised
 * word (no title, no determiner, no known head noun) whose verb, within a few words, is one only firms do.
 */
export function firmSubject(text: string, tokens: readonly Token[]): { name: string; start: number } | null {
  const first = tokens[0];
  const next = tokens[1];
  if (!first?.word || !first.cap || !next?.word || next.cap || first.text.length < 3) return null;
  if (/^\p{Lu}+$/u.test(first.text) || DETERMINERS.has(first.key) || TITLES.has(first.key)) return null;
  if (HEAD_TYPE.has(first.key) || ORG_WORDS.has(first.key)) return null;
  const verb = tokens.slice(1, 6).find((t) => t.word && FIRM_ACTS.test(t.key));
  if (
    !verb ||
    tokens
      .slice(1, tokens.indexOf(verb))
      .some(
        (t) =>
          !t.word ||
          (t.cap === false &&
            !/^(on|last|this|in|at|has|had|have|said|quietly|formally|officially|today|yesterday|also|will|would)$/.test(
              t.key,
            )),
      )
  )
    return null;
  return { name: text.slice(first.start, first.end), start: first.start };
}

const SAYS_TAIL =
  /^(\s*,?\s*)(?:(says|said)\s+([^,;:!?“"‘]{2,40}?)|([^,;:!?“"‘]{2,40}?)\s+(says|said))\s*\.?\s*$/iu;

/**
 * "Park cafe lease row: ‘…’, says owner", "Rates row: ‘…’, council leader says": the speaker a headline names after
 * the quotation that follows its colon; null when the line goes on otherwise.
 */
export function saysAfterQuote(
  text: string,
  line: Line,
  quotes: readonly Quote[],
  from: number,
): (Subject & { tokens: readonly Token[]; cue: Span; said: Span }) | null {
  const q = quotes.find((x) => x.open >= from && x.open < line.end);
  if (!q || q.close < 0) return null;
  const rest = text.slice(q.close + 1, line.end);
  const t = SAYS_TAIL.exec(rest);
  if (!t) return null;
  const who = t[3] ?? t[4]!;
  const verb = t[2] ?? t[5]!;
  const at = q.close + 1 + t[1]!.length;
  const whoAt = at + (t[3] ? rest.slice(t[1]!.length).indexOf(who, verb.length) : 0);
  const verbAt = at + (t[3] ? 0 : rest.slice(t[1]!.length).lastIndexOf(verb));
  const tokens = tokenize(text, whoAt, whoAt + who.length);
  const mention = tokens.length ? mentionOf(text, tokens, 0, tokens.length - 1) : null;
  if (!mention || mention.kind === 'pronoun') return null;
  return {
    mention,
    role: mention.role,
    relative: false,
    tokens,
    cue: { start: verbAt, end: verbAt + verb.length },
    said: { start: q.start, end: q.end },
  };
}

const DASHED_SOURCE = /^(.{3,200}?)\s[-–—]\s*((?:More\s+)?from\s+)?([^:“"‘\-–—]{2,40}):\s*(?=[“"])/iu;

/**
 * "IOWA POLLS NOT WRONG, JUST EARLY - Mark Blumenthal and Jon Cohen: “…” [HuffPost.]", "… - More from Jones: “…”": a
 * newsletter's item, a topic, a dash, then the source before the colon of its quotation. The source's span, and the
 * quotation's (to its last closing mark).
 */
export function dashedSource(text: string, line: Line): { who: Span; said: Span } | null {
  const d = DASHED_SOURCE.exec(line.text);
  if (!d) return null;
  const whoStart = line.start + d[1]!.length + d[0]!.slice(d[1]!.length).indexOf(d[3]!, d[2]?.length ?? 0);
  const from = line.start + d[0]!.length;
  const close = Math.max(text.lastIndexOf('”', line.end), text.lastIndexOf('"', line.end));
  const end = close > from ? close + 1 : line.end;
  return { who: { start: whoStart, end: whoStart + d[3]!.trimEnd().length }, said: { start: from, end } };
}

/**
 * "Clinton to Planned Parenthood:", "Former AG Mukasey at RNC:", "Obama To Asians Worried About U.S. Election:": a
 * speaker, then `to`/`at` and the audience. The index of that word in the label, or -1.
 */
export function audienceAt(label: readonly Token[]): number {
  const k = label.findIndex((t, i) => i > 0 && t.word && (t.key === 'to' || t.key === 'at'));
  if (k < 1 || k > 4 || label.length - k > 10) return -1;
  return label.slice(0, k).every((t) => (t.word && t.cap) || t.text === '.') && label[k + 1]?.cap ? k : -1;
}

const LABEL_ADJECTIVE = /^(new|latest|own|top|internal|leaked|secret|final|official)$/;

/**
 * "IG report:", "NY Post:", "Clinton camp:", "Democrats' new warning:": a headline's source before the colon whose
 * head (a document, a body, or a speech noun after its owner) is lower case or reads as a verb, so it is no plain
 * name. The speech noun's owner is the speaker.
 */
export function headlineSource(text: string, pre: readonly Token[]): Mention | null {
  const words = pre.filter((t) => t.word);
  const head = words.at(-1);
  if (!head || words.length < 2 || words.length > 4 || pre.at(-1) !== head) return null;
  if (SPEECH_NOUN.test(head.key)) {
    const mark = pre.findIndex(
      (t, k) => /^['’]s?$/.test(t.text) || (t.word && /['’]s$/.test(t.text) && k < pre.length - 1),
    );
    const ownerEnd = mark >= 0 && pre[mark]!.word ? mark : mark - 1;
    if (ownerEnd < 0 || !pre.slice(0, ownerEnd + 1).every((t) => t.word && t.cap)) return null;
    if (!pre.slice(mark + 1, -1).every((t) => t.word && LABEL_ADJECTIVE.test(t.key))) return null;
    const owner = mentionOf(text, pre, 0, ownerEnd);
    return owner && owner.kind !== 'pronoun' ? owner : null;
  }
  if (!pre.slice(0, -1).every((t) => t.word && t.cap)) return null;
  const m = mentionOf(text, pre, 0, pre.length - 1);
  return m &&
    m.kind !== 'pronoun' &&
    m.head === head.key &&
    (m.type === 'document' || m.type === 'organization')
    ? m
    : null;
}
