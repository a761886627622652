import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { runCli, runProcess } from '@/test/cli';
import { extractCli } from './extract-cli';

const run = (args: string[], input?: string | Uint8Array) => runCli(extractCli, args, input);

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-cli-'));
const article = join(dir, 'article.txt');
writeFileSync(
  article,
  'Title line\n\n“We will =SUM(A1) win,” Ms Hart said.\n\n=cmd said the deal is off, he said.\n',
);
const binary = join(dir, 'image.bin');
writeFileSync(binary, Buffer.from([0x89, 0x50, 0x00, 0x47]));
const latin1 = join(dir, 'latin1.txt');
writeFileSync(latin1, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
const empty = join(dir, 'empty.txt');
writeFileSync(empty, ' \n');

describe('extract CLI', () => {
  test('as a process: JSON on stdout and exit 0; a wrong command line exits 2 with usage on stderr', {
    timeout: 120_000,
  }, () => {
    const ok = runProcess('src/cli/extract.ts', [article]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).claims[0]).toMatchObject({ kind: 'direct', text: 'We will =SUM(A1) win,' });
    const wrong = runProcess('src/cli/extract.ts', ['-x', article]);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^extract: unknown option -x\nusage:/);
    expect(wrong.stdout).toBe('');
  });

  test('FILE → one JSON document with id, speakers and claims', async () => {
    const r = await run([article]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.id).toBe(article);
    expect(doc.claims[0]).toMatchObject({ kind: 'direct', text: 'We will =SUM(A1) win,' });
    expect(doc.speakers[0].name).toBe('Ms Hart');
  });

  test('--jsonl reads {"id","text"} lines, reports bad lines by number and keeps going', async () => {
    const input = `${JSON.stringify({ id: 'a', text: 'Title\n\nThe mayor said the bridge will reopen.' })}\n{not json\n${JSON.stringify({ id: 'b', text: '' })}\n${JSON.stringify({ id: 'c', text: 'Title\n\nNo claims here.' })}\n`;
    const r = await run(['--jsonl'], input);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('line 2: invalid JSON');
    expect(r.stderr).toContain('line 3: empty text');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(out[0].claims).toHaveLength(1);
  });

  test('--jsonl with nothing on stdin says so and exits 1, as an empty directory does', async () => {
    for (const input of [undefined, '', '\n  \n']) {
      const r = await run(['--jsonl'], input);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'stdin: no {"id","text"} lines to read (give the corpus as: npm run --silent extract -- --jsonl < corpus.jsonl)\n',
      );
    }
  });

  test('--jsonl offsets are into the line as given, even when its text holds markup', async () => {
    // a corpus article with a stray tag left by its scrape; the contract: text === input.slice(start, end)
    const text =
      'Title\n\nThe mayor said the bridge will reopen in May. <a href="/x">More</a>\n\n"It is safe," the engineer said.</a>';
    const r = await run(['--jsonl'], `${JSON.stringify({ id: 'a', text })}\n`);
    expect(r.status).toBe(0);
    const { claims } = JSON.parse(r.stdout);
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  test('--format csv writes one row per claim and neutralises formulas', async () => {
    const r = await run(['--format', 'csv', article]);
    expect(r.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(r.stdout.trim(), { header: true }).data;
    expect(rows).toHaveLength(2);
    expect(rows[0]!.text).toBe('We will =SUM(A1) win,');
    expect(rows[1]?.text?.startsWith("'=cmd")).toBe(true);
  });

  test('bad input: clear messages, non-zero exit, no stack trace', async () => {
    const r = await run([join(dir, 'missing.txt'), binary, latin1, empty, article]);
    expect(r.status).not.toBe(0);
    for (const message of ['missing.txt: no such file', 'binary file', 'not valid UTF-8', 'empty text'])
      expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(r.stdout).id).toBe(article);
    expect((await run([])).status).not.toBe(0);
    expect((await run(['--format', 'xml', article])).stderr).toContain('unknown format');
  });

  test('a UTF-16 file with a byte-order mark reads as the app reads it; without one it is named', async () => {
    const text = 'Title line\n\n“We will win,” Ms Hart said.\n';
    const sub = mkdtempSync(join(tmpdir(), 'claimdesk-cli-utf16-'));
    const le = join(sub, 'le.txt');
    writeFileSync(le, Buffer.from(`\uFEFF${text}`, 'utf16le'));
    const be = join(sub, 'be.txt');
    writeFileSync(be, Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());
    const noBom = join(sub, 'nobom.txt');
    writeFileSync(noBom, Buffer.from(text, 'utf16le'));
    const r = await run(['--format', 'csv', le, be, noBom]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${noBom}: UTF-16 text without a byte-order mark, expected UTF-8 (or UTF-16 with a byte-order mark)\n`,
    );
    const rows = Papa.parse<Record<string, string>>(r.stdout.trim(), { header: true }).data;
    expect(rows.map((row) => [row.id, row.text])).toEqual([
      [le, 'We will win,'],
      [be, 'We will win,'],
    ]);
    const one = JSON.parse((await run([le])).stdout);
    expect(text.slice(one.claims[0].start, one.claims[0].end)).toBe('We will win,');
  });

  test('a file over the app’s import limit is refused by name, exit 1, and the rest of the folder is read', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'claimdesk-cli-big-'));
    writeFileSync(
      join(sub, 'a-big.txt'),
      `Title\n\n${'The mayor said the bridge will reopen. '.repeat(30_000)}`,
    );
    writeFileSync(join(sub, 'b-small.txt'), 'Title\n\nThe mayor said the bridge will reopen.\n');
    const r = await run(['--format', 'csv', sub]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${join(sub, 'a-big.txt')}: too large (1.2 MB; the limit is 1.0 MB, as in the app), skipped\n`,
    );
    const rows = Papa.parse<Record<string, string>>(r.stdout.trim(), { header: true }).data;
    expect(rows.map((row) => row.id)).toEqual([join(sub, 'b-small.txt')]);
    const big = JSON.stringify({ id: 'big', text: 'é'.repeat(600_000) });
    const lines = await run(
      ['--jsonl'],
      `${big}\n${JSON.stringify({ id: 'ok', text: 'Title\n\nThe mayor said it.' })}\n`,
    );
    expect(lines.status).toBe(1);
    expect(lines.stderr).toBe(
      'stdin line 1: text too large (1.2 MB; the limit is 1.0 MB, as in the app), skipped (id big)\n',
    );
    expect(
      lines.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['ok']);
  });

  test('"-" and unknown short options get a clear message and usage, not "no such file"', async () => {
    const dash = await run(['-']);
    expect(dash.status).toBe(2);
    expect(dash.stderr).toMatch(
      /^extract: "-" \(standard input\) is read only with --jsonl; give file paths\nusage:/,
    );
    const short = await run(['-x', article]);
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/^extract: unknown option -x\nusage:/);
    expect(short.stdout).toBe('');
  });

  test('--jsonl refuses a line that is not UTF-8 (by number) instead of extracting from U+FFFD', async () => {
    const input = Buffer.concat([
      Buffer.from('{"id":"a","text":"Caf'),
      Buffer.from([0xe9]),
      Buffer.from(
        ' owner Ann Bell said prices will rise."}\r\n{"id":"b","text":"Title\\n\\nAnn Bell said prices will rise."}',
      ),
    ]);
    const r = await run(['--jsonl'], input);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('stdin line 1: not valid UTF-8, skipped\n');
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((d) => d.id)).toEqual(['b']);
    expect(out[0].claims[0].text).toBe('prices will rise');
  });

  test('an .html or .md file is read as the app imports it: no markup in the text, offsets into that text', async () => {
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      `<!doctype html><html><head><title>Bridge | Gazette</title><link rel="canonical" href="https://gazette.example/bridge">
<meta property="article:published_time" content="2026-12-01T09:00:00Z"></head><body>
<nav><a href="/">Home</a> Subscribe now</nav>
<article><h1>Bridge to reopen</h1>
<p>The mayor, Ann Bell, said the bridge <b>would reopen</b> in May.</p>
<script>globalThis.__ran = true</script>
<p>"We have waited long enough," said Tom Hale, who runs the ferry.</p></article>
<footer>© Gazette. Share on Facebook</footer></body></html>`,
    );
    const notes = join(dir, 'notes.md');
    writeFileSync(
      notes,
      '# Bridge\n\nThe mayor said the bridge **would reopen** in [May](https://example.org).\n',
    );
    for (const file of [page, notes]) {
      const doc = JSON.parse((await run([file])).stdout);
      expect(doc.text).not.toMatch(/[<>*[\]]|Subscribe|Facebook|__ran/);
      expect(doc.claims.length).toBeGreaterThan(0);
      for (const c of doc.claims) expect(doc.text.slice(c.start, c.end)).toBe(c.text);
      expect(doc.claims[0].text).toMatch(/^the bridge would reopen in May/);
    }
    // and, as the app keeps them for the article, where the page came from
    expect(JSON.parse((await run([page])).stdout)).toMatchObject({
      title: expect.stringMatching(/Bridge/),
      url: 'https://gazette.example/bridge',
      publishedAt: '2026-12-01T09:00:00Z',
    });
    expect((globalThis as { __ran?: unknown }).__ran).toBeUndefined();
    // a plain-text file keeps offsets into the file as it is, and no copy of its text
    expect(JSON.parse((await run([article])).stdout).text).toBeUndefined();
    const csv = Papa.parse<string[]>((await run(['--format', 'csv', page])).stdout.trim()).data;
    expect(csv.slice(1).every((row) => !row.join(' ').includes('<'))).toBe(true);
  });

  test('an .html page saved as windows-1252 is read in the encoding it declares, as the app reads it', async () => {
    const page = join(dir, 'legacy.html');
    const html =
      '<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><article>' +
      '<p>\u201cThe caf\u00e9 will close,\u201d Ann Bell said on Monday.</p></article></body></html>';
    // windows-1252: é is 0xE9, the curly quotes 0x93 and 0x94
    const bytes = Buffer.from(
      [...html].map((c) => ({ '\u201c': 0x93, '\u201d': 0x94 })[c] ?? c.charCodeAt(0)),
    );
    writeFileSync(page, bytes);
    const r = await run([page]);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc.claims[0].text).toMatch(/^The caf\u00e9 will close/);
    expect(JSON.stringify(doc.speakers)).toContain('Ann Bell');
    // undeclared, the same bytes are still refused
    writeFileSync(page, bytes.toString('latin1').replace('<meta charset="windows-1252">', ''), 'latin1');
    expect((await run([page])).stderr).toMatch(/not valid UTF-8 text/);
  });

  test('an .html file with no article text is refused with a clear message; the other files still run', async () => {
    const bare = join(dir, 'bare.html');
    writeFileSync(bare, '<html><body><script>alert(1)</script><img src=x></body></html>');
    const r = await run([bare, article]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${bare}: No article text was found in this HTML.\n`);
    expect(JSON.parse(r.stdout).id).toBe(article);
  });

  test('a directory with a broken link and a link to its parent: that entry is reported, the other files still run', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'claimdesk-links-'));
    writeFileSync(join(corpus, 'a.txt'), 'Title\n\nThe mayor said the bridge will reopen.\n');
    symlinkSync(join(corpus, 'gone.txt'), join(corpus, 'b.txt'));
    symlinkSync(corpus, join(corpus, 'loop'));
    const r = await run(['--granularity=quotation', corpus]);
    expect(r.stderr).toBe(`${join(corpus, 'b.txt')}: no such file\n`);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: join(corpus, 'a.txt'), claims: [{ kind: 'indirect' }] });
  });

  test('--format webannotation of a file ending in a newline: the source is the app’s hash of the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-join-'));
    const text = 'Title\n\nThe mayor said the bridge will reopen.\n';
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b.txt'), `\n\n${text}`);
    const sourceOf = async (name: string) =>
      JSON.parse((await run(['--format', 'webannotation', join(dir, name)])).stdout)[0].target.source;
    // the app's article: sha256 of the text as stored (normalizeText: trimmed), its id art-<first 32>
    const stored = createHash('sha256').update(text.trim(), 'utf8').digest('hex');
    expect(await sourceOf('a.txt')).toBe(`urn:sha256:${stored}`);
    // leading blank lines shift the offsets: the source stays the hash of the file as given
    const given = createHash('sha256').update(`\n\n${text}`, 'utf8').digest('hex');
    expect(await sourceOf('b.txt')).toBe(`urn:sha256:${given}`);
  });

  test('--format webannotation over a directory: one annotation list, claims anchored in each file', async () => {
    const corpus = mkdtempSync(join(tmpdir(), 'claimdesk-dir-'));
    mkdirSync(join(corpus, 'sub'));
    writeFileSync(join(corpus, 'b.txt'), 'Title\n\nThe mayor said the bridge will reopen.\n');
    writeFileSync(join(corpus, 'sub', 'a.md'), '# Title\n\n“Prices will rise,” Ann Bell said.\n');
    writeFileSync(join(corpus, 'skip.png'), 'x');
    const r = await run(['--format', 'webannotation', corpus]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.length).toBeGreaterThanOrEqual(2);
    for (const a of list) {
      expect(a).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation' });
      expect(a.target.source).toMatch(/^urn:sha256:[0-9a-f]{64}$/);
      const [quote, position] = a.target.selector;
      expect(position.end - position.start).toBe(quote.exact.length);
    }
    expect(
      (await run(['--format', 'webannotation', mkdtempSync(join(tmpdir(), 'claimdesk-empty-'))])).stderr,
    ).toContain('no .txt, .md or .html files in this directory');
    // the same input gives the same bytes (no times in the output)
    expect((await run(['--format', 'webannotation', corpus])).stdout).toBe(r.stdout);
  });
});
