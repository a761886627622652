import { HEAD_TYPE, ROLE_WORDS, TITLES } from './lexicon';

/** US states written alone (not Georgia, Virginia or Washington, which are names of people and a city too). */
export const US_STATES: readonly string[] = `alabama|alaska|arizona|arkansas|california|colorado|connecticut|
delaware|florida|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|
michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|
north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|
texas|utah|vermont|west virginia|wisconsin|wyoming`
  .split(/\|\s*/)
  .map((w) => w.trim());

/** US state abbreviations as news copy writes them ("Mich.", "N.C.", "Calif."), and the state each names. */
const ABBREVIATED: Record<string, string> = {
  ala: 'alabama',
  ariz: 'arizona',
  ark: 'arkansas',
  calif: 'california',
  colo: 'colorado',
  conn: 'connecticut',
  del: 'delaware',
  fla: 'florida',
  ga: 'georgia',
  ill: 'illinois',
  ind: 'indiana',
  kan: 'kansas',
  ky: 'kentucky',
  la: 'louisiana',
  md: 'maryland',
  mass: 'massachusetts',
  mich: 'michigan',
  minn: 'minnesota',
  miss: 'mississippi',
  mo: 'missouri',
  mont: 'montana',
  neb: 'nebraska',
  nev: 'nevada',
  'n.h': 'new hampshire',
  'n.j': 'new jersey',
  'n.m': 'new mexico',
  'n.y': 'new york',
  'n.c': 'north carolina',
  'n.d': 'north dakota',
  okla: 'oklahoma',
  ore: 'oregon',
  pa: 'pennsylvania',
  'r.i': 'rhode island',
  's.c': 'south carolina',
  's.d': 'south dakota',
  tenn: 'tennessee',
  tex: 'texas',
  vt: 'vermont',
  va: 'virginia',
  wash: 'washington',
  'w.va': 'west virginia',
  wis: 'wisconsin',
  wyo: 'wyoming',
  'd.c': 'district of columbia',
};

/** Is this text (a state after a town: "Flint, Mich.") an abbreviated state? */
export const isStateAbbreviation = (s: string): boolean =>
  /^\p{Lu}/u.test(s) && s.replace(/\.$/, '').toLowerCase() in ABBREVIATED;

/** States an office can be held in: the ones written alone and the ones that are also people's names. */
const OFFICE_STATES = [...US_STATES, 'georgia', 'virginia', 'washington'];
const STATE_WORDS = new RegExp(`\\b(${OFFICE_STATES.join('|')})\\b`, 'gi');
/** "R-Fla.", "D-Ohio", "I-Vt.": a party and state label. */
const PARTY_STATE = /\b[RDI]-(\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)/gu;

const placeCache = new Map<string, readonly string[]>();

/**
 * The states a person's name or title as written places him in ("Ohio Gov. John Kasich", "Gov. Chris Christie of
 * New Jersey", "Sen. Ann Roe, R-Fla."), lower-case.
 */
export function placesIn(text: string): readonly string[] {
  let found = placeCache.get(text);
  if (found) return found;
  const out = new Set<string>();
  for (const m of text.matchAll(STATE_WORDS)) out.add(m[1]!.toLowerCase().replace(/\s+/g, ' '));
  for (const m of text.matchAll(PARTY_STATE)) {
    const label = m[1]!.replace(/\.$/, '').toLowerCase();
    const state = ABBREVIATED[label] ?? (OFFICE_STATES.includes(label) ? label : undefined);
    if (state) out.add(state);
  }
  found = [...out];
  if (placeCache.size > 2000) placeCache.clear();
  placeCache.set(text, found);
  return found;
}

/** Words between the article and a place that leave the office the same one ("the former Ohio governor"). */
const BEFORE_PLACE = /^(former|independent|republican|democratic|democrat|gop|then|longtime|veteran)$/i;

/**
 * "The Ohio governor", "Texas's attorney general", "the former Pennsylvania senator": an office that names the state
 * it is held in. The state (lower-case) and the office's own words, or null when the phrase is no such office.
 */
export function officePlace(text: string): { place: string; office: string[] } | null {
  const words = text.trim().split(/\s+/);
  let i = /^(the|a|an)$/i.test(words[0] ?? '') ? 1 : 0;
  while (i < words.length && BEFORE_PLACE.test(words[i]!)) i++;
  for (const size of [2, 1]) {
    const placeWords = words.slice(i, i + size);
    if (placeWords.length < size || !placeWords.every((w) => /^\p{Lu}/u.test(w))) continue;
    const place = placeWords
      .join(' ')
      .replace(/['’]s?$/, '')
      .toLowerCase();
    if (!OFFICE_STATES.includes(place)) continue;
    const office = words.slice(i + size);
    const head = office.at(-1) ?? '';
    if (
      office.length &&
      office.length <= 3 &&
      office.every((w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w)) &&
      (ROLE_WORDS.has(head) || TITLES.has(head) || HEAD_TYPE.get(head) === 'person')
    )
      return { place, office };
    return null;
  }
  return null;
}
