import type { ExtractedSpeaker } from '../extract/types';
import { mergeAliases, speakerKey } from './speaker-key';
import type { Speaker, SpeakerId, Timestamp } from './types';

type Named = Pick<ExtractedSpeaker, 'name' | 'aliases' | 'type'>;

const FEMALE_TITLE = /^(mrs|ms|miss|dame|lady|madam|queen|princess)\.?$/i;
const MALE_TITLE = /^(mr|sir|lord|king|prince)\.?$/i;
const COORDINATION = /\s(and|&)\s/i;

/** First name, last name and the gender a title gives, of a person's name ("Mrs. Trump" → -, trump, f). */
function nameParts(name: string): { first: string | null; last: string; gender: 'm' | 'f' | null } {
  const words = name.split(/\s+/).filter(Boolean);
  let gender: 'm' | 'f' | null = null;
  while (
    words.length > 1 &&
    /^[\p{Lu}][\p{L}.]*$/u.test(words[0]!) &&
    (FEMALE_TITLE.test(words[0]!) ||
      MALE_TITLE.test(words[0]!) ||
      speakerKey(words[0]!) === '' ||
      [
        'dr',
        'prof',
        'professor',
        'rev',
        'cllr',
        'councillor',
        'sen',
        'rep',
        'gov',
        'senator',
        'president',
      ].includes(words[0]!.toLowerCase().replace(/\.$/, '')))
  ) {
    const w = words.shift()!;
    if (FEMALE_TITLE.test(w)) gender = 'f';
    else if (MALE_TITLE.test(w)) gender = 'm';
  }
  const key = speakerKey(words.join(' ')).split(' ');
  return { first: key.length > 1 ? key[0]! : null, last: key.at(-1) ?? '', gender };
}

/**
 * Could these be one person? Never when their first names differ, when titles give different genders, or when
 * either is a coordination ("Hillary Clinton and Donald Trump"). Non-people compare by key only.
 */
export function samePerson(a: Named, b: Named): boolean {
  if (a.type !== 'person' || b.type !== 'person') return true;
  if (COORDINATION.test(a.name) || COORDINATION.test(b.name))
    return speakerKey(a.name) === speakerKey(b.name);
  const pa = [a.name, ...a.aliases].map(nameParts);
  const pb = [b.name, ...b.aliases].map(nameParts);
  const firstA = pa.find((p) => p.first)?.first ?? null;
  const firstB = pb.find((p) => p.first)?.first ?? null;
  if (firstA && firstB && firstA !== firstB) return false;
  const genderA = pa.find((p) => p.gender)?.gender ?? null;
  const genderB = pb.find((p) => p.gender)?.gender ?? null;
  if (genderA && genderB && genderA !== genderB) return false;
  return pa[0]!.last === pb[0]!.last;
}

/** Both full names known and equal. */
const fullNameAgrees = (a: Named, b: Named) => {
  const x = nameParts(a.name);
  const y = nameParts(b.name);
  return !!x.first && x.first === y.first && x.last === y.last;
};

/** A surname alone ("Trump") that fits more than one library person: never guessed. */
function ambiguous(ex: Named, s: Speaker, live: readonly Speaker[]): boolean {
  if (ex.type !== 'person' || nameParts(ex.name).first) return false;
  return live.filter((o) => o.id !== s.id && o.type === 'person' && samePerson(ex, o)).length > 0;
}

/** A library speaker whose aliases hold the extracted full name, or the one person a lone surname can be. */
function aliasMatch(ex: Named, live: readonly Speaker[], fits: (s: Speaker) => boolean): Speaker | undefined {
  const key = speakerKey(ex.name);
  if (!key.includes(' ')) {
    // "Mr Voss" in a new article is the library's Harold Voss when he is the only Voss it could be.
    if (ex.type !== 'person') return undefined;
    const same = live.filter((s) => s.type === 'person' && nameParts(s.name).last === key && fits(s));
    return same.length === 1 ? same[0] : undefined;
  }
  return live.find((s) => s.aliases.some((a) => speakerKey(a) === key) && fits(s));
}

