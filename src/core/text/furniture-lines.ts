/** One quote of a market ticker: "FTSE 100 7,512 ▲ 0.4%", "€4.12 ▼ 3.1pc", "Glenmoor Mining 412p -3.1%". */
const QUOTE_ITEM = String.raw`(?:[\p{L}\d&.'’-]+\s+){0,4}[$€£¥]?\d[\d,.]*\s*(?:p|c|pts?)?\s*(?:[▲▼▴▾△▽↑↓]\s*[+\-–]?|[+\-–]\s*)\d[\d,.]*\s*(?:%|pc|pts?|p|c)?`;
const TICKER = new RegExp(`^${QUOTE_ITEM}(?:\\s*[|·•,;]\\s*${QUOTE_ITEM})*$`, 'u');

/** "Topics: …", "Tags: …", "SUBJECTS: …", "Related articles: …", "Filed under: …": a site's index labels. */
const INDEX_LABEL =
  /^(?:topics?|tags?|subjects?|keywords?|categor(?:y|ies)|filed under|related (?:articles?|stories|content|coverage|links|topics)|more (?:on|about) (?:this|these) (?:story|stories|topics?))\s*[:|]\s*\S/i;

/** "This article was amended on 4 December …", "An earlier version of this story said …": the desk's own note. */
const AMENDMENT =
  /^(?:(?:this|the) (?:article|story|piece|report|page|headline|caption)(?: above)? (?:was|has been|had been) (?:amended|corrected|updated|changed|edited)\b|an? (?:earlier|previous) version of this (?:article|story|piece|report|headline|caption)\b|(?:correction|clarification|editor['’]s note)s?\s*[:—–-])/i;

/** A line of page furniture (ticker, index labels, amendment note), or null. */
export function furnitureReason(line: string): string | null {
  const s = line.trim();
  if (s.length <= 200 && TICKER.test(s)) return 'market ticker';
  if (s.length <= 300 && INDEX_LABEL.test(s)) return 'index labels';
  if (s.length <= 600 && AMENDMENT.test(s)) return 'amendment note';
  return null;
}
