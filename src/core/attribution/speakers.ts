import type { ExtractedSpeaker, SpeakerType } from '../extract/types';
import {
  COURTESY_TITLES,
  FEMALE_NAMES,
  HEAD_TYPE,
  MALE_NAMES,
  ORG_WORDS,
  PRONOUNS,
  ROLE_WORDS,
  SHORT_TITLES,
  TITLES,
} from './lexicon';
import type { Mention } from './mention';
import { officePlace, placesIn } from './places';

/** A speaker entity as it is being built: mutable inside one extraction, frozen on output. */
export type Entity = {
  id: string;
  name: string;
  type: SpeakerType;
  role: string | null;
  aliases: string[];
  /** Lower-cased last name, for people. */
  key: string | null;
  first: string | null;
  /** 'm' or 'f' when a title or a first name says so, for he/she. */
  gender: 'm' | 'f' | null;
  /** Two bodies or people named together ("The union and the employer met"), whom only a "they" means. */
  both?: boolean;
  /** Set when this entity turned out to be another ("a senior nurse" named later): claims move to it. */
  into?: Entity;
};

/** The entity a claim belongs to in the end, after any merge. */
export const finalEntity = (e: Entity): Entity => {
  let x = e;
  while (x.into) x = x.into;
  return x;
};

function genderOf(text: string): 'm' | 'f' | null {
  const ws = text.toLowerCase().replace(/\./g, '').split(/\s+/);
  if (ws.some((w) => /^(mr|sir|lord|king|prince|father|brother|congressman|chairman|spokesman)$/.test(w)))
    return 'm';
  if (
    ws.some((w) =>
      /^(mrs|ms|miss|dame|lady|queen|princess|sister|congresswoman|chairwoman|spokeswoman)$/.test(w),
    )
  )
    return 'f';
  for (const w of ws) {
    if (MALE_NAMES.has(w)) return 'm';
    if (FEMALE_NAMES.has(w)) return 'f';
  }
  return null;
}

/** Text without format characters (a soft hyphen or zero-width space pasted inside a name: "Gonzá\u00adlez"). */
const bare = (s: string) => (/\p{Cf}/u.test(s) ? s.replace(/\p{Cf}/gu, '') : s);

const normCache = new Map<string, string>();

/** Lower-cased name without determiners, possessives or punctuation, for comparing names (memoised). */
const norm = (s: string): string => {
  let v = normCache.get(s);
  if (v === undefined) {
    v = normalise(s);
    if (normCache.size > 5000) normCache.clear();
    normCache.set(s, v);
  }
  return v;
};

const normalise = (s: string) =>
  bare(s)
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/^(the|a|an|this|these|those|his|her|their|its)\s+/, '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Party labels before a name are roles, not part of it ("Republican Donald Trump"). */
const PARTY_WORDS =
  /\b(Republican|Democrat|Democratic|Labour|Conservative|Tory|Liberal Democrat|Independent|GOP)\s+/g;

/** Words before a name that are no part of it when names are compared (titles, offices, "former", "the"). */
const NAME_TITLES: ReadonlySet<string> = new Set([
  ...COURTESY_TITLES,
  ...SHORT_TITLES,
  ...`professor senator governor president lord lady general judge justice mayor secretary chancellor minister
  former vice councillor councilor alderman congressman congresswoman the`.split(/\s+/),
]);
const isTitleWord = (w: string) => NAME_TITLES.has(w.toLowerCase().replace(/\.$/, ''));