/** The keys an extracted speaker may be known by: its name's, then its aliases'. */
export function speakerLookupKeys(s: Pick<ExtractedSpeaker, 'name' | 'aliases'>): string[] {
  return [...new Set([s.name, ...s.aliases].map(speakerKey).filter((k) => k !== ''))];
}

export type SpeakerMatch = Readonly<{
  /** extracted speaker id → library speaker id */
  speakerIdOf: ReadonlyMap<string, SpeakerId>;
  /** speakers to create */
  created: readonly Speaker[];
  /** existing speakers that gained aliases, a role or a type: before and after */
  merged: readonly Readonly<{ before: Speaker; after: Speaker }>[];
}>;

function mergeInto(base: Speaker, ex: ExtractedSpeaker, now: Timestamp): Speaker {
  const aliases = mergeAliases(base.aliases, [ex.name, ...ex.aliases], [base.name]);
  const role = base.role ?? ex.role;
  const type = base.type === 'unknown' ? ex.type : base.type;
  if (aliases.length === base.aliases.length && role === base.role && type === base.type) return base;
  return { ...base, aliases, role, type, updatedAt: now };
}

/**
 * Resolves an extraction's speakers against the library: an extracted speaker whose name or alias
 * has the key of a live library speaker (or of one already resolved in this extraction) is that
 * speaker, and its other names become aliases; otherwise a new speaker is made.
 * `existing` are candidate rows (tombstoned ones are ignored; on a key shared by several, the oldest id wins).
 * `makeId` is given the new speaker's key (so an id can be derived from it).
 */
export function matchSpeakers(
  extracted: readonly ExtractedSpeaker[],
  existing: readonly Speaker[],
  makeId: (key: string) => SpeakerId,
  now: Timestamp,
): SpeakerMatch {
  const existingByKey = new Map<string, Speaker>();
  for (const s of [...existing].filter((s) => s.deletedAt === null).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!existingByKey.has(s.key)) existingByKey.set(s.key, s);
  }
  const entities = new Map<SpeakerId, { original: Speaker | null; current: Speaker }>();
  const entityOfKey = new Map<string, SpeakerId>();
  const speakerIdOf = new Map<string, SpeakerId>();

  const live = [...existing].filter((s) => s.deletedAt === null);
  for (const ex of extracted) {
    const keys = speakerLookupKeys(ex);
    const fits = (s: Speaker) => samePerson(ex, s) && !(ambiguous(ex, s, live) && !fullNameAgrees(ex, s));
    let id = keys
      .map((k) => entityOfKey.get(k))
      .find((x) => x !== undefined && fits(entities.get(x)!.current));
    if (id === undefined) {
      const found = keys.map((k) => existingByKey.get(k)).find((x) => x !== undefined && fits(x));
      const byAlias = found ?? aliasMatch(ex, live, fits);
      if (byAlias) {
        id = byAlias.id;
        if (!entities.has(id)) entities.set(id, { original: byAlias, current: byAlias });
      }
    }
    if (id !== undefined) {
      const entity = entities.get(id)!;
      entity.current = mergeInto(entity.current, ex, now);
    } else {
      const name = ex.name.trim();
      id = makeId(speakerKey(name));
      entities.set(id, {
        original: null,
        current: {
          id,
          name,
          key: speakerKey(name),
          type: ex.type,
          role: ex.role,
          aliases: mergeAliases([], ex.aliases, [name]),
          updatedAt: now,
          deletedAt: null,
        },
      });
    }
    speakerIdOf.set(ex.id, id);
    for (const k of keys) if (!entityOfKey.has(k) && k.includes(' ')) entityOfKey.set(k, id);
  }

  const created: Speaker[] = [];
  const merged: { before: Speaker; after: Speaker }[] = [];
  for (const { original, current } of entities.values()) {
    if (original === null) created.push(current);
    else if (original !== current) merged.push({ before: original, after: current });
  }
  return { speakerIdOf, created, merged };
}
