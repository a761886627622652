import type { Line } from '../text/lines';
import { pairQuotes } from '../text/quotes';
import { tokenize } from '../text/tokens';
import type { Draft } from './attribute';
import { mentionOf } from './mention';
import type { SpeakerRegistry } from './speakers';

/**
 * Layout rules: speakers given by where text sits on the page rather than by a cue in the sentence. They run after
 * the sentence rules and only claim paragraphs those left without an attribution of their own.
 */

/** "— City of Elmwood (@elmwoodcity) March 3, 2021": the signature line under an embedded post. */
const POST_SIGNATURE = /^[—–-]\s*([^()@\n]{2,60}?)\s*\((@\w{1,30})\)\s*[^()\n]*\d{4}\s*$/;

/** A name line under a pull quote: "Mayor Gemma Tully, speaking at the showgrounds" (no end punctuation). */
const NAME_LINE = /^[—–-]?\s*(\p{Lu}[^,.!?\n]{2,50})(?:,[^.!?\n]{0,80})?$/u;

const RULES_YIELD = new Set(['quote-next-paragraph', 'quote-carried', 'quote-same-sentence']);

export function layoutClaims(
  text: string,
  body: readonly Line[],
  drafts: Draft[],
  registry: SpeakerRegistry,
): void {
  const claimed = (l: Line) => drafts.filter((d) => d.start >= l.start && d.end <= l.end);
  for (let li = 1; li < body.length; li++) {
    const line = body[li]!;
    const prev = body[li - 1]!;
    const post = POST_SIGNATURE.exec(line.text);
    if (post && !claimed(prev).length) {
      const at = line.start + line.text.indexOf(post[1]!);
      const toks = tokenize(text, at, at + post[1]!.length);
      const m = toks.length ? mentionOf(text, toks, 0, toks.length - 1) : null;
      if (!m) continue;
      drafts.push({
        start: prev.start,
        end: prev.end,
        kind: 'direct',
        entity: registry.resolve(m, m.role, m.start, false),
        mention: m,
        cue: null,
        rule: 'embedded-post',
        line: li - 1,
        run: 0,
      });
      continue;
    }
    const name = NAME_LINE.exec(line.text);
    if (!name || /[.!?”"’]$/.test(line.text) || line.text.split(/\s+/).length > 12) continue;
    const quotes = pairQuotes(text, prev, li - 1);
    const q = quotes[0];
    const whole =
      quotes.length === 1 &&
      q &&
      q.double &&
      q.open === prev.start &&
      q.close >= 0 &&
      // words inside the marks: two marks with nothing between them quote nothing
      /\S/.test(text.slice(q.start, q.end)) &&
      /^[\s.]*$/.test(text.slice(q.close + 1, prev.end));
    if (!whole) continue;
    const own = claimed(prev);
    if (own.some((d) => !RULES_YIELD.has(d.rule))) continue;
    const at = line.start + line.text.indexOf(name[1]!);
    const toks = tokenize(text, at, at + name[1]!.trimEnd().length);
    const m = toks.length ? mentionOf(text, toks, 0, toks.length - 1) : null;
    if (m?.kind !== 'name' || m.type !== 'person') continue;
    for (const d of own) drafts.splice(drafts.indexOf(d), 1);
    drafts.push({
      start: q.start,
      end: q.end,
      kind: 'direct',
      entity: registry.resolve(m, m.role, m.start, false),
      mention: m,
      cue: null,
      rule: 'pull-quote',
      line: li - 1,
      run: 0,
    });
  }
}