function splitName(name: string): { first: string | null; last: string; full: string } {
  const parts = name
    .replace(PARTY_WORDS, '')
    .split(/\s+/)
    .filter((w) => !isTitleWord(w));
  const clean = parts.length ? parts : name.split(/\s+/);
  const last = clean.at(-1)!.replace(/['’]s$/, '');
  const lastKey = /^(jr|sr|ii|iii|iv|kc|qc)\.?$/i.test(last) && clean.length > 1 ? clean.at(-2)! : last;
  return {
    first: clean.length > 1 ? clean[0]!.toLowerCase() : null,
    last: lastKey.toLowerCase(),
    full: clean.join(' ').replace(/['’]s$/, ''),
  };
}

const SALIENCE = 6;

/**
 * Adjectives a lede uses of someone the next paragraph names with a fuller title ("A senior surgeon"), and the
 * level of a council ("a county councillor" is "Cllr Ann Roe, who represents Upper Calder on … County Council").
 */
const GENERIC_ADJECTIVES =
  /^(senior|former|federal|top|local|leading|veteran|longtime|retired|experienced|county|city|parish|district|borough|town)$/;

/** The words of a description up to its first preposition ("senior doctor at Medway Vale …" → senior doctor). */
function descriptionWords(name: string): string[] {
  const ws = norm(name).split(' ');
  const cut = ws.findIndex((w) => /^(of|in|at|for|from|with|on|who|whose|to)$/.test(w));
  return cut > 0 ? ws.slice(0, cut) : ws;
}

const FUNCTION_WORDS = /^(of|in|at|for|from|with|on|to|the|a|an|and|one|another|its|his|her|their)$/;

/** Callings that head an unnamed speaker in a lede ("A senior nurse has warned") though not typed as people. */
export const CALLINGS =
  /^(nurse|surgeon|physician|paramedic|firefighter|engineer|mechanic|pilot|consultant|midwife|forecaster|meteorologist)$/;

/** How far (characters) after an unnamed office in the lede its holder may be named. */
const HOLDER_REACH = 1500;

/** Titles written short before a name, read as the office they name ("Cllr" is a councillor). */
const TITLE_EXPANSION: Record<string, string> = {
  cllr: 'councillor',
  cr: 'councillor',
  coun: 'councillor',
  ald: 'alderman',
  dr: 'doctor',
  prof: 'professor',
  sen: 'senator',
  rep: 'representative',
  gov: 'governor',
  supt: 'superintendent',
  insp: 'inspector',
  det: 'detective',
};

/** A phrase's words, normalised, short titles read as their office ("Cllr Ann Vine" → councillor ann vine). */
const titleWords = (s: string) =>
  norm(s)
    .split(' ')
    .map((w) => TITLE_EXPANSION[w] ?? w);

/**
 * The head noun of an unnamed office or calling ("senior doctor at Medway Vale General Hospital" → "doctor"),
 * or null when the name is not one (a pronoun, a name).
 */
function officeHead(name: string): string | null {
  const head = descriptionWords(name).at(-1) ?? '';
  return (HEAD_TYPE.get(head) === 'person' || CALLINGS.test(head)) &&
    !/^(person|man|woman|source|official)$/.test(head)
    ? head
    : null;
}

/** The states an entity's name, role and mentions place it in. */
const placesOf = (e: Entity): string[] => [e.name, e.role ?? '', ...e.aliases].flatMap(placesIn);

/** "The Ohio governor" is not someone the article placed in another state (none placed: anyone may be). */
const placeFits = (e: Entity, place: string | undefined): boolean => {
  if (!place) return true;
  const ps = placesOf(e);
  return !ps.length || ps.includes(place);
};

const SPOKES_ROLE = /^spokes(man|woman|person)$/;

/** "spokesperson for the council" and "council spokesperson" alike: "council spokesperson" (both normalised). */
const spokesKey = (s: string): string | null => {
  const m = /^(spokes(?:man|woman|person)) (?:for|at|of) (?:the )?(\S+)$/.exec(s);
  if (m) return `${m[2]} ${m[1]}`;
  return /^\S+ spokes(man|woman|person)$/.test(s) ? s : null;
};

/** How far (characters) back a bare "A spokeswoman said" looks for the body that just spoke. */
const SPOKES_REACH = 250;

/** How far back (characters) an office no one holds looks for the named person it names another way. */
const VARIATION_REACH = 300;

/** How far back (characters) "the company" looks for the firm it means. */
const FIRM_REACH = 300;

/**
 * Words that make another office of the one they qualify: the shadow chancellor is not the chancellor, the vice
 * president not the president, a deputy mayor not the mayor.
 */
const QUALIFIERS =
  /^(shadow|opposition|former|ex|deputy|acting|vice|interim|assistant|associate|junior|outgoing|incoming|then)$/;

/**
 * The qualifier words of an office or description before its first preposition ("shadow", "deputy", "former";
 * not the "former" of "partner at his former firm"), sorted, for comparing offices.
 */
const qualifiers = (s: string): string =>
  descriptionWords(s)
    .filter((w) => QUALIFIERS.test(w))
    .sort()
    .join(' ');

/**
 * One office written inside another with a qualifier before it ("chancellor" in "shadow chancellor", "president"
 * in "former vice president"): the two are different offices. Both normalised.
 */
const qualifiedApart = (outer: string, inner: string): boolean => {
  const at = ` ${outer} `.indexOf(` ${inner} `);
  return (
    at > 0 &&
    QUALIFIERS.test(
      outer
        .slice(0, at - 1)
        .split(' ')
        .at(-1) ?? '',
    )
  );
};

/** The initials of a body's capitalised words ("World Health Organization" → WHO; "of", "for", "the" skipped). */
const initials = (name: string): string =>
  bare(name)
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(The|Of|For|And)$/.test(w))
    .map((w) => w[0])
    .join('');

/** A name or role that shows an organisation is a firm. */
const FIRM_EVIDENCE =
  /\b(inc|corp|co|ltd|plc|llc|group|holdings|foods|technologies|industries|airlines|airways|motors|pharmaceuticals|securities|insurance|logistics|brands|brewery|bakery|bakeries|dairies|rail|transport|energy|telecom|pharma|studios|systems|solutions|media|homes|ferries|railways|utilities|laboratories|enterprises|ventures|company|firm|maker|app|retailer|airline|carrier|lender|bank|insurer|supermarket|chain|manufacturer|operator|developer|brewer|publisher|broadcaster|supplier|subsidiary|conglomerate|producer|provider)\b|&/i;

/** Nouns that refer back to whichever firm was named last ("the company said"). */
const GENERIC_FIRMS =
  /^(company|firm|business|retailer|airline|carrier|lender|insurer|supermarket|chain|manufacturer|maker|operator|developer|brewer|miner|publisher|broadcaster|grocer|utility|supplier|conglomerate|startup|automaker|carmaker|giant)$/;

/** People a body has (`its backers`, `its spokesman`), which no document has (`its authors` it may). */
const PEOPLE_OF_A_BODY =
  /^(backers|supporters|members|leaders|leadership|officials|spokesman|spokeswoman|spokesperson|executives|staff|employees|critics|opponents|chairman|chairwoman|president|director|founder|founders|lawyers|lawyer|board)$/;
/** People who speak for someone without being them: "Farrow's aides" is that group, not Farrow. */
const ENTOURAGE =
  /^(aides?|lawyers?|attorneys?|allies|ally|advisers?|advisors?|officials|spokes(?:man|woman|person)|staff|staffers|team|associates|representatives)$/;

/** `pass`: the reading pass that touched it (0 the body, 1 the headline, read after it, 2 the passes after those). */
type Recent = { entity: Entity; at: number; subject: boolean; voice?: 'm' | 'f' | 'x'; pass: number };

/** The gender a recent mention gives a he/she: its spokesperson's when it came through one. */
const recentGender = (r: Recent) => (r.voice ? (r.voice === 'x' ? null : r.voice) : r.entity.gender);

/** Entities of one article, with the recent mentions that pronouns and group nouns resolve to. */
export class SpeakerRegistry {
  readonly entities: Entity[] = [];
  private made = 0;
  /** Where the lede (the first two paragraphs under the headline) ends: its unnamed offices may be named later. */
  ledeEnd = -1;
  /** Where the sentence being read starts: its own earlier speaker is never an office named after him. */
  sentenceStart = -1;
  /** Where each unnamed entity was first a speaker. */
  private firstSeen = new Map<Entity, number>();
  /** `voice`: the entity was mentioned through its spokesperson, whom he/she ('x': either) may refer to. */
  private recent: Recent[] = [];

  private make(name: string, type: SpeakerType, role: string | null): Entity {
    const e: Entity = {
      id: `s${++this.made}`,
      name: bare(name),
      type,
      role: role && bare(role),
      aliases: [],
      key: null,
      first: null,
      gender: null,
    };
    this.entities.push(e);
    return e;
  }

  /** `from` was `into` all along: its names become aliases, and its claims and recent mentions move over. */
  private absorb(from: Entity, into: Entity) {
    for (const a of [from.name, ...from.aliases]) this.alias(into, a);
    from.into = into;
    this.entities.splice(this.entities.indexOf(from), 1);
    for (const r of this.recent) if (r.entity === from) r.entity = into;
  }

  private alias(e: Entity, text: string) {
    const t = bare(text).trim();
    if (t && t !== e.name && !e.aliases.includes(t)) e.aliases.push(t);
  }

  /** The reading pass now under way (see `Recent`). */
  pass = 0;

  /**
   * The mention read last before `at`: in one pass, the one touched last (a claim's own names come after its
   * subject); across passes, the one written later (the headline, read after the body, is not the latest mention
   * before the body's third paragraph).
   */
  private lastBefore(at: number, inclusive = false): Recent | undefined {
    let best: Recent | undefined;
    for (const r of this.recent)
      if ((inclusive ? r.at <= at : r.at < at) && (!best || r.pass === best.pass || r.at > best.at)) best = r;
    return best;
  }

  private touch(e: Entity, at: number, subject: boolean, voice?: 'm' | 'f' | 'x') {
    const pass = this.pass;
    this.recent.push(voice ? { entity: e, at, subject, voice, pass } : { entity: e, at, subject, pass });
    if (this.recent.length > 40) this.recent.shift();
  }

  /** A person by name, reusing one with the same last name (and first name, when both have one). */
  person(name: string, role: string | null, at: number, subject: boolean, mentionText?: string): Entity {
    // "Sir Malcolm Reed … Sir Malcolm said": a knight or dame is called by title and first name (a peer, "Lord
    // Reed", by title and surname).
    const honour = /^(?:Sir|Dame|Lord|Lady)\s+(\p{Lu}[\p{L}'’-]*)$/u.exec(bare(mentionText ?? name).trim());
    if (honour && !splitName(bare(name)).first) {
      const w = honour[1]!.toLowerCase();
      const byFirst = this.entities.filter((x) => x.type === 'person' && x.first === w && x.key !== w);
      if (byFirst.length === 1 && !this.entities.some((x) => x.type === 'person' && x.key === w))
        return this.person(byFirst[0]!.name, role, at, subject, mentionText);
    }
    const n = splitName(bare(name));
    // "Mrs. Trump" is not Donald Trump: a title or first name that gives the other gender makes another person.
    const gender = genderOf(mentionText ?? name);
    let e = this.entities.find(
      (x) =>
        x.type === 'person' &&
        x.key === n.last &&
        (!n.first || !x.first || x.first === n.first) &&
        !(gender && x.gender && gender !== x.gender),
    );
    if (!e) {
      e = this.entities.find(
        (x) =>
          x.key === null &&
          x.role !== null &&
          role !== null &&
          norm(x.role) === norm(role) &&
          x.type === 'person',
      );
      if (e) e.name = n.full;
    }
    // "A petition started by Margaret Sowerby … Mrs Sowerby said": the full name seen before as an object.
    const seenAs = !e && !n.first ? this.remembered.get(n.last) : undefined;
    const seenGender = seenAs ? genderOf(seenAs.text) : null;
    const ownGender = genderOf(mentionText ?? name);
    if (
      seenAs?.name &&
      splitName(seenAs.name).first &&
      !(seenGender && ownGender && seenGender !== ownGender)
    )
      return this.person(seenAs.name, role ?? seenAs.role, at, subject, mentionText ?? name);
    // "Mrs. Trump" with no first name keeps the title that tells her apart from a namesake.
    const titled = !n.first && /^(Mrs|Ms|Miss|Mr)\.?\s/.exec(mentionText ?? name);
    const fresh = !e || e.role === null;
    const created = !e;
    if (!e) {
      e = this.make(titled ? `${titled[0]}${n.full}` : n.full, 'person', role);
      this.firstSeen.set(e, at);
    }
    // "A senior nurse has warned … Helen Marsh, a senior nurse at the infirmary, said": an office or calling that
    // spoke before anyone held it by name is the person named later whose role or title first shows its head.
    if (fresh) {
      const u =
        this.unnamedHolder(`${role ?? ''} ${mentionText ?? name}`, this.firstSeen.get(e) ?? at, role) ??
        (titled && created && !this.remembered.has(n.last) ? this.onlyUnnamedOffice(at, gender) : undefined);
      if (u && u !== e) {
        this.absorb(u, e);
        // ("Mr Pryor" keeps what the lede called him as his role.)
        if (titled && !e.role && !role) e.role = u.role ?? u.name;
      }
    }
    e.key = n.last;
    e.gender ??= genderOf(mentionText ?? name);
    if (n.first && !e.first) e.first = n.first;
    if (n.full.split(' ').length > e.name.split(' ').length) {
      this.alias(e, e.name);
      e.name = n.full;
    }
    if (role && !e.role && /\p{L}{3}/u.test(role)) e.role = bare(role);
    this.alias(e, mentionText ?? name);
    this.touch(e, at, subject);
    return e;
  }

  /**
   * The one person entity still unnamed (an office or a calling: "senior nurse", "federal judge in Cleveland")
   * whose head noun is among the words of a named person's role and title; undefined when none or two fit.
   */
  private unnamedHolder(evidence: string, at: number, role: string | null = null): Entity | undefined {
    const words = new Set(titleWords(evidence));
    // Every word of the description must be there ("the Florida senator" is not Sen. Rand Paul, "a Democratic
    // senator" not Sen. John Cornyn), not only its head.
    const fit = this.entities.filter((x) => {
      if (x.key !== null || (x.type !== 'person' && x.type !== 'unknown') || x.name === 'the author')
        return false;
      // Only the lede's: an indefinite source later in a story is most often one who stays anonymous ("said a
      // longtime adviser, who asked not to be named"), and the holder is named within a few paragraphs.
      const seen = this.firstSeen.get(x);
      if (seen === undefined || seen > this.ledeEnd || at < seen || at - seen > HOLDER_REACH) return false;
      // The first person named after it: "The energy secretary has said … Rachel Ashworth-Kemp said …" is not the
      // shadow energy secretary named next.
      if (
        this.entities.some(
          (y) => y.key !== null && (this.firstSeen.get(y) ?? -2) > seen && (this.firstSeen.get(y) ?? -2) < at,
        )
      )
        return false;
      const head = officeHead(x.name);
      return (
        !!head &&
        // "The chancellor has confirmed … The shadow chancellor, Mel Stride, said": another office.
        qualifiers(x.name) === qualifiers(role ?? evidence) &&
        // "Fernvale's city manager has warned … The manager, Priya Ostrander, told": a role that is the bare head
        // of the lede's office points back to it, as a definite appositive does.
        (norm(role ?? '') === head ||
          descriptionWords(x.name).every(
            (w) => FUNCTION_WORDS.test(w) || GENERIC_ADJECTIVES.test(w) || words.has(w),
          ))
      );
    });
    return fit.length === 1 ? fit[0] : undefined;
  }

  /**
   * "The former chief engineer of Northwater told the inquiry … Mr Pryor said": a person the article first calls by
   * courtesy title and surname alone was introduced before by what he is. The one unnamed office or calling of the
   * lede that spoke (none when two did, or when its gender is the other one).
   */
  private onlyUnnamedOffice(at: number, gender: 'm' | 'f' | null): Entity | undefined {
    // Offices whose head a named person's role or title already holds ("The commissioner, Paul Whitcombe").
    const held = new Set(
      this.entities
        .filter((y) => y.key !== null)
        .flatMap((y) => titleWords([y.role ?? '', ...y.aliases].join(' '))),
    );
    const fit = this.entities.filter((x) => {
      if (x.key !== null || (x.type !== 'person' && x.type !== 'unknown')) return false;
      const seen = this.firstSeen.get(x);
      const head = officeHead(x.name);
      return (
        seen !== undefined &&
        seen <= this.ledeEnd &&
        at > seen &&
        at - seen <= HOLDER_REACH &&
        !!head &&
        !held.has(head) &&
        !(gender && x.gender && gender !== x.gender)
      );
    });
    return fit.length === 1 ? fit[0] : undefined;
  }

  /** The entity whose role (or name) contains this office, e.g. "the police and crime commissioner". */
  byRole(role: string): Entity | undefined {
    const r = norm(role);
    if (!r) return undefined;
    const fit = this.entities.filter(
      (x) =>
        // (A body that spoke through a spokesman has the role "spokesman": "a Clinton campaign spokesman" is not it.)
        (x.role &&
          // ("the chancellor" is not the shadow chancellor, "the president" not the vice president.)
          ((norm(x.role).includes(r) && !qualifiedApart(norm(x.role), r)) ||
            (r.includes(norm(x.role)) &&
              !qualifiedApart(r, norm(x.role)) &&
              // (An unnamed "spokesperson" is not the one a "police spokesperson" names.)
              !SPOKES_ROLE.test(norm(x.role)) &&
              !(x.type !== 'person' && SPOKES_ROLE.test(x.role))))) ||
        x.aliases.some((a) => norm(a) === r) ||
        norm(x.name) === r ||
        (!!x.role && !!spokesKey(r) && spokesKey(norm(x.role)) === spokesKey(r)),
    );
    const place = officePlace(role)?.place;
    if (place) fit.splice(0, fit.length, ...fit.filter((x) => placeFits(x, place)));
    // ("A spokesperson said" after a council's and a police spokesperson: either one.)
    if (
      fit.length > 1 &&
      SPOKES_ROLE.test(r) &&
      fit.some((x) => norm(x.role ?? '') !== norm(fit[0]!.role ?? ''))
    )
      return undefined;
    return fit[0];
  }

  /**
   * "the governor" after "Gov. Frank Delgado", "the superintendent" after "Supt. Gareth Lomax", "the professor" after
   * "Prof. Ann Roe": the one named person whose role or written title (a short title read as its office) holds every
   * word of the office, with the same qualifiers ("the governor" is not "former Gov. Ann Roe"); none when two fit.
   */
  private byTitle(office: string): Entity | undefined {
    // (A bare office only: "the president of Judicial Watch" is not Bill Clinton.)
    if (descriptionWords(office).length !== norm(office).split(' ').length) return undefined;
    const ws = descriptionWords(office).filter((w) => !FUNCTION_WORDS.test(w));
    const head = ws.at(-1);
    if (!head || !(HEAD_TYPE.get(head) === 'person' || ROLE_WORDS.has(head) || TITLES.has(head)))
      return undefined;
    const q = qualifiers(office);
    const place = officePlace(office)?.place;
    const fit = this.entities.filter(
      (x) =>
        x.type === 'person' &&
        x.key !== null &&
        placeFits(x, place) &&
        [x.role ?? '', ...x.aliases].some((f) => {
          const fw = titleWords(f);
          return ws.every((w) => fw.includes(w)) && qualifiers(f) === q;
        }),
    );
    return fit.length === 1 ? fit[0] : undefined;
  }

  /** "The Ohio governor" after "Ohio Gov. John Kasich": the one named person placed there who holds the office. */
  private placedHolder(place: string, office: string[]): Entity | undefined {
    const fit = this.entities.filter((x) => {
      if (x.type !== 'person' || x.key === null || !placesOf(x).includes(place)) return false;
      const held = titleWords([x.role ?? '', ...x.aliases].join(' '));
      return office.every((w) => held.includes(w));
    });
    return fit.length === 1 ? fit[0] : undefined;
  }

  /** Most recent entity of one of these types among the last few mentions before `before`. */
  recentOf(
    types: readonly SpeakerType[],
    before: number,
    gender: 'm' | 'f' | null = null,
  ): Entity | undefined {
    // A body mentioned through its spokeswoman is a "she" for as long as she is the latest mention.
    const genderOfRecent = recentGender;
    const list = this.recent
      .filter(
        (r) =>
          r.at <= before &&
          (types.includes(r.entity.type) || (!!r.voice && types.includes('person'))) &&
          // An unresolved "They" kept as a speaker of its own is nobody a later "he" can mean; two bodies named
          // together are only a "they".
          !PRONOUNS.has(r.entity.name.toLowerCase()) &&
          !(r.entity.both && !types.includes('person')) &&
          !(gender && genderOfRecent(r) && genderOfRecent(r) !== gender),
      )
      .sort((a, b) => a.at - b.at)
      .slice(-SALIENCE);
    const last = list.at(-1);
    if (!last) return undefined;
    // "she" prefers someone known to be a woman over someone of unknown gender, within the same few mentions.
    if (gender && genderOfRecent(last) !== gender) {
      const known = list.filter((r) => genderOfRecent(r) === gender).at(-1);
      if (known && last.at - known.at < 120) return known.entity;
    }
    // Prefer the latest subject when it is close to the latest mention of any kind.
    const subject = list.filter((r) => r.subject).at(-1);
    if (subject && subject.entity !== last.entity && last.at - subject.at < 100) return subject.entity;
    return last.entity;
  }

  /** "his campaign": the latest person among the recent mentions known to be of this gender. */
  recentKnown(gender: 'm' | 'f', before: number): Entity | undefined {
    return this.recent
      .filter((r) => r.at <= before && (r.entity.type === 'person' || !!r.voice))
      .slice(-2 * SALIENCE)
      .filter((r) => recentGender(r) === gender)
      .at(-1)?.entity;
  }

  /** An entity sharing a content word with this office ("Police chief" ~ "Police and Crime Commissioner"). */
  byWord(phrase: string, type?: SpeakerType): Entity | undefined {
    const ws = norm(phrase)
      .split(' ')
      .filter((w) => w.length > 3 && !/^(chief|head|boss|leader|official|former)$/.test(w));
    if (!ws.length) return undefined;
    const fits = this.entities.filter((x) => {
      const hay = norm([x.name, x.role ?? '', ...x.aliases].join(' ')).split(' ');
      return ws.some((w) => hay.includes(w));
    });
    // ("Home Affairs boss" is the Home Affairs secretary: an office holder of that type first.)
    return fits.find((x) => x.type === type && x.role) ?? fits.find((x) => x.type === type) ?? fits[0];
  }

  /**
   * A headline's bare noun ("Poll: levy trailing", "Mechanic tells jury …") read after the body: the one entity of
   * its kind whose name holds the noun ("Marlow College poll", "former mechanic at Lakeview Transit"), else none.
   */
  byHead(m: Mention): Entity | undefined {
    const words = norm(m.text).split(' ');
    if (words.length !== 1 || m.kind === 'pronoun') return undefined;
    const head = words[0]!;
    if (!HEAD_TYPE.has(head) && !CALLINGS.test(head)) return undefined;
    const kind = (t: SpeakerType) => (t === 'unknown' ? 'person' : t);
    // The noun must head the other's name ("survey for the Upland Farmers' Union"), not sit inside it.
    const fit = this.entities.filter((x) => {
      const w = descriptionWords(x.name).at(-1);
      return (
        kind(x.type) === kind(m.type) &&
        norm(x.name) !== head &&
        (w === head || w === `${head}s` || `${w}s` === head)
      );
    });
    return fit.length === 1 ? fit[0] : undefined;
  }

  /** The named person a claim was last given to, and where: an office right after may name him another way. */
  private spoke: { entity: Entity; at: number } | undefined;

  /** The last claim asked a question: the office that answers is someone else. */
  asked() {
    this.spoke = undefined;
  }

  /** Resolves a mention to an entity (creating one when nothing earlier fits). */
  resolve(m: Mention, role: string | null, at: number, subject = true): Entity {
    const e = this.resolveInner(m, role, at);
    // (Only a subject speaks: "claims by Tom Hale" does not make the next office Tom Hale.)
    if (subject && e.type === 'person' && e.key !== null) this.spoke = { entity: e, at };
    if (e.key === null && !this.firstSeen.has(e)) this.firstSeen.set(e, at);
    if (m.kind !== 'pronoun') this.alias(e, m.text);
    if (role && !e.role && e.type === 'person') e.role = bare(role);
    if (m.voice && !e.role) e.role = m.role && bare(m.role);
    // "she said" of a spokeswoman stays her body's voice for the next pronoun too.
    // ("The Water company disputed it. A spokesman said …": a bare spokesman who is the body's voice, too.)
    const voice =
      m.voice ??
      (m.kind === 'pronoun' && e.type === 'organization' && (m.head === 'he' || m.head === 'she')
        ? m.head === 'he'
          ? 'm'
          : 'f'
        : m.kind === 'nominal' && e.type === 'organization' && SPOKES_ROLE.test(m.head)
          ? m.head.endsWith('woman')
            ? 'f'
            : m.head.endsWith('man')
              ? 'm'
              : 'x'
          : undefined);
    this.touch(e, at, subject, voice);
    return e;
  }

  /**
   * The body or office a lower-case noun refers back to ("the agency", "the firm", "the minister"): the latest
   * entity whose name, role or aliases hold the noun, or for a generic firm noun the latest organisation.
   */
  backTo(noun: string, at: number): Entity | undefined {
    const person = HEAD_TYPE.get(noun) === 'person' || ROLE_WORDS.has(noun) || TITLES.has(noun);
    const generic = GENERIC_FIRMS.test(noun);
    const fits = (x: Entity) =>
      (person ? x.type === 'person' : x.type === 'organization') &&
      (generic ||
        [x.name, x.role ?? '', ...x.aliases].some(
          (f) =>
            // ("a spokesman for the chancellor" is not the shadow chancellor's.)
            !(person && qualifiers(f)) &&
            norm(f)
              .split(' ')
              .some((w) => w === noun || w === `${noun}s`),
        ));
    const recent = this.recent.filter((r) => r.at <= at).reverse();
    // Two different bodies fit ("the county council" and "the parish council" both named): the noun alone cannot
    // tell which one, so it resolves to neither.
    if (!generic && new Set(this.entities.filter(fits)).size > 1) return undefined;
    // A generic "the company" means the firm named just before (nothing else mentioned since), and one the article
    // shows to be a firm.
    if (generic) {
      const last = this.lastBefore(at, true);
      // ("Shares in Halden Logistics rose. The company said": a firm named since, though not as a subject.)
      const since = this.bodies.filter((b) => b.at < at && b.at > (last?.at ?? -1)).at(-1);
      if (since)
        return at - since.at <= FIRM_REACH && (FIRM_EVIDENCE.test(since.name) || this.listed.has(since.name))
          ? (this.entities.find((x) => x.type === 'organization' && norm(x.name) === norm(since.name)) ??
              this.make(since.name, 'organization', null))
          : undefined;
      return last &&
        at - last.at <= FIRM_REACH &&
        fits(last.entity) &&
        // (Not "the company" no firm was found for: "The online retail giant" is not the company before.)
        !this.unnamedFirms.has(last.entity) &&
        (FIRM_EVIDENCE.test([last.entity.name, last.entity.role ?? '', ...last.entity.aliases].join(' ')) ||
          this.listed.has(last.entity.name))
        ? last.entity
        : undefined;
    }
    return recent.map((r) => r.entity).find(fits) ?? this.entities.slice().reverse().find(fits);
  }

  /** "Farrow's aides": one entity per owner and head, named after the owner's full name. */
  private entourage(owner: Entity, m: Mention): Entity {
    const [, mark = '’', whole = m.text.replace(/^\S+\s+/, '')] = /^.*?(['’])s\s+(.*)$/s.exec(m.text) ?? [];
    // ("her lawyers in a court filing": up to the head noun.)
    const own = whole.slice(0, whole.toLowerCase().indexOf(m.head) + m.head.length);
    const name = `${owner.name}${mark}s ${own}`;
    const found = this.entities.find((x) => x.name === name);
    if (found) return found;
    const e = this.make(name, m.type === 'person' ? 'person' : 'group', m.type === 'person' ? own : null);
    this.alias(e, m.text);
    return e;
  }

  private resolveInner(m: Mention, role: string | null, at: number): Entity {
    if (m.refers) {
      const back = this.backTo(m.refers, at);
      if (back) return back;
      // Nothing named before: the spokesperson as an unnamed person, as before.
      const own = m.text.replace(/^(the|a|an)\s+/i, '');
      return this.resolveInner(
        {
          ...m,
          kind: 'nominal',
          name: null,
          type: 'person',
          role: own,
          head: m.role ?? m.head,
          refers: undefined,
          voice: undefined,
        },
        // ("A spokesperson for the police" is not the council's: the whole description is the role.)
        own,
        at,
      );
    }
    // "The Hockey Association said in a statement … A spokeswoman said …": a bare spokesperson right after a body
    // spoke is the body's voice (as "a spokeswoman for the association" would be).
    if (m.kind === 'nominal' && /^(a|an|the)\s+spokes(man|woman|person)$/i.test(m.text)) {
      const last = this.lastBefore(at);
      if (last && last.entity.type === 'organization' && at - last.at <= SPOKES_REACH) return last.entity;
      // ("Cameron's spokesman said … the spokesman said": the one last named, whoever he speaks for.)
      const named = /^the\s/i.test(m.text)
        ? this.recent.findLast(
            (r) =>
              r.entity.type === 'person' &&
              SPOKES_ROLE.test(
                norm(r.entity.role ?? '')
                  .split(' ')
                  .at(-1) ?? '',
              ) &&
              r.at < at,
          )
        : undefined;
      if (named) return named.entity;
    }
    // "the company said", "the firm said": the latest organisation.
    if (m.kind === 'nominal' && !m.owner) {
      // ("the outdoor retailer": lower-case modifiers before the noun.)
      const generic = /^(?:[Tt]he|[Tt]his)\s+(?:[\p{Ll}-]+\s+){0,2}(\p{Ll}+)$/u.exec(m.text);
      if (generic && GENERIC_FIRMS.test(generic[1]!)) {
        const back = this.backTo(generic[1]!, at);
        if (back) return back;
        // (Not the firm that the words "the company" last meant: another was named since, or none is near.)
        const own = norm(m.text);
        const found = this.entities.find((x) => norm(x.name) === own);
        if (found) return found;
        const made = this.make(own, 'organization', null);
        this.unnamedFirms.add(made);
        return made;
      }
    }
    if (m.kind === 'pronoun') {
      const types: SpeakerType[] =
        m.head === 'he' || m.head === 'she'
          ? ['person', 'unknown']
          : m.head === 'it'
            ? ['organization', 'document', 'group']
            : m.head === 'they'
              ? ['group', 'organization', 'person', 'document']
              : [];
      const gender = m.head === 'he' ? 'm' : m.head === 'she' ? 'f' : null;
      const found = types.length ? this.recentOf(types, at, gender) : undefined;
      if (found) {
        if (gender && found.type === 'person') found.gender ??= gender;
        return found;
      }
      const anon = m.head === 'i' || m.head === 'we' || m.head === 'you' ? 'the author' : m.text;
      return (
        this.entities.find((x) => x.name.toLowerCase() === anon.toLowerCase()) ??
        this.make(anon, 'unknown', null)
      );
    }
    // "Clinton and Trump say …": a claim of both, never merged into either.
    if (
      m.kind === 'name' &&
      m.type === 'person' &&
      /^\p{Lu}[^,]*\s(and|&)\s\p{Lu}/u.test(m.text) &&
      // "Bramwell & Co analyst Kate Oduya": an ampersand outside the name belongs to a firm before her role.
      !(!/\sand\s/.test(m.text) && !(m.name ?? '').includes('&')) &&
      !/^the\s/i.test(m.text) &&
      !m.text.split(/\s+/).some((w) => ORG_WORDS.has(w.toLowerCase()))
    ) {
      const both = m.text.replace(PARTY_WORDS, '').replace(/\s+/g, ' ').trim();
      return this.entities.find((x) => x.name === both) ?? this.make(both, 'group', null);
    }
    // "Pinecrest Outdoor … Pinecrest said": one word that opens a body's name, and no person's surname, is the body.
    if (m.kind === 'name' && m.type === 'person' && m.name && !/\s/.test(m.name) && m.text === m.name) {
      const key = m.name.toLowerCase();
      const body = this.entities.filter(
        (x) =>
          x.type === 'organization' &&
          norm(x.name).split(' ').length > 1 &&
          norm(x.name).split(' ')[0] === key,
      );
      if (
        body.length === 1 &&
        (this.listed.has(body[0]!.name) || FIRM_EVIDENCE.test(body[0]!.name)) &&
        !this.entities.some((x) => x.type === 'person' && x.key === key)
      )
        return body[0]!;
    }
    if (m.kind === 'name' && m.type === 'person' && m.name)
      return this.person(m.name, role ?? m.role, at, true, m.text);
    // "OTIS:" in a transcript, "Marsh said" (a place word): one word that is the surname of a person already named
    // is that person, not a body.
    if (m.kind === 'name' && m.name && !/\s/.test(m.name)) {
      const key = m.name.toLowerCase();
      const known = this.entities.find((x) => x.type === 'person' && x.key === key);
      if (known) return known;
    }
    // ("Ohio's state-owned utility Buckeye Water": a body with a name of its own is that body, not its owner.)
    if (m.owner && !(m.kind === 'name' && m.name && !m.name.includes(m.owner))) {
      const owner = m.owner.toLowerCase();
      const o =
        owner === 'their'
          ? this.recentOf(['group', 'organization'], at)
          : owner === 'his' || owner === 'her'
            ? (this.recentKnown(owner === 'his' ? 'm' : 'f', at) ?? this.recentOf(['person'], at))
            : owner === 'its'
              ? // ("…emails showed the trust knew it. But its backers say …": people belong to a body, not a document.)
                ((PEOPLE_OF_A_BODY.test(m.head) ? this.recentOf(['organization'], at) : undefined) ??
                this.recentOf(['organization', 'document', 'group'], at))
              : this.entities.find((x) => x.key === owner || norm(x.name) === owner);
      if (o?.type === 'person' && ENTOURAGE.test(m.head)) return this.entourage(o, m);
      if (o) return o;
    }
    const placed = m.type === 'person' && m.kind === 'nominal' ? officePlace(m.text) : null;
    const holder = placed && this.placedHolder(placed.place, placed.office);
    if (holder) return holder;
    const key = norm(m.name ?? m.text);
    const same = this.entities.find((x) => norm(x.name) === key || x.aliases.some((a) => norm(a) === key));
    // ("Halden Aggregates" met in running text as a person's name, then "The operator, Halden Aggregates, says":
    // the body it is, when nothing showed it to be a person.)
    if (same && m.kind === 'name' && m.type === 'organization' && same.type === 'person' && !same.gender) {
      same.type = 'organization';
      same.key = null;
      same.first = null;
    }
    if (same) return same;
    // "the World Health Organization … the WHO said": an acronym of a body named before is that body.
    const acronym = /^(?:[Tt]he\s+)?(\p{Lu}{2,6})$/u.exec(bare(m.text).trim())?.[1];
    if (acronym) {
      const fit = this.entities.filter((x) => x.type === 'organization' && initials(x.name) === acronym);
      if (fit.length === 1) return fit[0]!;
    }
    if (m.type === 'person') {
      const r =
        this.byRole(m.text) ??
        (m.kind === 'nominal' && /^the\s/i.test(m.text) ? this.byTitle(m.text) : undefined);
      if (r) return r;
    }
    if (m.type === 'group' || m.type === 'organization') {
      // "the group", "the councillors", "the group of councillors" refer back to a group already named.
      const words = key.split(' ').filter((w) => w.length > 3);
      const back = this.entities
        .slice()
        .reverse()
        .find(
          (x) =>
            (x.type === 'group' || x.type === 'organization') &&
            !x.both &&
            // ("the county budget office" is not "early results of a county survey": a shared modifier is not enough.)
            !(
              x.type === 'group' &&
              m.type === 'organization' &&
              !words.includes(norm(x.name).split(' ').at(-1)!)
            ) &&
            words.some(
              (w) =>
                norm(x.name).split(' ').includes(w) || norm(x.name).split(' ').includes(w.replace(/s$/, '')),
            ),
        );
      // "The Property Council" is not "the Council of Social Service": a name's own words must all be the other's.
      // (Its words from its first capitalised one: "only reason the Government Development Bank" is the bank.)
      const from = m.text.search(/(?<![\p{L}])(?!The\b)\p{Lu}/u);
      const own = norm(from >= 0 ? m.text.slice(from) : m.text).split(' ');
      const named =
        m.kind === 'name' &&
        !own.every((w) =>
          norm(back?.name ?? '')
            .split(' ')
            .includes(w),
        );
      if (back && !named && /^(the|this|these|its|their)\b/i.test(m.text)) return back;
      if (m.type === 'group' && /^the\s+group$/i.test(m.text)) {
        const g = this.recentOf(['group'], at);
        if (g) return g;
      }
    }
    if (m.type === 'document' && /^the\b/i.test(m.text)) {
      const d = this.entities
        .slice()
        .reverse()
        .find((x) => x.type === 'document' && norm(x.name).split(' ').includes(m.head));
      if (d) return d;
    }
    const name = (m.name ?? m.text)
      .replace(/^(the|a|an|this|these|those)\s+(?!who\b)/i, '')
      .replace(/^group of\s+/i, '');
    // "The NEU says … the National Education Union (NEU) has announced": the body its acronym named before.
    if (m.type === 'organization') {
      const short = initials(name);
      const fit =
        short.length >= 2 ? this.entities.filter((x) => x.type === 'organization' && x.name === short) : [];
      if (fit.length === 1) {
        const x = fit[0]!;
        x.name = bare(name);
        this.alias(x, short);
        return x;
      }
    }
    if (m.kind === 'nominal' && m.type === 'person' && !m.owner && /^the\s/i.test(m.text)) {
      const v = this.variation(m, at);
      if (v) return v;
    }
    return this.make(name, m.type, m.type === 'person' ? (role ?? m.role) : null);
  }

  /**
   * "Ferrante said … The congressman added that …", "Her shadow, Martin Greaves, said … The Conservative MP for
   * Harrowby added": an office no one holds yet, right after a named person spoke as subject, is that person named
   * another way (of the same gender, and with no other office as role).
   */
  private variation(m: Mention, at: number): Entity | undefined {
    const head = m.head;
    if (
      !(HEAD_TYPE.get(head) === 'person' || ROLE_WORDS.has(head) || TITLES.has(head)) ||
      SPOKES_ROLE.test(head) ||
      /^(person|man|woman|source|official|people|resident|voter|aide|adviser|advisor|friend|lawyer|attorney|host|moderator|anchor|interviewer)$/.test(
        head,
      )
    )
      return undefined;
    // ("The Brennan Center for Justice", "The New Hampshire Union Leader": a body's name, not an office.)
    if (
      norm(m.text)
        .split(' ')
        .some((w) => ORG_WORDS.has(w) || HEAD_TYPE.get(w) === 'organization')
    )
      return undefined;
    // The person who last spoke, and no one mentioned since ("De Blasio disbanded the unit. … the Republican
    // presidential candidate said" is not De Blasio).
    const spoke = this.spoke;
    const last = this.lastBefore(at);
    const e = spoke?.entity;
    if (!spoke || !e || last?.entity !== e || spoke.at >= at || at - spoke.at > VARIATION_REACH)
      return undefined;
    // ("As Ed Lo called for a pause, the mayor said …": a new subject in the same sentence is someone else.)
    if (spoke.at >= this.sentenceStart && this.sentenceStart >= 0 && at >= this.sentenceStart)
      return undefined;
    const g = genderOf(m.text);
    if (g && e.gender && g !== e.gender) return undefined;
    if (!placeFits(e, officePlace(m.text)?.place)) return undefined;
    const held = titleWords([e.role ?? '', ...e.aliases].join(' '));
    const otherOffice = e.role ? officeHead(e.role) : null;
    if (otherOffice && otherOffice !== head && !held.includes(head)) return undefined;
    // ("Former Gov. Ruth Harlan said … The governor said": the office she holds with another qualifier is another.)
    const q = qualifiers(m.text).split(' ');
    const otherQualifier = (f: string) => {
      const fw = titleWords(f);
      const k = fw.indexOf(head);
      return k > 0 && QUALIFIERS.test(fw[k - 1]!) && !q.includes(fw[k - 1]!);
    };
    if ([e.role ?? '', ...e.aliases].some(otherQualifier)) return undefined;
    this.alias(e, m.text);
    return e;
  }

  /** "The union and the employer met": both, as one group that is the latest subject for a later "they". */
  coordination(m: Mention, at: number) {
    const e = this.entities.find((x) => x.name === m.name) ?? this.make(m.name ?? m.text, 'group', null);
    e.both = true;
    this.alias(e, m.text);
    this.touch(e, at, true);
  }

  /** "The chancellor is on her feet.": an office already known opens a sentence and becomes the latest subject. */
  touchOffice(m: Mention, at: number) {
    const key = norm(m.text);
    const e =
      this.entities.find((x) => norm(x.name) === key || x.aliases.some((a) => norm(a) === key)) ??
      this.byRole(m.text);
    if (e) this.touch(e, at, true);
  }

  /** A known person named by surname alone ("MacLeish laughs") becomes the latest subject. */
  touchKey(key: string, at: number) {
    const e = this.entities.find((x) => x.type === 'person' && x.key === key);
    if (e) this.touch(e, at, true);
    else {
      const m = this.remembered.get(key);
      if (m?.name) this.person(m.name, m.role, at, true, m.text);
    }
  }

  private remembered = new Map<string, Mention>();

  /** Bodies named in running text, subjects or not, for "the company" to mean the latest firm. */
  private bodies: { name: string; at: number }[] = [];

  /** Entities made of a generic firm noun that meant no firm named before ("the company"). */
  private unnamedFirms = new Set<Entity>();

  /** Firms the article shows to be listed ("Shares of Pinecrest Outdoor rose"). */
  private listed = new Set<string>();

  /** A body's name seen in running text ("Shares in Halden Logistics fell"); `listed` when its shares are. */
  sawBody(name: string, at: number, listed = false) {
    if (listed) this.listed.add(name);
    this.bodies.push({ name, at });
    if (this.bodies.length > 40) this.bodies.shift();
  }

  /** A firm named by one word ("Orvane on Wednesday unveiled …"), unless a person has that surname. */
  sawFirm(name: string, at: number) {
    if (!this.entities.some((x) => x.type === 'person' && x.key === name.toLowerCase()))
      this.sawBody(name, at, true);
  }

  /** A person named as an object ("spoke to manager Jens Albrektsen"): known by surname, not yet an antecedent. */
  remember(m: Mention) {
    if (m.name) this.remembered.set(splitName(m.name).last, m);
  }

  /** Records a mention seen in running text, so later pronouns can resolve to it. */
  mentioned(m: Mention, role: string | null, at: number, subject = false) {
    if (m.kind === 'name' && m.type === 'person' && m.name) this.person(m.name, role, at, subject, m.text);
    else if (m.kind === 'name' && m.type === 'organization' && subject) this.resolve(m, null, at, true);
  }

  output(used: ReadonlySet<string>): ExtractedSpeaker[] {
    return this.entities
      .filter((e) => used.has(e.id))
      .map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        role: e.role,
        aliases: e.aliases.filter((a) => a !== e.name),
      }));
  }
}
