/** One quote of a market ticker: "FTSE 100 7,512 ▲ 0.4%", "€4.12 ▼ 3.1pc", "Glenmoor Mining 412p -3.1%". */
const QUOTE_ITEM = String.raw`(?:[\p{L}\d&.'’-]+\s+){0,4}[$€£¥]?\d[\d,.]*\s*(?:p|c|pts?)?\s*(?:[▲▼▴▾△▽↑↓]\s*[+\-–]?|[+\-–]\s*)\d[\d,.]*\s*(?:%|pc|pts?|p|c)?`;
const TICKER = new RegExp(`^${QUOTE_ITEM}(?:\\s*[|·•,;]\\s*${QUOTE_ITEM})*$`, 'u');

/** "Topics: …", "Tags: …", "SUBJECTS: …", "Related articles: …", "Filed under: …": a site's index labels. */
const INDEX_LABEL =
  /^(?:topics?|tags?|subjects?|keywords?|categor(?:y|ies)|filed under|related (?:articles?|stories|content|coverage|links|topics)|more (?:on|about) (?:this|these) (?:story|stories|topics?))\s*[:|]\s*\S/i;

/** "This article was amended on 4 December …", "An earlier version of this story said …": the desk's own note. */
const AMENDMENT =
  /^(?:(?:this|the) (?:article|story|piece|report|page|headline|caption)(?: above)? (?:was|has been|had been) (?:amended|corrected|updated|changed|edited)\b|an? (?:earlier|previous) version of this (?:article|story|piece|report|headline|caption)\b|(?:correction|clarification|editor['’]s note)s?\s*[:—–-])/i;

/**
 * The items of a site's menus (header and footer), as a page copied from the browser puts them on
 * one line: "Home News Sport Subscribe", "Privacy Terms Cookies Contact us".
 */
const MENU_ITEMS = new Set(
  (
    'home news sport sports business money markets economy politics opinion comment culture arts ' +
    'lifestyle life style travel food health science tech technology world uk us local national ' +
    'weather video videos podcasts podcast newsletters newsletter subscribe signin login register ' +
    'menu search puzzles games crosswords obituaries entertainment music film tv books environment ' +
    'climate education property motoring cars jobs more latest live magazine photos audio shop ' +
    'account donate supportus contribute privacy terms cookies contactus aboutus accessibility help ' +
    'careers advertise sitemap'
  ).split(' '),
);
const MENU_PHRASES = /\b(sign|log) in\b|\b(contact|about|support) us\b/gi;
/** Items no headline is made of: three menu items with one of these, or any four, are a menu ("US politics live" is a headline). */
const SITE_ITEMS = new Set(
  'home subscribe signin login register menu search privacy terms cookies'.split(' '),
);

/** "Skip to content", "Skip to main content": a page's first link, for keyboards. */
const SKIP_LINK = /^skip to (?:the )?(?:main )?(?:content|navigation|menu|search|footer)$/i;

/** "We use cookies. Accept all", "This site uses cookies to …; by continuing you agree …": a consent banner. */
const COOKIE_BANNER =
  /^(?:we|this (?:web)?site|our (?:web)?site) (?:use|uses) cookies\b.{0,300}\b(?:accept|agree|consent|preferences|settings|manage|privacy|cookie policy|continu(?:e|ing) to (?:use|browse))\b/i;
/** The banner's buttons on lines of their own: "Accept all", "Reject all cookies", "Manage preferences". */
const COOKIE_BUTTON =
  /^(?:(?:accept|reject|allow|decline|refuse)(?: all)?(?: cookies)?|(?:manage|customi[sz]e) (?:cookies|preferences|settings|choices)|cookie (?:settings|preferences|policy))$/i;

/** A line that is only a site's menu items. */
function isMenu(s: string): boolean {
  if (s.length > 160) return false;
  const items = s
    .replace(MENU_PHRASES, (m) => m.replace(/\s+/g, ''))
    .split(/[\s|·•/›»]+/)
    .filter((w) => w !== '' && w !== '&');
  const words = items.map((w) => w.toLowerCase());
  if (words.length < 3 || !words.every((w) => MENU_ITEMS.has(w))) return false;
  return words.length >= 4 || words.some((w) => SITE_ITEMS.has(w));
}

/** A line of page furniture (ticker, index labels, amendment note, menu, cookie banner), or null. */
export function furnitureReason(line: string): string | null {
  const s = line.trim();
  if (SKIP_LINK.test(s) || isMenu(s)) return 'site menu';
  if (s.length <= 400 && !/[“"]/.test(s) && (COOKIE_BANNER.test(s) || COOKIE_BUTTON.test(s))) {
    return 'cookie notice';
  }
  if (s.length <= 200 && TICKER.test(s)) return 'market ticker';
  if (s.length <= 300 && INDEX_LABEL.test(s)) return 'index labels';
  if (s.length <= 600 && AMENDMENT.test(s)) return 'amendment note';
  return null;
}
