import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { JSON_LIST_CLOSE, JSON_LIST_OPEN, jsonListItems } from '../core/export/json-list';
import { extractClaims } from '../core/extract/pipeline';
import { type Extraction, GRANULARITIES, type Granularity } from '../core/extract/types';
import { type ArticleText, articleText, type HtmlToText } from '../core/import/article-text';
import { declaredCharset, isLegacyCharset, looksLikeUtf16, utf16Bom } from '../core/import/charset';
import { decodeFile } from '../core/import/decode-file';
import {
  checkFileSize,
  classifyFile,
  formatBytes,
  type ImportFormat,
  MAX_IMPORT_BYTES,
  utf8ByteLength,
} from '../core/import/validate';
import { htmlToTextIn } from '../features/import/html-to-text';
import type { CliIo } from './cli-io';
import { extractionAnnotations } from './extract-annotations';
import { csvRows, EXTRACT_CSV_FIELDS } from './extract-csv';

const USAGE = `usage: npm run --silent extract -- [--granularity quotation|passage|sentence] FILE...
       npm run --silent extract -- --jsonl < in.jsonl     (lines {"id","text"} -> lines {"id","speakers","claims"})
       npm run --silent extract -- --format csv FILE...
       npm run --silent extract -- --format webannotation FILE...   (W3C Web Annotation JSON-LD, one list)
       a DIRECTORY instead of a FILE reads its .txt, .md and .html files (and its subdirectories'), in name order
       .md and .html files are read as the app imports them (Markdown syntax and page furniture dropped); their
       results carry that "text" (and the page's "title"), which the claims' offsets refer to`;

class InputError extends Error {}

/**
 * Text of a file (UTF-16 when it starts with that byte-order mark), refusing binary content (NUL bytes, or bytes that are neither UTF-8 nor the
 * encoding an HTML page declares in `charset`, as the app reads it) and empty text.
 */
export function decodeText(bytes: Uint8Array, what: string, charset: string | null = null): string {
  const utf16 = utf16Bom(bytes);
  if (!utf16 && bytes.includes(0)) {
    throw new InputError(
      looksLikeUtf16(bytes)
        ? `${what}: UTF-16 text without a byte-order mark, expected UTF-8 (or UTF-16 with a byte-order mark)`
        : `${what}: binary file (NUL bytes), expected UTF-8 text`,
    );
  }
  const decoded = decodeFile(what, bytes, charset);
  if (!decoded.ok) {
    throw new InputError(
      utf16
        ? `${what}: not valid UTF-16 text, or binary data after its byte-order mark`
        : `${what}: not valid UTF-8 text${isLegacyCharset(charset) ? ` nor ${charset}` : ''}`,
    );
  }
  let text = decoded.value;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) throw new InputError(`${what}: empty text`);
  return text;
}

const tooLarge = (bytes: number) =>
  `too large (${formatBytes(bytes)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}, as in the app), skipped`;

