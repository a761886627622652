#!/usr/bin/env node
// Fills and checks the offsets of the fixture gold files, so nobody counts characters by hand.
//
//   node scripts/fixture-gold.mjs [slug...]          fill start/end/n, write gold.json, report problems
//   node scripts/fixture-gold.mjs --check [slug...]  write nothing; exit 1 on any problem
//   node scripts/fixture-gold.mjs --index            print the phenomena table for the fixtures README
//   node scripts/fixture-gold.mjs --show slug        print the article with each gold claim marked ⟦speaker|kind: …⟧
//   node scripts/fixture-gold.mjs --dir src/core/attribution/heldout [...]   the same on another fixture folder
//
// A claim is written with its exact `text` (as in article.txt) and, when that text occurs more than once,
// a hint: `occurrence` (1-based) or `after` (the claim is the first occurrence after that string).
// Offsets are UTF-16 code units (JavaScript string indices), so `article.slice(start, end) === text`.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const root =
  dirAt >= 0
    ? path.resolve(args[dirAt + 1] ?? '.')
    : path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'src/core/attribution/fixtures');
const argv = dirAt >= 0 ? args.filter((_, i) => i !== dirAt && i !== dirAt + 1) : args;
const check = argv.includes('--check');
const index = argv.includes('--index');
const show = argv.includes('--show');
const only = argv.filter((a) => !a.startsWith('--'));

const ABOUT =
  'Invented article written for the Claimdesk fixture corpus: every person, place and organisation is fictional. Offsets are UTF-16 code unit offsets (JavaScript string indices) into article.txt as read in UTF-8.';
const GRANULARITY =
  'One entry per sentence inside direct quotes; one per reported clause for indirect speech (the content only, without cue or speaker). See fixtures/README.md for the annotation rules.';
const KINDS = new Set(['direct', 'indirect', 'mixed', 'headline']);
const TYPES = new Set(['person', 'group', 'organization', 'document', 'unknown']);

const READ_ONLY = new Set(['rotherham']); // the reference fixture is checked, never rewritten
// The reference fixture's gold has no style/phenomena fields; its index row is kept here.
const REFERENCE = {
  rotherham: {
    style: 'reference article: Yorkshire regional news (real, hand-checked gold)',
    phenomena: [
      "headline with 'says' and a single-quoted fragment",
      'office instead of a name',
      "'he added'",
      'quote running over many paragraphs with no attribution of its own',
      "reported speech ('the group say', 'according to their report', 'which claims that')",
      'document as a source (the Jay inquiry)',
      'wrong-way closing quotation mark',
      "a name inside someone else's quote",
      "ad labels, 'Read More' + related headline, caption repeated three times",
    ],
  },
};

const occurrences = (text, s) => {
  const at = [];
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) at.push(i);
  return at;
};

const slugs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, 'gold.json')))
  .map((d) => d.name)
  .filter((s) => only.length === 0 || only.includes(s))
  .sort();

