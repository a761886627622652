import type { Line } from './lines';

const AGENCY = String.raw`\((?:\p{Lu}{2,5}|Reuters|Bloomberg|Xinhua|dpa|Kyodo|Yonhap|Bernama|Sputnik|Agencies|(?:The )?Canadian Press|Press Association|Associated Press)\)`;
const PLACE = String.raw`\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}`;
/** ", Mass.", ", Dec. 11", ", June 3": a state, a country or a date after the place. */
const QUALIFIER = String.raw`(?:,\s*[\p{Lu}\d][\p{L}\d.]*(?:\s+[\p{Lu}\d][\p{L}\d.]*){0,2}){0,3}`;
const DASH = String.raw`\s*(?:--?|–|—)\s+`;
/** "CANBERRA, June 3 (AAP) -", "LONDON (Reuters) –", "New York (AFP) –", "NEW YORK —". */
const DATELINE = new RegExp(`^(${PLACE})${QUALIFIER}(\\s*${AGENCY})?${DASH}`, 'u');

/** Headline labels with no verb: "BOOM:", "WATCH -", "Exclusive:". */
const LABEL_CAPS =
  /^(?:BOOM|WATCH|EXCLUSIVE|BREAKING(?: NEWS)?|UPDATE[SD]?|LIVE|VIDEO|PHOTOS?|LISTEN|LOOK|READ|REVEALED|BUSTED|SHOCK|WOW|FLASHBACK|DEVELOPING|JUST IN|ALERT|EXPOSED|BOMBSHELL|OOPS|MUST (?:WATCH|READ|SEE)|CONFIRMED|OFFICIAL)\s*(?::|--?|–|—|\|)\s+(?=\S)/;
const LABEL_TITLE =
  /^(?:Boom|Watch|Exclusive|Breaking(?: news)?|Update[sd]?|Video|Photos|Listen|Revealed|Busted|Flashback|Developing|Just in|Bombshell|Must (?:watch|read|see)|The Latest|Live updates|Paid Notice)\s*:\s+(?=\S)/;

/**
 * Where a paragraph's own words begin: after a wire dateline (the agency's, not any speaker's) or a verbless
 * headline label (a page's furniture, never a speaker). The whole line otherwise.
 */
export function leadEnd(text: string): number {
  const dateline = DATELINE.exec(text);
  if (dateline && (dateline[2] || /^\p{Lu}{2,}[.]?(?:\s+\p{Lu}{2,}[.]?)*$/u.test(dateline[1]!)))
    return dateline[0].length;
  return (LABEL_CAPS.exec(text) ?? LABEL_TITLE.exec(text))?.[0].length ?? 0;
}

/** The line without its dateline or label, when it has one and something follows it. */
export function withoutLead(line: Line): Line {
  const cut = leadEnd(line.text);
  if (!cut || cut >= line.text.length) return line;
  return { start: line.start + cut, end: line.end, text: line.text.slice(cut) };
}