/** A file's bytes; one over the app's import limit is refused from its size, before it is read. */
function readBytes(file: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    const size = statSync(file).size;
    if (!checkFileSize(size).ok) throw new InputError(`${file}: ${tooLarge(size)}`);
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${file}: no such file`
        : code === 'EISDIR'
          ? `${file}: is a directory`
          : code === 'EACCES' || code === 'EPERM'
            ? `${file}: permission denied`
            : `${file}: cannot read (${code ?? 'error'})`,
    );
  }
  return bytes;
}

let jsdomWindow: (Window & typeof globalThis) | undefined;
async function htmlReader(): Promise<HtmlToText> {
  if (!jsdomWindow) {
    const { JSDOM } = await import('jsdom');
    jsdomWindow = new JSDOM('').window;
  }
  const win = jsdomWindow;
  return (html) => htmlToTextIn(win, html);
}

type Read = Readonly<{ text: string; converted: ArticleText | null }>;

/** A file's text: a .txt as it is (offsets count in the file), a .md or .html as the app imports it. */
async function readArticle(file: string): Promise<Read> {
  const bytes = readBytes(file);
  const format = fileFormat(file);
  const raw = decodeText(bytes, file, format === 'html' ? declaredCharset(bytes) : null);
  if (format === 'text') return { text: raw, converted: null };
  const article = articleText(raw, format, format === 'html' ? await htmlReader() : undefined);
  if (!article.ok) throw new InputError(`${file}: ${article.problem.message}`);
  return { text: article.value.text, converted: article.value };
}

/** The app's reader for a file name (its extension); anything it would not import is read as plain text. */
const fileFormat = (file: string): ImportFormat => {
  const known = classifyFile(file, '');
  return known.ok ? known.value : 'text';
};

const result = (id: string, x: Extraction, converted: ArticleText | null = null) => ({
  id,
  ...(converted && { title: converted.title, text: converted.text }),
  ...(converted?.url && { url: converted.url }),
  ...(converted?.outlet && { outlet: converted.outlet }),
  ...(converted?.publishedAt && { publishedAt: converted.publishedAt }),
  speakers: x.speakers,
  claims: x.claims,
});

/**
 * Lines of a byte stream, each decoded strictly: a line that is not UTF-8 comes out as null rather
 * than with U+FFFD in it (which would shift every offset after it). Accepts LF and CRLF.
 */
export async function* utf8Lines(input: AsyncIterable<Uint8Array>): AsyncGenerator<string | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes: Uint8Array): string | null => {
    const line = bytes.at(-1) === 0x0d ? bytes.subarray(0, -1) : bytes;
    try {
      return decoder.decode(line);
    } catch {
      return null;
    }
  };
  let rest: Uint8Array = new Uint8Array(0);
  for await (const chunk of input) {
    let buf: Uint8Array = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
      yield decode(buf.subarray(0, nl));
      buf = buf.subarray(nl + 1);
    }
    rest = buf;
  }
  if (rest.length) yield decode(rest);
}

async function runJsonl(granularity: Granularity, io: CliIo): Promise<number> {
  let failed = 0;
  let n = 0;
  let records = 0;
  for await (const line of utf8Lines(io.stdin)) {
    n++;
    if (line === null) {
      io.stderr.write(`stdin line ${n}: not valid UTF-8, skipped\n`);
      failed++;
      continue;
    }
    if (!line.trim()) continue;
    records++;
    let doc: unknown;
    try {
      doc = JSON.parse(line);
    } catch {
      io.stderr.write(`stdin line ${n}: invalid JSON, skipped\n`);
      failed++;
      continue;
    }
    const d = doc as { id?: unknown; text?: unknown };
    if (!d || typeof d !== 'object' || typeof d.text !== 'string') {
      io.stderr.write(`stdin line ${n}: expected an object {"id","text"} with a string text, skipped\n`);
      failed++;
      continue;
    }
    const id = typeof d.id === 'string' || typeof d.id === 'number' ? String(d.id) : String(n);
    const bytes = utf8ByteLength(d.text);
    if (bytes > MAX_IMPORT_BYTES) {
      io.stderr.write(`stdin line ${n}: text ${tooLarge(bytes)} (id ${id})\n`);
      failed++;
      continue;
    }
    if (!d.text.trim()) {
      io.stderr.write(`stdin line ${n}: empty text (id ${id})\n`);
      failed++;
      io.stdout.write(`${JSON.stringify({ id, speakers: [], claims: [] })}\n`);
      continue;
    }
    io.stdout.write(`${JSON.stringify(result(id, extractClaims(d.text, { granularity })))}\n`);
  }
  if (records === 0 && failed === 0) {
    io.stderr.write(
      'stdin: no {"id","text"} lines to read (give the corpus as: npm run --silent extract -- --jsonl < corpus.jsonl)\n',
    );
    return 1;
  }
  return failed ? 1 : 0;
}

/** Text files a directory holds (recursively, in name order); plain paths pass through. */
const TEXT_FILE = /\.(txt|text|md|markdown|html|htm)$/i;
function expandDirectories(paths: readonly string[], problems: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>(); // directories walked, by real path: a link to a parent is not a loop
  const walk = (dir: string) => {
    let names: string[];
    try {
      const real = realpathSync(dir);
      if (seen.has(real)) return;
      seen.add(real);
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push(`${dir}: cannot read this directory (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      let isDir = false;
      try {
        isDir = statSync(path).isDirectory();
      } catch {
        // a broken link or an entry gone since the listing: reported by readArticle like a missing file
      }
      if (isDir) walk(path);
      else if (TEXT_FILE.test(name)) out.push(path);
    }
  };
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      // a missing path is reported by readText like any other file
    }
    if (!isDir) out.push(p);
    else {
      const before = out.length;
      walk(p);
      if (out.length === before) problems.push(`${p}: no .txt, .md or .html files in this directory`);
    }
  }
  return out;
}

