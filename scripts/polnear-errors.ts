// Error analysis against the PolNeAR corpus in ../shared/corpora (read at run time; none of its text is stored here).
// Prints to the terminal only — never paste its output into the repository (the articles are copyrighted).
//   npx tsx scripts/polnear-errors.ts missed [kind|cue] [limit]   gold attributions no claim matched, with context
//   npx tsx scripts/polnear-errors.ts fp [cue-or-kind] [limit]    predicted claims no gold matched
//   npx tsx scripts/polnear-errors.ts cues                        missed gold by cue; false positives by cue and kind
import { readFileSync } from 'node:fs';
import { extractClaims } from '../src/core/extract/pipeline';

type Gold = {
  kind: string;
  speaker: string;
  cue?: string;
  start: number;
  end: number;
  spans?: [number, number][];
  reportingCue?: boolean;
};
const corpus = new URL('../../shared/corpora/polnear-train.json', import.meta.url);
const docs = JSON.parse(readFileSync(corpus, 'utf8')) as { text: string; quotes: Gold[] }[];
const [mode = 'cues', filter = '', limitArg = '30'] = process.argv.slice(2);
const limit = Number(limitArg);
const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
const flat = (s: string) => s.replace(/\n/g, '¶');
const missedByCue: Record<string, number> = {};
const fpByCue: Record<string, number> = {};
let shown = 0;

for (const doc of docs) {
  const claims = extractClaims(doc.text).claims.filter((c) => c.kind !== 'unattributed');
  const gold = doc.quotes.filter((g) => g.reportingCue && g.speaker);
  const used = new Set<number>();
  const matched = new Set<Gold>();
  for (const g of gold) {
    const spans = g.spans?.length ? g.spans : ([[g.start, g.end]] as [number, number][]);
    const length = spans.reduce((n, [a, b]) => n + b - a, 0);
    let best = -1;
    let bestOverlap = 0;
    claims.forEach((c, i) => {
      if (used.has(i)) return;
      const o = spans.reduce((n, [a, b]) => n + overlap(a, b, c.start, c.end), 0) / length;
      if (o > bestOverlap) {
        bestOverlap = o;
        best = i;
      }
    });
    if (best >= 0 && bestOverlap >= 0.3) {
      used.add(best);
      matched.add(g);
    }
  }
  const context = (s: number, e: number) =>
    `${flat(doc.text.slice(Math.max(0, s - 150), s))}⟦${flat(doc.text.slice(s, e))}⟧${flat(doc.text.slice(e, e + 100))}`;
  for (const g of gold) {
    if (matched.has(g)) continue;
    const cue = (g.cue ?? '').toLowerCase();
    missedByCue[cue] = (missedByCue[cue] ?? 0) + 1;
    if (mode === 'missed' && (!filter || g.kind === filter || cue === filter) && shown++ < limit)
      console.log(`--- ${g.kind} | source=${g.speaker} | cue=${g.cue}\n${context(g.start, g.end)}`);
  }
  claims.forEach((c, i) => {
    if (used.has(i)) return;
    const key = `${(c.cue?.text ?? '(none)').toLowerCase()} ${c.kind}`;
    fpByCue[key] = (fpByCue[key] ?? 0) + 1;
    if (mode === 'fp' && (!filter || key.includes(filter)) && shown++ < limit)
      console.log(
        `--- ${c.kind} | mention=${c.speakerMention?.text} | cue=${c.cue?.text}\n${context(c.start, c.end)}`,
      );
  });
}
const top = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 60)
    .map(([k, n]) => `${k}:${n}`)
    .join('  ');
if (mode === 'cues') console.log(`missed by cue: ${top(missedByCue)}\n\nfalse positives: ${top(fpByCue)}`);
