// Span error analysis against a PolNeAR-format gold list (the official scorer's overlap protocol, in process):
// matches gold and predicted claims as ../shared/tools/score-attribution.mjs does, then sorts every matched pair
// whose trimmed spans differ into boundary classes (start earlier/later, end earlier/later) and prints the
// commonest words at each wrong boundary, with a few examples per class. Measuring only: nothing is written.
//   npx tsx scripts/score-spans.ts [--gold ../shared/corpora/polnear-train.json] [--examples 6] [--every 2]
//   [--kind direct|indirect|mixed] [--class end-later] [--missed] [--dump pairs.json (every matched pair)]
// --every N keeps one article in N (error classes are read off a sample, the rest is only measured).
import { readFileSync, writeFileSync } from 'node:fs';
import { extractClaims } from '../src/core/extract/pipeline';

type Gold = {
  start: number;
  end: number;
  spans?: [number, number][];
  kind: string;
  reportingCue: boolean;
  speaker: string;
  cue: string;
};
type Doc = { id: string; text: string; quotes: Gold[] };

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const at = argv.indexOf(`--${name}`);
  return argv[at + 1] !== undefined && at >= 0 ? argv[at + 1]! : fallback;
};
const goldPath = opt('gold', '../shared/corpora/polnear-train.json');
const examples = Number(opt('examples', '6'));
const every = Number(opt('every', '1'));
const onlyKind = opt('kind', '');
const onlyClass = opt('class', '');
const showMissed = argv.includes('--missed');
const dumpPath = opt('dump', '');
const dump: unknown[] = [];

process.stdout.on('error', () => process.exit(0));
const docs = (JSON.parse(readFileSync(goldPath, 'utf8')) as Doc[]).filter((_, i) => i % every === 0);
const junk = /[\s"“”'‘’.,;:!?()\-–—]/;
const trim = (text: string, s: number, e: number): [number, number] => {
  let a = s;
  let b = e;
  while (a < b && junk.test(text[a]!)) a++;
  while (b > a && junk.test(text[b - 1]!)) b--;
  return [a, b];
};
const overlap = (a0: number, a1: number, b0: number, b1: number) =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
const firstWords = (s: string, n: number) => s.trim().split(/\s+/).slice(0, n).join(' ').toLowerCase();
const lastWords = (s: string, n: number) => s.trim().split(/\s+/).slice(-n).join(' ').toLowerCase();

type ErrorClass = { n: number; words: Map<string, number>; ex: string[] };
const classes = new Map<string, ErrorClass>();
const note = (cls: string, word: string, ex: string) => {
  const c: ErrorClass = classes.get(cls) ?? { n: 0, words: new Map(), ex: [] };
  c.n++;
  c.words.set(word, (c.words.get(word) ?? 0) + 1);
  if (c.ex.length < examples) c.ex.push(ex);
  classes.set(cls, c);
};
let gold = 0;
let matched = 0;
let exact = 0;
let pred = 0;
const missed: string[] = [];
for (const doc of docs) {
  const { text } = doc;
  const P = extractClaims(text).claims.filter((c) => c.kind !== 'unattributed');
  pred += P.length;
  const used = new Set<number>();
  for (const g of doc.quotes.filter((q) => q.reportingCue && q.speaker)) {
    gold++;
    const gs = g.spans?.length ? g.spans : [[g.start, g.end] as [number, number]];
    const gl = gs.reduce((n, [a, b]) => n + b - a, 0);
    let best = -1;
    let bestOv = 0;
    P.forEach((c, i) => {
      if (used.has(i)) return;
      const ov = gs.reduce((n, [a, b]) => n + overlap(a, b, c.start, c.end), 0) / gl;
      if (ov > bestOv) {
        bestOv = ov;
        best = i;
      }
    });
    if (best < 0 || bestOv < 0.3) {
      if (!onlyKind || g.kind === onlyKind)
        missed.push(`${doc.id} [${g.kind}] cue=${g.cue} :: ${text.slice(g.start, g.end).slice(0, 140)}`);
      continue;
    }
    used.add(best);
    matched++;
    const c = P[best]!;
    const [g0, g1] = trim(text, g.start, g.end);
    const [p0, p1] = trim(text, c.start, c.end);
    if (dumpPath)
      dump.push({
        doc: doc.id,
        kind: g.kind,
        rule: c.rule,
        g0,
        g1,
        p0,
        p1,
        end: c.end,
        after: text.slice(c.end, c.end + 40),
        goldAfter: text.slice(g1, g1 + 40),
        pred: text.slice(p0, p1),
      });
    if (g0 === p0 && g1 === p1) {
      exact++;
      continue;
    }
    if (onlyKind && g.kind !== onlyKind) continue;
    const tag = `${g.kind}/${c.kind}${gs.length > 1 ? '/split' : ''}`;
    const show = (cls: string, word: string) => {
      if (onlyClass && !cls.startsWith(onlyClass)) return;
      note(
        `${cls} ${tag}`,
        word,
        `${doc.id} ${c.rule}\n      gold: ${text.slice(g0, g1).slice(0, 220)}\n      pred: ${text.slice(p0, p1).slice(0, 220)}`,
      );
    };
    if (p1 > g1) show('end-later', firstWords(text.slice(Math.max(g1, p0), p1), 2));
    else if (p1 < g1) show('end-earlier', firstWords(text.slice(Math.max(p1, g0), g1), 2));
    if (p0 < g0) show('start-earlier', lastWords(text.slice(p0, Math.min(g0, p1)), 2));
    else if (p0 > g0) show('start-later', lastWords(text.slice(g0, Math.min(p0, g1)), 2));
  }
}
console.log(
  `docs ${docs.length}, gold ${gold}, pred ${pred}, matched ${matched}, exact ${exact}, inexact ${matched - exact}, missed ${gold - matched}`,
);
for (const [cls, c] of [...classes].sort((a, b) => b[1].n - a[1].n)) {
  const top = [...c.words]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([w, n]) => `${w}:${n}`)
    .join('  ');
  console.log(`\n${cls}: ${c.n}\n   ${top}`);
  for (const e of c.ex) console.log(`   - ${e}`);
}
if (dumpPath) writeFileSync(dumpPath, JSON.stringify(dump));
if (showMissed) for (const m of missed.slice(0, examples * 10)) console.log(`missed ${m}`);