async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let jsonl = false;
  let format = 'json';
  let granularity: Granularity = 'quotation';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--jsonl') jsonl = true;
    else if (a === '--format') format = argv[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--granularity') granularity = (argv[++i] ?? '') as Granularity;
    else if (a.startsWith('--granularity=')) granularity = a.slice(14) as Granularity;
    else if (a === '-h' || a === '--help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (a === '-')
      throw new InputError(`"-" (standard input) is read only with --jsonl; give file paths\n${USAGE}`);
    else if (a.startsWith('-') && a.length > 1) throw new InputError(`unknown option ${a}\n${USAGE}`);
    else files.push(a);
  }
  if (format !== 'json' && format !== 'csv' && format !== 'webannotation')
    throw new InputError(`unknown format "${format}" (json, csv or webannotation)`);
  if (!GRANULARITIES.includes(granularity))
    throw new InputError(`unknown granularity "${granularity}" (${GRANULARITIES.join(', ')})`);
  if (jsonl) {
    if (files.length) throw new InputError('--jsonl reads stdin; do not give files');
    return runJsonl(granularity, io);
  }
  if (!files.length) throw new InputError(`no input files\n${USAGE}`);
  let status = 0;
  const rows: Record<string, unknown>[] = [];
  let annotations = 0;
  if (format === 'webannotation') io.stdout.write(JSON_LIST_OPEN);
  const problems: string[] = [];
  const expanded = expandDirectories(files, problems);
  for (const problem of problems) {
    io.stderr.write(`${problem}\n`);
    status = 1;
  }
  for (const file of expanded) {
    let read: Read;
    try {
      read = await readArticle(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr.write(`${e.message}\n`);
      status = 1;
      continue;
    }
    const x = extractClaims(read.text, { granularity });
    if (format === 'csv') rows.push(...csvRows(file, x));
    else if (format === 'webannotation') {
      const docs = extractionAnnotations(file, read.text, x);
      if (docs.length) io.stdout.write(jsonListItems(docs, annotations === 0));
      annotations += docs.length;
    } else io.stdout.write(`${JSON.stringify(result(file, x, read.converted), null, 2)}\n`);
  }
  if (format === 'webannotation') io.stdout.write(JSON_LIST_CLOSE);
  if (format === 'csv' && (rows.length || status === 0)) {
    const fields = [...EXTRACT_CSV_FIELDS];
    io.stdout.write(`${Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f])) })}\n`);
  }
  return status;
}

/** The extract command: writes to io, returns the exit code (2: the command line is wrong). */
export function extractCli(argv: readonly string[], io: CliIo): Promise<number> {
  return main(argv, io).catch((e: unknown) => {
    io.stderr.write(
      `extract: ${e instanceof InputError ? e.message : e instanceof Error ? e.message : String(e)}\n`,
    );
    return 2;
  });
}
