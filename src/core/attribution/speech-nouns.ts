import type { Line } from '../text/lines';
import { tokenize } from '../text/tokens';
import type { Draft } from './attribute';
import { mentionOf } from './mention';
import type { Entity, SpeakerRegistry } from './speakers';

/**
 * Speech nouns and naming: "Her warning that the old dam could fail went unanswered", "the senator's claim that
 * taxes fell", "The fare increase, which Patel calls a tax on the poor, takes effect in June."
 * Nouns from the nominalisations of the reporting verbs (Levin 37.7/37.9: warn → warning, claim, admit →
 * admission …), and naming verbs (Levin 29.3 dub verbs) after a relative pronoun.
 */
const SPEECH_NOUNS =
  'warning|warnings|claim|claims|assertion|insistence|promise|pledge|demand|argument|suggestion|admission|denial|complaint|prediction|allegation|allegations|contention|accusation|threat|vow|boast|announcement';

const OWNED_NOUN = new RegExp(
  `(^|[^\\p{L}])(his|her|their|its|\\p{Lu}[\\p{L}’'-]+(?: \\p{Lu}[\\p{L}’'-]+)?['’]s)\\s+(?:\\p{Ll}+\\s+)?(${SPEECH_NOUNS})\\s+that\\s+`,
  'giu',
);

const NAMING =
  /,\s*which\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){0,2})\s+(calls|called|describes|described|dubs|dubbed|terms|termed|labels|labelled|labeled)\s+(?:as\s+)?([^,.;:]{3,120})/gu;

/** Verbs that start the main clause's predicate after a speech noun's clause ("… went unanswered"). */
const PREDICATE =
  /\s(went|was|were|is|are|has|have|had|drew|prompted|sparked|came|remains|remained|angered|caused|led|proved|fell|met|triggered|won|lost)\b/g;

export function speechNounClaims(
  text: string,
  body: readonly Line[],
  drafts: Draft[],
  registry: SpeakerRegistry,
): void {
  const covered = (s: number, e: number) => drafts.some((d) => d.start < e && d.end > s);
  body.forEach((line, li) => {
    for (const m of line.text.matchAll(OWNED_NOUN)) {
      const owner = m[2]!;
      const ownerAt = line.start + m.index! + m[1]!.length;
      const contentAt = line.start + m.index! + m[0].length;
      const stop = clauseEnd(line.text, contentAt - line.start);
      const end = line.start + stop;
      if (end - contentAt < 8 || covered(contentAt, end)) continue;
      const entity = ownerEntity(text, owner, ownerAt, registry);
      if (!entity) continue;
      const thatAt = contentAt - (m[0].length - m[0].toLowerCase().lastIndexOf('that'));
      drafts.push({
        start: thatAt,
        end,
        kind: 'indirect',
        entity,
        mention: { start: ownerAt, end: ownerAt + owner.length },
        cue: { start: ownerAt + owner.length + 1, end: thatAt - 1 },
        rule: 'reported-speech-noun',
        line: li,
        run: 0,
      });
    }
    for (const m of line.text.matchAll(NAMING)) {
      const nameAt = line.start + m.index! + m[0].indexOf(m[1]!, 1);
      const cueAt = nameAt + m[1]!.length + 1;
      const content = m[3]!.trimEnd();
      const contentAt = line.start + m.index! + m[0].length - m[3]!.length;
      if (covered(contentAt, contentAt + content.length)) continue;
      const toks = tokenize(text, nameAt, nameAt + m[1]!.length);
      const mention = mentionOf(text, toks, 0, toks.length - 1);
      if (!mention || mention.kind === 'pronoun') continue;
      drafts.push({
        start: contentAt,
        end: contentAt + content.length,
        kind: /[“"‘]/.test(content) ? 'mixed' : 'indirect',
        entity: registry.resolve(mention, mention.role, mention.start, false),
        mention,
        cue: { start: cueAt, end: cueAt + m[2]!.length },
        rule: 'reported-speech-noun',
        line: li,
        run: 0,
      });
    }
  });
}

function clauseEnd(s: string, from: number): number {
  const punct = /[,;.!?](?=\s|$)/g;
  punct.lastIndex = from;
  const p = punct.exec(s);
  let end = p ? p.index : s.length;
  // The content has a verb of its own; a second verb after it starts the main predicate.
  PREDICATE.lastIndex = from;
  let verbs = 0;
  for (let v = PREDICATE.exec(s); v && v.index < end; v = PREDICATE.exec(s)) {
    verbs++;
    if (
      verbs === 1 &&
      !/\b(could|would|will|should|might|may|can|must|had|has|have|was|were|is|are)\b/.test(
        s.slice(from, v.index),
      )
    )
      continue;
    end = v.index;
    break;
  }
  return end;
}

function ownerEntity(text: string, owner: string, at: number, registry: SpeakerRegistry): Entity | undefined {
  const key = owner.toLowerCase();
  if (key === 'his' || key === 'her') return registry.recentOf(['person'], at, key === 'his' ? 'm' : 'f');
  if (key === 'their') return registry.recentOf(['group', 'organization'], at);
  if (key === 'its') return registry.recentOf(['organization', 'document'], at);
  const name = owner.replace(/['’]s$/, '');
  const toks = tokenize(text, at, at + name.length);
  const m = toks.length ? mentionOf(text, toks, 0, toks.length - 1) : null;
  if (!m || m.kind === 'pronoun' || m.type === 'document') return undefined;
  return registry.resolve(m, m.role, m.start, false);
}
