import type { BoilerplateRange, ClaimKind, Granularity } from '../extract/types';
import type { Line } from '../text/lines';
import { pairQuotes, type Quote } from '../text/quotes';
import { type Span, splitSentences } from '../text/sentences';
import { type Token, tokenize } from '../text/tokens';
import { reportedClauseEnd } from './clause-end';
import {
  audienceAt,
  dashedSource,
  firmSubject,
  headlineSource,
  isAboutLabel,
  isShowTitle,
  isTallyOrRoll,
  labelledListLines,
  saysAfterQuote,
} from './colon-labels';
import { contactRelative } from './contact-relative';
import { type Cue, findCues, namingCalled } from './cues';
import { type Frame, framesOf, mainSubject, relativeClauseSubject } from './frames';
import { headlineQuotes } from './headline';
import { layoutClaims } from './layout';
import {
  CONTACT_LABELS,
  DETERMINERS,
  DOCUMENT_QUOTE_VERBS,
  HEAD_TYPE,
  NAME_JOINERS,
  PARTICIPLE_CUES,
  PLACE_WORDS,
  ROLE_WORDS,
  SECTION_LABELS,
  SPEECH_VERBS,
  TITLES,
} from './lexicon';
import {
  clauseSubject,
  coordinatedSubject,
  isHeadlineVerb,
  isPredicatePhrase,
  isVerbLike,
  type Mention,
  mentionOf,
  orgRun,
  type Subject,
  subjectAfter,
  subjectBefore,
} from './mention';
import { isSubheading, isTitleQuote } from './quote-shapes';
import { QUOTE_DIRECT_VERBS, QUOTE_OBJECT_VERBS } from './reporting-verbs';
import type { RuleId } from './rules';
import { CALLINGS, type Entity, finalEntity, SpeakerRegistry } from './speakers';
import { speechNounClaims } from './speech-nouns';
import { transcriptHost } from './transcript-host';
import { claimUnits } from './units';

/** A claim before ids and check-worthiness: offsets into the original text. */
export type Draft = {
  start: number;
  end: number;
  kind: ClaimKind;
  entity: Entity;
  mention: Span | null;
  cue: Span | null;
  rule: RuleId;
  line: number;
  /** Direct-quote run this draft belongs to, for merging in passage granularity. */
  run: number;
  /** Continues a quotation left open at the end of the previous paragraph. */
  continues?: boolean;
  /** Has a cue of its own: never merged into the previous quotation. */
  separate?: boolean;
  /** Runs of one quotation share a group (set by `claimUnits`). */
  group?: number;
};

type Attributed = { entity: Entity; mention: Span | null; cue: Span | null; rule: RuleId };

/** A transcript's cast line: who speaks in it. */
const CAST = /^(?:Speakers|Participants|Guests|Panel|Panellists|Panelists|Cast)\s*:\s*/;

/** Parts a transcript's capitals label may name instead of a person. */
const TRANSCRIPT_PARTS =
  /^(presenter|host|interviewer|moderator|chair|chairman|chairwoman|anchor|reporter|narrator|caller|announcer|correspondent)$/;

const PUBLISH =
  /^(published|released|issued|produced|commissioned|compiled|wrote|authored|unveiled|presented)$/;

function trimEnd(text: string, start: number, end: number, keepStop: boolean): number {
  while (end > start && (keepStop ? /\s/ : /[\s.,;:]/).test(text[end - 1]!)) end--;
  return end;
}

/** A minus or en dash written against a number is its sign (`-10%`, `–$4 billion`), not punctuation. */
const SIGN = /[-–](?:[$£€¥]?\d|\.\d)/y;

/** Skips spaces and punctuation before a claim, never a number's sign (`said --10` still loses both dashes). */
function trimStart(text: string, start: number, end: number): number {
  while (start < end && /[\s,:;\-–—]/.test(text[start]!)) {
    SIGN.lastIndex = start;
    if (SIGN.test(text) && !/[-–—]/.test(text[start - 1] ?? '')) break;
    start++;
  }
  return start;
}

/** A post's time ("12.31", "13:05", "9.14am", "12.31 GMT"). */
const POST_TIME = String.raw`\d{1,2}(?:[.:]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?|\s*(?:am|pm|a\.m\.|p\.m\.))(?:\s+[A-Z]{2,4})?`;
const TIME_LINE = new RegExp(`^${POST_TIME}$`);
const TIME_FIRST = new RegExp(`^${POST_TIME}(?=\\s|$)`);
const AUTHOR = /^(?:(?:By|by)\s+)?\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){1,3}$/u;

/**
 * A live blog's post line: its time and author ("12.31 GMT Rowena Hart"), or the author alone on the line after a
 * line that is only a time. Only capitalised words follow the time; nothing in it is a speaker or an antecedent.
 */
function postStamp(text: string, prev: Line | undefined, tokens: readonly Token[]): boolean {
  if (tokens.filter((t) => t.word).length > 8 || tokens.some((t) => !t.word && !/^[.:|·•–—-]$/.test(t.text)))
    return false;
  const line = text.slice(tokens[0]!.start, tokens.at(-1)!.end);
  const time = TIME_FIRST.exec(line);
  const author = AUTHOR.test(time ? line.slice(time[0].length).trim() : line);
  return author && (!!time || (!!prev && TIME_LINE.test(text.slice(prev.start, prev.end).trim())));
}

const PARTITIVE = /^(one|some|many|several|two|three|four|five|few|most|none|each|both|either|neither)$/;

/**
 * "“…,” one of the former directors of the harbour trust said", "“…,” the long-serving chairman of the trust and its
 * pension fund said": every word between the quotation and its cue is one noun phrase (a partitive's noun after
 * `of`), which `subjectBefore` reads only from its end.
 */
function postQuoteSubject(text: string, tokens: readonly Token[], from: number, cue: number): Subject | null {
  const words = tokens.slice(from, cue);
  if (words.length < 3 || !words.every((t) => t.word && !isVerbLike(t.key))) return null;
  const partitive = PARTITIVE.test(words[0]!.key) && words[1]!.key === 'of';
  const m = mentionOf(text, tokens, partitive ? from + 2 : from, cue - 1);
  if (!m || m.kind === 'pronoun' || m.end !== words.at(-1)!.end) return null;
  const mention = partitive ? { ...m, start: words[0]!.start, text: text.slice(words[0]!.start, m.end) } : m;
  return { mention, role: m.role, relative: false };
}

