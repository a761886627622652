import type { Line } from '../text/lines';
import type { Quote } from '../text/quotes';
import { tokenize } from '../text/tokens';
import type { Draft } from './attribute';
import { mentionOf } from './mention';
import type { Entity, SpeakerRegistry } from './speakers';

const normalise = (x: string) =>
  x
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A quotation in the headline is usually repeated in the body: it takes the speaker of the body quotation that
 * contains it. "‘…’: an interview with Jane Roe" names the speaker itself.
 */
export function headlineQuotes(
  text: string,
  line: Line,
  quotes: readonly Quote[],
  registry: SpeakerRegistry,
  drafts: Draft[],
): void {
  for (const q of quotes) {
    const said = normalise(text.slice(q.start, q.end));
    if (said.split(' ').length < 2) continue;
    const after = text.slice(q.close < 0 ? line.end : q.close + 1, line.end);
    let entity: Entity | undefined;
    const interview =
      /^\s*[:–—-]\s*(?:an |my |our )?(?:interview|in conversation|talking|a conversation) with (.+?)\s*$/i.exec(
        after,
      );
    if (interview) {
      const at = line.end - after.length + after.indexOf(interview[1]!);
      const toks = tokenize(text, at, at + interview[1]!.length);
      const m = mentionOf(text, toks, 0, toks.length - 1);
      if (m?.kind === 'name') entity = registry.resolve(m, m.role, m.start, false);
    }
    entity ??= drafts.find(
      (d) => d.kind === 'direct' && normalise(text.slice(d.start, d.end)).includes(said),
    )?.entity;
    if (!entity) continue;
    drafts.push({
      start: q.start,
      end: q.end,
      kind: 'headline',
      entity,
      mention: null,
      cue: null,
      rule: 'headline-quote',
      line: -10,
      run: 0,
    });
  }
}