let problems = 0;
const rows = [];
for (const slug of slugs) {
  const dir = path.join(root, slug);
  const text = readFileSync(path.join(dir, 'article.txt'), 'utf8');
  const gold = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8'));
  const say = (msg) => {
    problems++;
    console.log(`${slug}: ${msg}`);
  };
  const ids = new Set();
  for (const s of gold.speakers) {
    if (ids.has(s.id)) say(`duplicate speaker id ${s.id}`);
    ids.add(s.id);
    if (!TYPES.has(s.type)) say(`speaker ${s.id} has type ${s.type}`);
    if (!Array.isArray(s.aliases)) say(`speaker ${s.id} has no aliases list`);
  }
  for (const c of gold.claims) {
    if (!ids.has(c.speaker)) say(`claim "${c.text.slice(0, 40)}" names unknown speaker ${c.speaker}`);
    if (!KINDS.has(c.kind)) say(`claim "${c.text.slice(0, 40)}" has kind ${c.kind}`);
    if (!c.cue) say(`claim "${c.text.slice(0, 40)}" has no cue`);
    if (c.text !== c.text.trim()) say(`claim "${c.text.slice(0, 40)}" has outer whitespace`);
    if (Number.isInteger(c.start) && text.slice(c.start, c.end) === c.text) continue;
    let at = occurrences(text, c.text);
    if (c.after !== undefined) {
      const a = text.indexOf(c.after);
      if (a < 0) say(`"after" hint not found: ${c.after}`);
      at = at.filter((i) => i >= a + c.after.length).slice(0, 1);
    } else if (c.occurrence !== undefined) at = at.slice(c.occurrence - 1, c.occurrence);
    if (at.length !== 1) {
      say(`claim text found ${at.length} times (add occurrence/after): ${c.text.slice(0, 70)}`);
      continue;
    }
    c.start = at[0];
    c.end = at[0] + c.text.length;
  }
  gold.claims.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  gold.claims.forEach((c, i) => {
    const prev = gold.claims[i - 1];
    if (prev && prev.end > c.start) say(`claims overlap: #${i} and #${i + 1}`);
  });
  for (const b of gold.boilerplate) {
    const at = occurrences(text, b);
    if (at.length === 0) say(`boilerplate not in text: ${b}`);
    for (const i of at)
      for (const c of gold.claims)
        if (c.start < i + b.length && i < c.end)
          say(`boilerplate "${b}" overlaps claim "${c.text.slice(0, 40)}"`);
  }
  const used = new Set(gold.claims.map((c) => c.speaker));
  for (const s of gold.speakers)
    if (!used.has(s.id)) console.log(`${slug}: note: speaker ${s.id} has no claim`);
  const words = text.split(/\s+/).filter(Boolean).length;
  if (slug !== 'rotherham' && (words < 150 || words > 700)) say(`${words} words (want 150-700)`);
  const out = {
    article: 'article.txt',
    about: gold.about ?? ABOUT,
    granularity: gold.granularity ?? GRANULARITY,
    ...(gold.style ? { style: gold.style } : {}),
    ...(gold.phenomena ? { phenomena: gold.phenomena } : {}),
    speakers: gold.speakers,
    claims: gold.claims.map((c, i) => ({
      n: i + 1,
      speaker: c.speaker,
      kind: c.kind,
      text: c.text,
      start: c.start,
      end: c.end,
      cue: c.cue,
      note: c.note ?? '',
      ...(c.occurrence !== undefined ? { occurrence: c.occurrence } : {}),
      ...(c.after !== undefined ? { after: c.after } : {}),
    })),
    boilerplate: gold.boilerplate,
  };
  const json = `${JSON.stringify(out, null, 1)}\n`;
  if (!check && !READ_ONLY.has(slug) && json !== readFileSync(path.join(dir, 'gold.json'), 'utf8'))
    writeFileSync(path.join(dir, 'gold.json'), json);
  const kinds = {};
  for (const c of gold.claims) kinds[c.kind] = (kinds[c.kind] ?? 0) + 1;
  if (show) {
    let marked = text;
    for (const c of [...gold.claims].sort((a, b) => b.start - a.start))
      marked = `${marked.slice(0, c.start)}⟦${c.speaker}|${c.kind}: ${c.text}⟧${marked.slice(c.end)}`;
    for (const b of gold.boilerplate) marked = marked.split(b).join(`⟪${b}⟫`);
    console.log(`===== ${slug}\n${marked}\n`);
  }
  const info = REFERENCE[slug] ?? { style: gold.style ?? '', phenomena: gold.phenomena ?? [] };
  rows.push({ slug, words, claims: gold.claims.length, kinds, ...info });
}

if (index) {
  console.log('| fixture | style | words | claims | exercises |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of rows)
    console.log(`| \`${r.slug}\` | ${r.style} | ${r.words} | ${r.claims} | ${r.phenomena.join('; ')} |`);
  const total = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.kinds)) total[k] = (total[k] ?? 0) + v;
  console.log(
    `\n${rows.length} fixtures, ${rows.reduce((n, r) => n + r.claims, 0)} claims: ${JSON.stringify(total)}`,
  );
} else console.log(`${slugs.length} fixtures checked, ${problems} problem(s)`);
// exitCode, not exit(): a piped stdout (`--index > table.md`) is written asynchronously and exit() cut it short.
process.exitCode = problems ? 1 : 0;