/** Finds the attributed claims of an article. Lines are paragraphs; boilerplate lines are skipped. */
export function attributeClaims(
  text: string,
  lines: readonly Line[],
  boilerplate: readonly BoilerplateRange[],
  granularity: Granularity = 'passage',
): { drafts: Draft[]; registry: SpeakerRegistry } {
  const registry = new SpeakerRegistry();
  const drafts: Draft[] = [];
  const isBoiler = (l: Line) => boilerplate.some((b) => b.start <= l.start && b.end >= l.end);
  const body = lines.filter((l) => !isBoiler(l));

  // Captions ("Dr Jane Roe, Chief Constable") tell who holds an office, even though they are not claims.
  for (const b of boilerplate) {
    if (b.reason !== 'repeated caption') continue;
    let s = text.slice(b.start, b.end);
    if (s.length % 2 === 0 && s.slice(0, s.length / 2) === s.slice(s.length / 2))
      s = s.slice(0, s.length / 2);
    const comma = s.indexOf(', ');
    if (comma < 3 || comma > 60) continue;
    const toks = tokenize(text, b.start, b.start + comma);
    const m = mentionOf(text, toks, 0, toks.length - 1);
    if (m?.kind === 'name' && m.type === 'person' && m.name)
      registry.person(m.name, s.slice(comma + 2).trim(), -1, false);
  }

  // A transcript's cast ("Speakers: Jo Carter (presenter), Tom Smith (transport minister)") names who its labels
  // ("PRESENTER:", "SMITH:") are; the line is no claim.
  const castLines = new Set<Line>();
  for (const l of body) {
    const cast = CAST.exec(l.text);
    if (!cast) continue;
    castLines.add(l);
    const from = l.start + cast[0].length;
    for (const item of l.text.slice(cast[0].length).split(/[;,](?![^()]*\))/)) {
      const at = from + l.text.slice(cast[0].length).indexOf(item);
      const part = /^\s*([^()–—-]+?)\s*(?:\(([^()]+)\)|[–—-]\s*(.+))?\s*\.?$/.exec(item);
      if (!part) continue;
      const lead = item.length - item.trimStart().length;
      const toks = tokenize(text, at + lead, at + lead + part[1]!.length);
      const m = toks.length ? mentionOf(text, toks, 0, toks.length - 1) : null;
      if (m?.kind === 'name' && m.type === 'person' && m.name)
        registry.person(m.name, (part[2] ?? part[3] ?? '').trim() || null, -1, false, m.text);
    }
  }

  const listLines = labelledListLines(body);
  const host = transcriptHost(body);

  // Three or more paragraphs opening with a capitals label and a colon: a transcript.
  const transcript = (text.match(/^\p{Lu}[\p{Lu}\d ,.’'()-]*:\s/gmu)?.length ?? 0) >= 3;

  const headline =
    body.length > 1 &&
    body[0]!.text.length <= 200 &&
    splitSentences(text, body[0]!.start, body[0]!.end).length === 1
      ? body[0]!
      : null;
  const lede = body.filter((l) => l !== headline).slice(0, 2);
  registry.ledeEnd = lede.at(-1)?.end ?? -1;
  let last: (Attributed & { line: number }) | null = null;
  let run = 0;
  let prevOpen = false;
  // Paragraphs of a quotation left open with no speaker yet ("“We lost three crews.¶“The boats are old.¶“We will
  // cope,” Dana Pell said."): the cue of the paragraph that closes it names their speaker.
  let unclaimed: { line: number; start: number; end: number }[] = [];

  /** The body, document or group that opens the sentence before tokens[before], when it comes before `m`. */
  const openingBody = (m: Mention, tokens: readonly Token[], before: number): Entity | undefined => {
    const own = before > 0 ? mainSubject(text, tokens, before) : null;
    return own &&
      own.mention.kind !== 'pronoun' &&
      own.mention.end <= m.start &&
      /^(organization|document|group)$/.test(own.mention.type)
      ? registry.resolve(own.mention, own.role, own.mention.start)
      : undefined;
  };

  const resolve = (
    subject: Subject,
    tokens: readonly Token[],
    headlineMode: boolean,
  ): Attributed['entity'] => {
    const m = subject.mention;
    if (m.type === 'document') {
      const at = tokens.findIndex((t) => t.start === m.start);
      const verb = tokens[at - 1];
      if (verb && PUBLISH.test(verb.key)) {
        const author = subjectBefore(text, tokens, at - 1, 0);
        if (author) return registry.resolve(author.mention, author.role, author.mention.start);
      }
    }
    if (headlineMode && m.kind === 'nominal' && m.type === 'person') {
      const found = registry.byWord(m.text, 'person');
      if (found) return found;
    }
    if (headlineMode) {
      const found = registry.byHead(m);
      if (found) return found;
    }
    const pronounIt = m.kind === 'pronoun' && (m.head === 'it' || m.head === 'they');
    const at = pronounIt ? tokens.findIndex((t) => t.start === m.start) : -1;
    // "Hutchison Ports said it had offered a rise to the union, which it described as “fair”": the `it` of a
    // relative clause is the sentence's subject (read after the quotation), not the latest body before it.
    const relative =
      at > 0 && /^(which|that)$/.test(tokens[at - 1]!.key) ? openingBody(m, tokens, at - 1) : undefined;
    if (relative) return relative;
    const e = registry.resolve(m, subject.role, m.start);
    // "The interim report describes what it calls a “culture of deferral”": a quotation's cue is read before the
    // sentence's reports, so an `it` that found nobody is the subject that opens its own sentence.
    if (pronounIt && e.name === m.text) return openingBody(m, tokens, at) ?? e;
    return e;
  };

  const attributeTo = (
    subject: Subject,
    tokens: readonly Token[],
    headlineMode: boolean,
    cue: Span,
    rule: RuleId,
  ): Attributed => ({
    entity: resolve(subject, tokens, headlineMode),
    mention: subject.pronoun ?? subject.mention,
    cue,
    rule,
  });

  const emit = (d: Omit<Draft, 'start' | 'end'>, start: number, end: number) => {
    const s = trimStart(text, start, end);
    const e = trimEnd(text, s, end, d.kind === 'direct');
    if (e - s < 2) return;
    drafts.push({ ...d, start: s, end: e });
    // "Bell asked how many homes had been built. The Premier replied that …": the office answering a question is
    // not its asker named another way.
    if (d.cue && /^(ask|asks|asked|asking|pressed|questioned)$/i.test(text.slice(d.cue.start, d.cue.end)))
      registry.asked();
  };

  /** A claim whose speaker a label before a colon gives (the name-colon rule). */
  const labelClaim = (
    d: Pick<Draft, 'kind' | 'entity' | 'mention' | 'cue'>,
    li: number,
    start: number,
    end: number,
  ) => emit({ ...d, rule: 'name-colon', line: li, run: 0 }, start, end);

  // "Ines Calloway: ‘I wrote …’", "‘I wrote …’: an interview with Ines Calloway": the person a headline names by
  // full name (the headline is read after the body).
  const headlineLabel = (): Entity | undefined => {
    const top = headline ?? body[0];
    if (!top) return undefined;
    const toks = tokenize(text, top.start, top.end);
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i]!.word || !toks[i]!.cap) continue;
      let j = i;
      while (j + 1 < toks.length && toks[j + 1]!.word && toks[j + 1]!.cap) j++;
      if (j > i) {
        const m = mentionOf(text, toks, i, j);
        if (m?.kind === 'name' && m.type === 'person' && m.name?.includes(' '))
          return registry.person(m.name, m.role, top.start, false, m.text);
      }
      i = j;
    }
    return undefined;
  };
  const processLine = (line: Line, li: number, headlineMode: boolean) => {
    const quotes = pairQuotes(text, line, li);
    const quoteEnd = (q: Quote) => (q.close < 0 ? line.end : q.close + 1);
    // Quotations are sorted and do not overlap: binary search keeps long paragraphs linear.
    const inQuote = (off: number) => {
      let lo = 0;
      let hi = quotes.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (quotes[mid]!.open < off) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (let k = found; k >= 0 && k >= found - 1; k--) if (off < quoteEnd(quotes[k]!)) return true;
      return false;
    };
    const protect = quotes.map((q) => ({ start: q.open, end: quoteEnd(q) }));
    const sentences = splitSentences(text, line.start, line.end, protect);
    const continuesQuote = prevOpen && quotes[0]?.open === line.start && quotes[0].double;
    prevOpen = quotes.some((q) => q.close < 0 && q.double);
    if (!continuesQuote) unclaimed = [];
    // The paragraph's speaker so far (the name is historical: it is kept across the paragraph's sentences), and the
    // speaker of the sentence being read, which a participle report (`…, calling the plan a fantasy`) takes first.
    let sentenceSpeaker: Attributed | null = null;
    let ownSpeaker: Attributed | null = null;
    let lineDone = false;
    if (headlineMode) headlineQuotes(text, line, quotes, registry, drafts);

    for (const S of sentences) {
      registry.sentenceStart = S.start;
      const tokens = tokenize(text, S.start, S.end);
      if (!tokens.length) continue;
      const sq = quotes.filter(
        (q) =>
          q.open >= S.start &&
          q.open < S.end &&
          (q.double || q.end - q.start > 12) &&
          !isTitleQuote(text, tokens, q),
      );
      const consumed: Span[] = [];
      ownSpeaker = null;
      const blocked = (off: number) => inQuote(off) || consumed.some((r) => off >= r.start && off < r.end);
      let directDone = false;

      if (lineDone || castLines.has(line)) continue;

      // Question-and-answer interviews: "A: …" is the interviewee (the first person the article names), "Q: …" the
      // interviewer, whose questions are not claims.
      const qa =
        S.start === line.start ? /^(Q|A|Question|Answer)\s*[:.]\s+\S/.exec(text.slice(S.start, S.end)) : null;
      if (qa) {
        lineDone = true;
        // The person the headline names, else the first person the article names.
        const head = headline ? text.slice(headline.start, headline.end).toLowerCase() : '';
        const people = registry.entities.filter((e) => e.type === 'person' && e.name !== 'the author');
        const interviewee = people.find((e) => e.key && head.includes(e.key)) ?? headlineLabel() ?? people[0];
        if (/^A/.test(qa[1]!) && interviewee) {
          const startAt = tokens.find((t) => t.start >= S.start + qa[0].length - 1)?.start ?? S.end;
          emit(
            {
              kind: 'direct',
              entity: interviewee,
              mention: null,
              cue: null,
              rule: 'qa-answer',
              line: li,
              run: 0,
            },
            startAt,
            line.end,
          );
        }
        continue;
      }

      // "TOPIC - Jeffrey M. Jones: “…”": a newsletter item's source before its quotation.
      const dashed = S.start === line.start && !headlineMode && !transcript ? dashedSource(text, line) : null;
      const by = dashed ? tokenize(text, dashed.who.start, dashed.who.end) : [];
      const source = by.length ? mentionOf(text, by, 0, by.length - 1) : null;
      if (
        dashed &&
        source &&
        source.kind !== 'pronoun' &&
        (source.kind === 'name' || source.type === 'document')
      ) {
        const at = text.indexOf(':', dashed.who.end);
        const entity = resolve({ mention: source, role: source.role, relative: false }, by, false);
        labelClaim(
          { kind: 'direct', entity, mention: source, cue: { start: at, end: at + 1 } },
          li,
          dashed.said.start,
          dashed.said.end,
        );
        lineDone = true;
        continue;
      }

      // "Name: what they said" — a title, a subheading or a transcript line that gives the speaker before a colon.
      // ("Obama To Asians Worried About U.S. Election: …" is longer than most; "Rep. Dana Rusk (R-Ohio):“…”" has
      // no space before its quotation.)
      const colon =
        S.start === line.start ? /^([^:“"‘]{2,80}):(?:\s+\S|[“"‘])/.exec(text.slice(S.start, S.end)) : null;
      if (colon) {
        const c = tokens.findIndex((t) => t.text === ':');
        // "Sen. Omar Leland (D-Vt.):": the party tag after the name is no part of it.
        const tag =
          tokens[c - 1]?.text === ')' ? tokens.findLastIndex((t, k) => k < c && t.text === '(') : -1;
        const nameEnd = tag > 0 && c - tag <= 6 ? tag : c;
        const m = c > 0 ? mentionOf(text, tokens, 0, nameEnd - 1) : null;
        const pre = tokens.slice(0, Math.max(0, nameEnd));
        // Only a capitalised name (or a document such as "Poll") before the colon, never a label like "Twitter".
        const plain =
          pre.length <= 5 &&
          pre.every((t) => t.word && (t.cap || NAME_JOINERS.has(t.key)) && !SPEECH_VERBS.has(t.key)) &&
          !CONTACT_LABELS.has(pre.at(-1)?.key ?? '') &&
          // ("Trump Addresses Munich Attack: ‘This Cannot Continue.’": a headline's prefix with a verb is a clause.)
          !(headlineMode && pre.slice(1).some((t, k) => isHeadlineVerb(t.key, pre[k]!.key)));
        // ("Gingrich: Trump Must Decide If …", "Obama: I'm Optimistic Americans Will Say No …": a title-case word that
        // findCues does not take as a cue is no report of its own.)
        // ("Luciana Lopez: Saying to people …": a participle opening the words is no cue of theirs.)
        const ownCue = findCues(tokens.slice(c + 1), blocked, headlineMode).some(
          (q) => q.from > 0 || !/ing$/.test(tokens[c + 1]!.key),
        );
        const quoted = /^[“"‘']/.test(text.slice(tokens[c + 1]?.start ?? S.end));
        const office = m?.kind === 'nominal' && m.type === 'person' && quoted;
        // "VIJAYAWADA: Chief Minister …": a wire dateline, the one capitals label in the article; a transcript
        // gives several turns (`PRESENTER:`, `SHEILA:`).
        const dateline =
          !headlineMode &&
          !quoted &&
          pre.every((t) => t.text === t.text.toUpperCase()) &&
          (text.match(/^[\p{Lu}][\p{Lu} .’'-]*:\s/gmu)?.length ?? 0) <= 1;
        // A transcript's turn ("SMITH:", "JON KESSLER, HOST:", "GOV. TERESA VANCE (D-NEV.):"): the speaker's own
        // words, every sentence; a host's or presenter's turns (questions, framing) are no claims.
        const words = pre.filter((t) => t.word);
        if (
          transcript &&
          !headlineMode &&
          words.length &&
          pre.length <= 12 &&
          words.every((t) => t.text === t.text.toUpperCase() && /\p{Lu}/u.test(t.text))
        ) {
          const comma = pre.findIndex((t) => t.text === ',');
          const who = mentionOf(text, tokens, 0, comma > 0 ? comma - 1 : c - 1);
          const part = comma > 0 ? text.slice(pre[comma + 1]?.start ?? 0, pre.at(-1)!.end).toLowerCase() : '';
          // (Not a rubric: "COMMODITIES: Copper rose …", "UPDATE: …".)
          const rubric = (w: string) => SECTION_LABELS.has(w) || CONTACT_LABELS.has(w);
          if (who && who.kind !== 'pronoun' && !words.some((t) => rubric(t.key))) {
            lineDone = true;
            if (TRANSCRIPT_PARTS.test(who.text.toLowerCase()) || who.text.split(/\s+/).at(-1) === host)
              continue;
            // ("JON KESSLER" is Jon Kessler; a one-word label stays as written, "SHEILA".)
            const lower = (x: string | null) =>
              x && /\s/.test(x) ? x.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase()) : x;
            const role = TRANSCRIPT_PARTS.test(part) ? part : lower(who.role);
            const entity = registry.resolve(
              who.kind === 'name' ? { ...who, name: lower(who.name), role, type: 'person' } : who,
              role,
              who.start,
            );
            if (TRANSCRIPT_PARTS.test(entity.role ?? '')) continue;
            emit(
              { kind: 'direct', entity, mention: who, cue: tokens[c]!, rule: 'name-colon', line: li, run: 0 },
              tokens[c + 1]!.start,
              line.end,
            );
            continue;
          }
        }
        // "A&E consultant: ‘We are treating patients in corridors’": a headline office before a quotation, the one
        // person the body gives that office (the headline is read after the body).
        const headNoun = pre.at(-1);
        const holder =
          headlineMode &&
          quoted &&
          !plain &&
          pre.length <= 5 &&
          headNoun?.word &&
          (HEAD_TYPE.get(headNoun.key) === 'person' || CALLINGS.test(headNoun.key))
            ? registry.byRole(headNoun.key)
            : undefined;
        if (holder?.type === 'person') {
          emit(
            {
              kind: 'headline',
              entity: holder,
              mention: m,
              cue: tokens[c]!,
              rule: 'name-colon',
              line: li,
              run: 0,
            },
            tokens[c + 1]!.start,
            line.end,
          );
          lineDone = true;
          continue;
        }
        // "Park cafe lease row: ‘…’, says owner": a headline topic, then a quotation its speaker's office follows.
        const tail = headlineMode && quoted ? saysAfterQuote(text, line, quotes, tokens[c + 1]!.start) : null;
        if (tail) {
          const entity =
            (tail.mention.kind === 'nominal' &&
              tail.mention.type === 'person' &&
              registry.byRole(tail.mention.head)) ||
            resolve(tail, tail.tokens, true);
          labelClaim(
            { kind: 'headline', entity, mention: tail.mention, cue: tail.cue },
            li,
            tail.said.start,
            tail.said.end,
          );
          lineDone = true;
          continue;
        }
        const after = text.slice(tokens[c + 1]!.start, line.end);
        if (plain && (isTallyOrRoll(after) || listLines.has(line))) {
          lineDone = true;
          continue;
        }
        const to = audienceAt(pre);
        const speaker = to > 0 ? mentionOf(text, tokens, 0, to - 1) : null;
        // (Someone the article names elsewhere: "Back to School:" is no one.)
        const surname = speaker?.name?.split(/\s+/).at(-1);
        const audience =
          speaker?.kind === 'name' &&
          speaker.type === 'person' &&
          surname &&
          (text.slice(0, line.start).includes(surname) || text.slice(line.end).includes(surname))
            ? speaker
            : null;
        const source = headlineMode && !plain && !ownCue ? headlineSource(text, pre) : null;
        // ("Judicial Watch:" is a body the article names again; "Watch:", "Trump Watch:" are rubrics.)
        const rubric = (x: Mention) =>
          SECTION_LABELS.has(x.head.toLowerCase()) &&
          (pre.length < 2 || !text.slice(line.end).includes(colon[1]!.trim()));
        const named =
          source ??
          // ("Report: Walker to speak at the convention": a one-word document label reports what follows, cues and
          // all; `report` is a speech verb too.)
          (((plain && !ownCue) ||
            (headlineMode && pre.length === 1 && !!pre[0]!.cap && m?.type === 'document')) &&
          !dateline &&
          m &&
          (m.kind === 'name' ||
            m.type === 'document' ||
            office ||
            // ("Insiders: Trump will rebound", "Historians: …": one plural word for a group of people heads a title.)
            (headlineMode && pre.length === 1 && m.type === 'group' && HEAD_TYPE.get(m.head) === 'group')) &&
          !isShowTitle(colon[1]!, text) &&
          !isAboutLabel(pre, headlineMode) &&
          !rubric(m)
            ? m
            : audience);
        if (named) {
          // "PRESENTER:", "INTERVIEWER:": a transcript's label naming a part, the person the cast gives it to.
          const part =
            /^\p{Lu}{2,}$/u.test(named.text) && TRANSCRIPT_PARTS.test(named.head) ? named.head : null;
          const entity = part
            ? (registry.byRole(part) ??
              registry.resolve(
                {
                  ...named,
                  kind: 'nominal',
                  name: `${named.text[0]}${part.slice(1)}`,
                  type: 'person',
                  role: part,
                },
                part,
                named.start,
              ))
            : named === audience
              ? resolve({ mention: named, role: named.role, relative: false }, tokens, headlineMode)
              : (headlineMode && registry.byHead(named)) || registry.resolve(named, named.role, named.start);
          const startAt = tokens[c + 1]!.start;
          const isQuote = /^[“"‘']/.test(text.slice(startAt, startAt + 1));
          emit(
            {
              kind: headlineMode ? 'headline' : isQuote ? 'direct' : 'indirect',
              entity,
              mention: named,
              cue: tokens[c]!,
              rule: 'name-colon',
              line: li,
              run: 0,
            },
            startAt,
            line.end,
          );
          lineDone = true;
          continue;
        }
        // "Council Leader Defends Library Closures: ‘There Is No Money Left’": a headline clause before the colon
        // of a quotation; its subject (the capitalised words before its verb) is the speaker, read after the body.
        // ("Harker tells conference: ‘…’": a speech verb there is the quotation's own cue, read below.)
        const verbAt = pre.some((t) => SPEECH_VERBS.has(t.key))
          ? -1
          : pre.findIndex((t, k) => k > 0 && isHeadlineVerb(t.key, pre[k - 1]!.key));
        const own =
          headlineMode &&
          quoted &&
          verbAt > 0 &&
          pre.length <= 8 &&
          pre.slice(0, verbAt).every((t) => t.word && t.cap)
            ? mentionOf(text, tokens, 0, verbAt - 1)
            : null;
        const startAt = tokens[c + 1]!.start;
        if (
          own &&
          own.type === 'person' &&
          own.kind !== 'pronoun' &&
          !drafts.some((d) => d.start < line.end && d.end > startAt)
        ) {
          const entity =
            (own.kind === 'nominal' && registry.byRole(own.text)) ||
            resolve({ mention: own, role: own.role, relative: false }, tokens, true);
          emit(
            { kind: 'headline', entity, mention: own, cue: tokens[c]!, rule: 'name-colon', line: li, run: 0 },
            startAt,
            line.end,
          );
          lineDone = true;
          continue;
        }
      }

      if (sq.length) {
        let who: Attributed | null = null;
        let direct = false;
        let continuation = false;
        const initial = /^[\s\-–—•*]*$/.test(text.slice(S.start, sq[0]!.open));
        // "Neither man was impressed by her - “Born with a silver spoon,” Mr. Elkins said - but …": a quotation
        // between dashes with its own cue after it.
        const dashed = !initial && /\s[-–—]\s*$/.test(text.slice(S.start, sq[0]!.open));
        // Preposed cue: "Dr Billings said: “…”", "He added, “…”" — on the first quotation that has one.
        let first = 0;
        for (let qi = 0; !initial && qi < sq.length && !who; qi++) {
          const q = sq[qi]!;
          let c = -1;
          for (let i = 0; i < tokens.length && tokens[i]!.end <= q.open; i++) {
            const t = tokens[i]!;
            if (
              t.word &&
              (SPEECH_VERBS.has(t.key) || t.key === 'according') &&
              !inQuote(t.start) &&
              !(t.key === 'called' && namingCalled(tokens, i))
            )
              c = i;
          }
          const gap =
            c >= 0 ? tokens.filter((t) => t.start > tokens[c]!.end && t.end <= q.open && t.word).length : 99;
          // "chanted “Out, out, out”", "described as a “package of remedies”", "scolded both sides for “…”": a
          // quotation inside the cue's own clause, with no colon or comma before it.
          const between = c >= 0 ? tokens.filter((t) => t.start > tokens[c]!.end && t.end <= q.open) : [];
          const inClause =
            c >= 0 &&
            !inQuote(tokens[c]!.start) &&
            (between.length === 0
              ? QUOTE_DIRECT_VERBS.has(tokens[c]!.key)
              : QUOTE_OBJECT_VERBS.has(tokens[c]!.key) &&
                gap <= 5 &&
                between.every(
                  (t) => t.word && !isVerbLike(t.key) && !/^(that|whether|if|by|in|on|at)$/.test(t.key),
                ) &&
                /^(as|a|an|for)$/.test(between.at(-1)!.key));
          if (!/[:,]\s*$/.test(text.slice(S.start, q.open)) && !inClause) continue;
          const colonBefore = /:\s*$/.test(text.slice(S.start, q.open));
          if (
            c < 0 ||
            (gap > 7 && c !== 0) ||
            tokens.some((t) => t.start > tokens[c]!.end && t.end <= q.open && t.key === 'that')
          ) {
            // "X released the following statement: “…”", "Kasich resisted: “…”" — a colon before a quotation
            // attributes it to the clause's subject even without a speech verb.
            const colonTok = tokens.findLastIndex((t) => t.text === ':' && t.end <= q.open);
            const s = colonBefore && colonTok > 0 ? mainSubject(text, tokens, colonTok) : null;
            if (s && c < 0) {
              who = attributeTo(s, tokens, headlineMode, tokens[colonTok]!, 'quote-colon');
              direct = true;
              first = qi;
              consumed.push({ start: S.start, end: q.open });
            }
            continue;
          }
          const cueTok = tokens[c]!;
          let subject: Subject | null = null;
          // ("Mateen left early, Nefzi said, adding, “…”": the earlier cue keeps its own report.)
          let afterCue = false;
          if (PARTICIPLE_CUES.has(cueTok.key) && tokens[c - 1]?.text === ',') {
            // "Ruiz said A. Pike hit back, saying: “…”": the sentence's own subject before the paragraph's speaker;
            // after an earlier cue of the sentence ("Mateen left early, Nefzi said, adding, “…”"), that cue's subject.
            const e = tokens.findLastIndex(
              (t, k) =>
                k < c && /^(said|says|told|tells|wrote|writes|added|adds)$/.test(t.key) && !inQuote(t.start),
            );
            const own = ownSpeaker
              ? null
              : e >= 0
                ? (subjectBefore(text, tokens, e, 0) ?? subjectAfter(text, tokens, e + 1, c - 1))
                : (relativeClauseSubject(text, tokens, c) ?? mainSubject(text, tokens, c));
            subject = own && !(own.relative && sentenceSpeaker) ? own : null;
            afterCue = !ownSpeaker && e >= 0 && !!subject;
          } else {
            subject = subjectBefore(text, tokens, c, 0);
            // ("a decision critics described as “a giveaway”": the relative clause's own subject.)
            if (subject)
              subject = contactRelative(text, tokens, subject, { from: c, key: cueTok.key }) ?? subject;
            const after = subject ? null : subjectAfter(text, tokens, c + 1, tokens.length - 1);
            // "Roffman, who estimates …, described the emotional impact as “…”": the object before `as` is not
            // the speaker; the sentence's subject is.
            // ("“…,” said a former official who … and described the controversy as “…”": the earlier cue's speaker.)
            const e = tokens.findLastIndex(
              (t, k) => k < c && /^(said|says|told|tells|wrote|writes)$/.test(t.key) && !inQuote(t.start),
            );
            subject ??=
              after && /\sas$/i.test(after.mention.text)
                ? (mainSubject(text, tokens, c) ??
                  (e >= 0
                    ? (subjectBefore(text, tokens, e, 0) ?? subjectAfter(text, tokens, e + 1, c - 1))
                    : null))
                : after;
          }
          if (subject) {
            who = attributeTo(subject, tokens, headlineMode, cueTok, 'quote-cue-before');
          } else if (PARTICIPLE_CUES.has(cueTok.key)) {
            const main = (ownSpeaker ?? sentenceSpeaker) as Attributed | null;
            if (main) who = { ...main, cue: cueTok, rule: 'quote-participle-before' };
          }
          if (who) {
            direct = true;
            first = qi;
            // Only the cue's own clause is used up: "Baker noted that X, and added: “…”" keeps "noted that X".
            const coordinated = /^(and|but)$/.test(tokens[c - 1]?.key ?? '');
            const own = coordinated
              ? tokens[c - 1]!.start
              : afterCue
                ? cueTok.start
                : Math.min(
                    cueTok.start,
                    who.mention && who.mention.start < cueTok.start ? who.mention.start : cueTok.start,
                  );
            consumed.push({ start: own, end: q.open });
          }
        }
        const q0 = sq[first]!;
        if (who) {
          // handled above
        } else if (initial || (dashed && first === 0)) {
          const nextOpen = sq[1]?.open ?? S.end;
          const post = tokens.filter((t) => t.start >= quoteEnd(q0) && t.end <= nextOpen);
          const postWords = post.filter((t) => t.word);
          if (!postWords.length) direct = initial;
          else {
            const base = tokens.indexOf(post[0]!);
            for (let k = base; k < Math.min(tokens.length, base + 20) && tokens[k]!.end <= nextOpen; k++) {
              const t = tokens[k]!;
              if (!t.word) continue;
              let subject: Subject | null = null;
              if (t.key === 'according' && tokens[k + 1]?.key === 'to') {
                let e = k + 2;
                while (e < tokens.length && tokens[e]!.word) e++;
                const m = mentionOf(text, tokens, k + 2, e - 1);
                subject = m ? { mention: m, role: m.role, relative: false } : null;
              } else if (
                (SPEECH_VERBS.has(t.key) || DOCUMENT_QUOTE_VERBS.has(t.key)) &&
                !t.cap &&
                !t.key.endsWith('ing')
              ) {
                subject =
                  subjectBefore(text, tokens, k, base) ??
                  subjectAfter(text, tokens, k + 1, tokens.length - 1);
                // "“Evacuate now,” the bulletin read.": only a document reads.
                if (DOCUMENT_QUOTE_VERBS.has(t.key) && subject?.mention.type !== 'document') subject = null;
              } else continue;
              const firstWord = postWords[0]!;
              // ("…,” the operator’s chief executive, Dana Pell, said": the appositive opens the subject.)
              const touches = (x: Subject | null) => !!x && (x.from ?? x.mention.start) <= firstWord.start;
              if (!DOCUMENT_QUOTE_VERBS.has(t.key) && !touches(subject))
                subject = postQuoteSubject(text, tokens, base, k) ?? subject;
              const adjacent = t === firstWord || touches(subject);
              if (subject && adjacent) {
                who = attributeTo(subject, tokens, headlineMode, t, 'quote-cue-after');
                direct = true;
                consumed.push({ start: quoteEnd(q0), end: Math.max(t.end, subject.mention.end) });
              }
              break;
            }
          }
        }
        if (direct && !who) {
          // A quotation with no attribution of its own continues the last speaker.
          // (A quotation whose first paragraph found no speaker waits for its own cue, never an earlier speaker.)
          const near =
            last &&
            !(continuesQuote && unclaimed.length) &&
            (li - last.line <= 1 || (continuesQuote && li - last.line <= 3));
          const sameLine = sentenceSpeaker as Attributed | null;
          if (sameLine) who = { ...sameLine, cue: null, rule: 'quote-same-sentence' };
          else if (near && last && quotes[0]?.open === line.start && !isSubheading(text, line, quotes)) {
            who = {
              ...last,
              cue: null,
              rule: continuesQuote ? 'quote-open-paragraph' : 'quote-next-paragraph',
            };
            continuation = continuesQuote;
          }
          // "“Nobody should have to sleep on a bench.”" two paragraphs after the director's quotation, with only
          // narration between: a paragraph that is one whole quotation carries the last quoted speaker.
          const wholeLine =
            quotes.length === 1 &&
            quotes[0]!.open === line.start &&
            quotes[0]!.close >= 0 &&
            /^[\s.]*$/.test(text.slice(quotes[0]!.close + 1, line.end));
          if (
            !who &&
            last &&
            wholeLine &&
            li - last.line <= 3 &&
            last.rule.startsWith('quote-') &&
            !isSubheading(text, line, quotes)
          )
            who = { ...last, cue: null, rule: 'quote-carried' };
          if (!who && q0 === quotes[0] && q0.open === line.start && q0.double && q0.close < 0)
            unclaimed.push({ line: li, start: q0.start, end: q0.end });
          if (!who) direct = false;
        }
        if (direct && who) {
          directDone = true;
          // (Only a cue after the closing paragraph's quotation, and the same opening mark: a curly quotation inside a
          // straight-quoted excerpt is the excerpt's own quotation.)
          if (
            unclaimed.length &&
            continuesQuote &&
            sq[first] === quotes[0] &&
            who.rule === 'quote-cue-after' &&
            unclaimed.every((u) => text[u.start - 1] === text[line.start])
          ) {
            for (const [k, u] of unclaimed.entries())
              emit(
                {
                  kind: 'direct',
                  entity: who.entity,
                  mention: who.mention,
                  cue: who.cue,
                  rule: 'quote-open-paragraph',
                  line: u.line,
                  run: ++run,
                  continues: k > 0,
                },
                u.start,
                u.end,
              );
            unclaimed = [];
            continuation = true;
          }
          let prevEnd = S.start;
          run++;
          let cue = who.cue;
          let separate = false;
          for (const [qi, q] of sq.slice(first).entries()) {
            const between = tokens.filter(
              (t) => t.word && t.start >= prevEnd && t.end <= q.open && !inQuote(t.start),
            );
            if (qi > 0 && between.length > 12) break;
            // "…,” Cruz said, adding: “…”" — a second cue starts a second attribution.
            const again =
              qi > 0 ? between.find((t) => SPEECH_VERBS.has(t.key) && t.start !== cue?.start) : undefined;
            // "…,” Anderson said, adding that Sanders is “…”": a second cue with a `that` clause reports the
            // quotation inside its clause (a mixed claim of the frames below), not as a quotation of its own.
            if (again && between.some((t) => t.key === 'that' && t.start > again.start)) break;
            if (again && who.cue) {
              cue = again;
              separate = true;
              run++;
              // "Brafman said, “…” He added, “…”", "… Prosecutor Ann Wells replied, “…”": a second cue with a subject
              // of its own between the quotations is that subject's.
              const at = tokens.indexOf(again);
              const from = tokens.findIndex((t) => t.start >= prevEnd);
              const own = from >= 0 && at > from ? subjectBefore(text, tokens, at, from) : null;
              if (own && own.mention.start >= prevEnd && !own.relative)
                who = attributeTo(own, tokens, headlineMode, again, who.rule);
            }
            const parts =
              granularity === 'sentence'
                ? splitSentences(text, q.start, q.end)
                : [{ start: q.start, end: q.end }];
            for (const p of parts)
              emit(
                {
                  kind: headlineMode ? 'headline' : 'direct',
                  entity: who.entity,
                  mention: who.mention,
                  cue,
                  rule: who.rule,
                  line: li,
                  run,
                  continues: continuation && q === sq[0],
                  separate,
                },
                p.start,
                p.end,
              );
            consumed.push({ start: q.open, end: quoteEnd(q) });
            prevEnd = quoteEnd(q);
          }
          sentenceSpeaker = who;
          ownSpeaker = who;
          last = { ...who, line: li };
        }
      }

      // Names in running text are candidates for later pronouns (not those in parentheses: "(Con, Wendham North)"),
      // nor a live blog's post author ("12.31 GMT Rowena Hart" above "She opens by saying …": she is not the author).
      const stamp = postStamp(text, body[li - 1], tokens);
      let paren = 0;
      for (let i = 0; i < tokens.length && !stamp; i++) {
        const t = tokens[i]!;
        if (t.text === '(') paren++;
        else if (t.text === ')') paren = Math.max(0, paren - 1);
        if (paren > 0 || !t.word || !t.cap || blocked(t.start)) continue;
        if (i === 0 && !tokens[1]?.cap) {
          // "MacLeish laughs.": a known surname alone at the start of a sentence is its subject.
          if (tokens[1]?.word) registry.touchKey(t.key, t.start);
          // "The chancellor is on her feet. She opens by saying …": an office opening a sentence is its subject.
          const office = tokens[1];
          if (
            t.key === 'the' &&
            office?.word &&
            !/['’]s?$/.test(office.text) &&
            (ROLE_WORDS.has(office.key) ||
              TITLES.has(office.key) ||
              HEAD_TYPE.get(office.key) === 'person') &&
            tokens[2]?.word &&
            // (A verb next: not "The minister who arrived two years ago", a question's answer.)
            (isVerbLike(tokens[2].key) || /[^s]s$/.test(tokens[2].key)) &&
            !tokens[2].cap &&
            !blocked(office.start)
          ) {
            const m = mentionOf(text, tokens, 0, 1);
            if (m?.type === 'person') registry.touchOffice(m, t.start);
          }
          continue;
        }
        // "The Salt Ledger": a capitalised run after "The" inside a sentence is a title or a body, not a person.
        if (i > 0 && t.key === 'the') {
          while (i + 1 < tokens.length && tokens[i + 1]!.word && tokens[i + 1]!.cap) i++;
          continue;
        }
        let j = i;
        while (j + 1 < tokens.length && tokens[j + 1]!.word && tokens[j + 1]!.cap) j++;
        // "The Office for Budget Responsibility", "the Department for Environment, Food and Rural Affairs": a body's
        // name runs on through its joiners and its list.
        const stop = tokens[j + 1];
        const body =
          stop && (NAME_JOINERS.has(stop.key) || stop.text === ',' || stop.text === '&')
            ? orgRun(tokens, i, tokens.length - 1)
            : null;
        if (body?.body && body.last > j) {
          const whole = mentionOf(text, tokens, i, body.last);
          if (whole?.kind === 'name' && whole.type === 'organization') j = body.last;
        }
        if (j > i) {
          const m = mentionOf(text, tokens, i, j);
          // ("Shares of Pinecrest Outdoor rose": a listed firm.)
          const listed =
            /^(of|in)$/.test(tokens[i - 1]?.key ?? '') && /^(shares|stock)$/.test(tokens[i - 2]?.key ?? '');
          // (Not a place: "above Wall Street estimates".)
          const place = PLACE_WORDS.has(m?.name?.split(/\s+/).at(-1)?.toLowerCase() ?? '');
          if (m?.kind === 'name' && m.name && ((m.type === 'organization' && !place) || listed)) {
            registry.sawBody(m.name, t.start, listed);
            if (listed && m.type !== 'organization')
              registry.resolve({ ...m, type: 'organization' }, null, t.start, false);
          }
          // A subject: only capitalised words, determiners or titles between the clause start and the name.
          let clauseStart = i;
          while (clauseStart > 0 && tokens[clauseStart - 1]!.text !== ',') clauseStart--;
          const verbBefore = tokens
            .slice(clauseStart, i)
            .some(
              (w) =>
                w.word &&
                !w.cap &&
                !DETERMINERS.has(w.key) &&
                !TITLES.has(w.key) &&
                !ROLE_WORDS.has(w.key) &&
                HEAD_TYPE.get(w.key) !== 'person',
            );
          const prev = tokens[i - 1];
          if (
            prev &&
            (prev.text === '(' || /^(for|of|in|at|from|with|to|by|on|into|against|about)$/.test(prev.key))
          ) {
            // Not an antecedent yet, but "Albrektsen refused …" later makes the surname the subject.
            if (m?.kind === 'name' && m.type === 'person' && m.name?.includes(' ')) registry.remember(m);
            i = j;
            continue;
          }
          if (m?.kind === 'name' && m.type === 'organization' && !verbBefore)
            registry.mentioned(m, null, t.start, true);
          else if (m && m.kind === 'name' && m.type === 'person' && m.name?.includes(' '))
            registry.mentioned(m, null, t.start, !verbBefore);
        }
        i = j;
      }
      // "Orvane on Wednesday unveiled a folding phone": a one-word name doing what firms do is a firm.
      const firm = firmSubject(text, tokens);
      if (firm && !blocked(firm.start)) registry.sawFirm(firm.name, firm.start);
      // "The union and the employer met. They said …": the two as one group for the next "they".
      const both = tokens[0]!.cap ? coordinatedSubject(text, tokens) : null;
      if (both && !blocked(both.start)) registry.coordination(both, both.start);

      // "President Clinton released the following statement:" — a paragraph ending in a colon hands its subject to
      // the quotation that opens the next paragraph.
      const lastTok = tokens.at(-1)!;
      if (lastTok.text === ':' && !directDone && S.end === line.end && !inQuote(lastTok.start)) {
        const s = clauseSubject(text, tokens, tokens.length - 1);
        if (s) last = { ...attributeTo(s, tokens, headlineMode, lastTok, 'quote-colon'), line: li };
      }

      // Reported speech in what is left of the sentence.
      const wordsIn = tokens.filter((t) => t.word);
      // Title case ("Bush Says We Should Pay Attention") in a headline or a live-blog subheading.
      const titleCase =
        (headlineMode || (wordsIn.length >= 4 && !/[.!?]["”’]?$/.test(text.slice(S.start, S.end).trim()))) &&
        wordsIn.filter((t) => t.cap).length >= 0.6 * wordsIn.length;
      const cues = findCues(tokens, blocked, titleCase);
      if (!cues.length) continue;
      const clauseEnd = headlineMode
        ? undefined
        : (start: number, end: number, cue: Cue) => reportedClauseEnd(tokens, start, end, inQuote, cue);
      const frames: Frame[] = framesOf(text, tokens, cues, S.end, clauseEnd).filter(
        (f) => !consumed.some((r) => f.start < r.end && f.end > r.start && f.start >= r.start),
      );
      // A report's content stops where a direct quotation's attribution begins later in the sentence.
      for (const f of frames) {
        for (const r of consumed) if (r.start > f.start && r.start < f.end) f.end = r.start;
        while (f.end > f.start && /[\s,;:—–-]/.test(text[f.end - 1]!)) f.end--;
        const tail = /(,?\s+(and|but))$/.exec(text.slice(f.start, f.end));
        if (tail) f.end -= tail[0].length;
      }
      let mainSpeaker: Attributed | null = ownSpeaker;
      for (const f of frames) {
        let who: Attributed | null = null;
        const cueSpan = { start: tokens[f.cue.from]!.start, end: tokens[f.cue.to]!.end };
        if (f.inherit) {
          // "Mayor Ruiz said A. Councillor Pike hit back, calling …": a participle's speaker is its own sentence's
          // subject; the paragraph's speaker only when the sentence's subject cannot be read.
          const s = mainSpeaker ? null : mainSubject(text, tokens, f.cue.from);
          // "…, FIFA, who is under investigation, saying …": a relative clause's subject is not the sentence's.
          const main = mainSpeaker ?? (s && !s.relative ? null : sentenceSpeaker);
          if (main) who = { ...main, cue: cueSpan, rule: 'reported-participle' };
          else if (s) who = attributeTo(s, tokens, headlineMode, cueSpan, 'reported-participle');
        } else if (f.subject) {
          // "She's worked to woo Latino voters with promises to …", "Sanders has drawn huge crowds describing …": a
          // subject read out of the predicate is no speaker; the sentence's own subject is.
          // (Not through a relative pronoun: "…, echoing experts who say …" is the experts'.)
          // ("Sanders supporters have launched petitions calling on …": after a perfect's auxiliary, the subject
          // is the phrase before the auxiliary, a relative pronoun's antecedent included: "her sister, who had
          // given speeches criticizing …".)
          const at = tokens.findIndex((t) => t.start >= f.subject!.mention.start);
          const aux = at > 0 && /^(has|have|had)$/.test(tokens[at - 1]!.key) ? at - 1 : -1;
          const predicate = !f.subject.pronoun && isPredicatePhrase(f.subject.mention, tokens[at - 1]);
          const own = !predicate
            ? null
            : aux > 0
              ? subjectBefore(text, tokens, aux, 0)
              : mainSubject(text, tokens, f.cue.from);
          const subject =
            own && (aux > 0 || !own.relative) && !isPredicatePhrase(own.mention) ? own : f.subject;
          who = attributeTo(subject, tokens, headlineMode, cueSpan, f.rule);
        }
        if (!who) continue;
        const hasQuote = quotes.some((q) => q.open >= f.start && q.open < f.end);
        if (directDone && consumed.some((r) => f.start < r.end && f.end > r.start)) continue;
        emit(
          {
            kind: headlineMode ? 'headline' : hasQuote ? 'mixed' : 'indirect',
            entity: who.entity,
            mention: who.mention,
            cue: who.cue,
            rule: who.rule,
            line: li,
            run: 0,
          },
          f.start,
          f.end,
        );
        mainSpeaker = mainSpeaker ?? who;
        ownSpeaker = ownSpeaker ?? who;
        sentenceSpeaker = sentenceSpeaker ?? who;
        last = { ...who, line: li };
      }
    }
  };

  body.forEach((line, li) => {
    if (line !== headline) processLine(line, li, false);
  });
  if (headline) {
    const saved = last;
    last = null;
    registry.pass = 1;
    processLine(headline, -10, true);
    last = saved;
    // (Read last, the headline's speaker is not the one who spoke just before the lede's speech nouns.)
    registry.asked();
  }
  registry.pass = 2;
  layoutClaims(text, body, drafts, registry);
  speechNounClaims(text, body, drafts, registry);
  for (const d of drafts) d.entity = finalEntity(d.entity);
  return {
    drafts: claimUnits(text, drafts, granularity, boilerplate),
    registry,
  };
}
