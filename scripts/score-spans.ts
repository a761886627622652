// Span error analysis against a PolNeAR-format gold list (the official scorer's overlap protocol, in process):
// matches gold and predicted claims as ../shared/tools/score-attribution.mjs does, then sorts every matched pair
// whose trimmed spans differ into boundary classes (start earlier/later, end earlier/later) and prints the
// commonest words at each wrong boundary, with a few examples per class. Measuring only: nothing is written.
//   npx tsx scripts/score-spans.ts [--gold ../shared/corpora/polnear-train.json] [--examples 6] [--every 2]
//   [--kind direct|indirect|mixed] [--class end-later] [--missed] [--dump pairs.json (every matched pair)]
// --every N keeps one article in N (error classes are read off a sample, the rest is only measured).
import { readFileSync, writeFileSync } from 'node:fs';
import { matchGold, overlapGoldFromPolnear, trimSpan } from '../src/core/eval/score';
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
  const quotes = doc.quotes.filter((q) => q.reportingCue && q.speaker);
  const matches = matchGold(overlapGoldFromPolnear(quotes), P);
  for (const [gi, g] of quotes.entries()) {
    gold++;
    const m = matches[gi];
    if (!m) {
      if (!onlyKind || g.kind === onlyKind)
        missed.push(`${doc.id} [${g.kind}] cue=${g.cue} :: ${text.slice(g.start, g.end).slice(0, 140)}`);
      continue;
    }
    matched++;
    const gs = g.spans?.length ? g.spans : [[g.start, g.end]];
    const best = m.index;
    const c = P[best]!;
    const [g0, g1] = trimSpan(text, g.start, g.end);
    const [p0, p1] = trimSpan(text, c.start, c.end);
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
