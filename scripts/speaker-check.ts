// Speaker checks (measuring only: nothing is written but the --dump file). Run under `nice -n 15`.
//   npx tsx scripts/speaker-check.ts show FILE...           each claim of an article: kind, speaker (type), mention, text
//   npx tsx scripts/speaker-check.ts canonical [--dir D] [--verbose] [slug...]
//       the strict speaker measure on a fixture folder (default: the dev fixtures): of the predicted claims lying
//       >= 50 % inside one gold claim, how many have a speaker whose canonical NAME (not an alias) equals, after
//       normalizeName, the gold speaker's name or one of its aliases; --verbose lists the others as
//       `slug: predicted name -> gold name`; it also counts the gold speakers whose claims the app gives to two or
//       more of its speakers (one person, several speakers), listed by --verbose.
//   npx tsx scripts/speaker-check.ts dump OUT.json [--gold ../shared/corpora/polnear-train.json]
//       every PolNeAR claim's span and speaker name, for a before/after diff (`diff` mode).
//   npx tsx scripts/speaker-check.ts diff BEFORE.json AFTER.json [--gold …]
//       the claims whose speaker changed, with the gold source of the claim's best gold match (terminal only:
//       never paste PolNeAR text into the repository).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeName, overlapLength } from '../src/core/eval/score';
import { extractClaims } from '../src/core/extract/pipeline';
import { readFixtureDir } from '../src/test/fixture-corpus';

const argv = process.argv.slice(2);
const mode = argv[0];
const opt = (name: string, fallback: string): string => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
};
const flat = (s: string) => s.replace(/\s+/g, ' ');

type PolDoc = {
  id: string;
  text: string;
  quotes: { start: number; end: number; speaker: string; reportingCue?: boolean }[];
};
type Row = { doc: string; start: number; end: number; speaker: string; mention: string };

if (mode === 'show') {
  for (const file of argv.slice(1)) {
    const text = readFileSync(file, 'utf8');
    const x = extractClaims(text);
    console.log(`== ${file}`);
    for (const c of x.claims) {
      const sp = x.speakers.find((s) => s.id === c.speakerId);
      console.log(
        `${c.kind.padEnd(9)} ${(sp ? `${sp.name} (${sp.type}${sp.role ? `, ${sp.role}` : ''})` : '-').padEnd(50)} [${
          c.speakerMention?.text ?? ''
        }] ${flat(c.text).slice(0, 90)}`,
      );
    }
  }
} else if (mode === 'canonical') {
  const dir = argv.includes('--dir')
    ? `${opt('dir', '')}/`.replace(/\/+$/, '/')
    : fileURLToPath(new URL('../src/core/attribution/fixtures/', import.meta.url));
  let agree = 0;
  let total = 0;
  const misses: string[] = [];
  const only = argv.slice(1).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--dir');
  let people = 0;
  const splits: string[] = [];
  for (const { slug, text, gold } of readFixtureDir(dir, only)) {
    const x = extractClaims(text);
    const shown = new Map<string, Set<string>>();
    for (const c of x.claims) {
      if (c.kind === 'unattributed') continue;
      const g = gold.claims.find(
        (gc) => overlapLength(gc.start, gc.end, c.start, c.end) / (c.end - c.start) >= 0.5,
      );
      if (!g) continue;
      total++;
      const gs = gold.speakers.find((s) => s.id === g.speaker);
      const name = x.speakers.find((s) => s.id === c.speakerId)?.name ?? '';
      const ok =
        gs !== undefined && [gs.name, ...gs.aliases].some((a) => normalizeName(a) === normalizeName(name));
      if (ok) agree++;
      else misses.push(`${slug}: ${name || '(none)'} -> ${gs?.name}   | ${flat(c.text).slice(0, 70)}`);
      const set = shown.get(g.speaker) ?? new Set<string>();
      set.add(c.speakerId ?? '');
      shown.set(g.speaker, set);
    }
    for (const [id, set] of shown) {
      people++;
      if (set.size < 2) continue;
      const names = [...set].map((sid) => x.speakers.find((s) => s.id === sid)?.name ?? '(none)');
      splits.push(`${slug}: ${gold.speakers.find((s) => s.id === id)?.name} shown as ${names.join(' | ')}`);
    }
  }
  if (argv.includes('--verbose')) for (const m of [...misses, ...splits]) console.log(m);
  console.log(`canonical name agrees: ${agree}/${total} (${((100 * agree) / (total || 1)).toFixed(1)} %)`);
  // One person, several speakers: gold speakers whose claims (the predicted claims >= 50 % inside theirs) the app
  // gives to two or more of its speakers.
  console.log(`gold speakers shown as 2+ speakers: ${splits.length}/${people}`);
} else if (mode === 'dump') {
  const docs = JSON.parse(
    readFileSync(opt('gold', '../shared/corpora/polnear-train.json'), 'utf8'),
  ) as PolDoc[];
  const rows: Row[] = [];
  for (const d of docs) {
    const x = extractClaims(d.text);
    for (const c of x.claims) {
      if (c.kind === 'unattributed') continue;
      const sp = x.speakers.find((s) => s.id === c.speakerId);
      rows.push({
        doc: d.id,
        start: c.start,
        end: c.end,
        speaker: sp?.name ?? '',
        mention: c.speakerMention?.text ?? '',
      });
    }
  }
  writeFileSync(argv[1]!, JSON.stringify(rows));
  console.log(`${rows.length} claims`);
} else if (mode === 'diff') {
  const docs = JSON.parse(
    readFileSync(opt('gold', '../shared/corpora/polnear-train.json'), 'utf8'),
  ) as PolDoc[];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const before = JSON.parse(readFileSync(argv[1]!, 'utf8')) as Row[];
  const after = JSON.parse(readFileSync(argv[2]!, 'utf8')) as Row[];
  const key = (r: Row) => `${r.doc}:${r.start}:${r.end}`;
  const old = new Map(before.map((r) => [key(r), r]));
  let changed = 0;
  for (const r of after) {
    const b = old.get(key(r));
    if (!b || b.speaker === r.speaker) continue;
    changed++;
    const d = byId.get(r.doc)!;
    const g = d.quotes
      .filter((q) => q.reportingCue && q.speaker)
      .find((q) => overlapLength(q.start, q.end, r.start, r.end) > 0);
    console.log(
      `${r.doc}: ${b.speaker} [${b.mention}] -> ${r.speaker} [${r.mention}]   gold: ${g?.speaker ?? '-'}\n    ${flat(
        d.text.slice(Math.max(0, r.start - 120), r.end + 40),
      ).slice(0, 260)}`,
    );
  }
  const keys = new Set(after.map(key));
  const gone = before.filter((r) => !keys.has(key(r))).length;
  console.log(
    `${changed} speakers changed; ${gone} claims gone, ${after.length - (before.length - gone)} new`,
  );
} else {
  console.log('usage: speaker-check.ts show FILE... | canonical [--dir D] [--verbose] | dump OUT | diff A B');
  process.exit(2);
}
