import type { z } from 'zod';
import { checkSourceUrl } from '../review/urls';
import { BackupError } from './backup-error';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTable,
  headerSchema,
  ROW_SCHEMAS,
} from './backup-schema';
import { TABLES_KEY_LINE } from './backup-write';

export type BackupRowSink = (
  table: BackupTable,
  rows: readonly Record<string, unknown>[],
) => Promise<void> | void;

/** Keys that would reach an object's prototype when the parsed data is spread or merged. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Text that cannot hold a forbidden key: none of their names, and no escape that could spell one. */
const plainText = (text: string) =>
  !text.includes('proto') && !text.includes('constructor') && !text.includes('\\u');

/** JSON.parse that refuses prototype-polluting keys anywhere in the value. */
export function parseJsonStrict(text: string): unknown {
  // a reviver makes JSON.parse several times slower: only text that could hold such a key needs it
  if (plainText(text)) return JSON.parse(text);
  return JSON.parse(text, (key, value) => {
    if (FORBIDDEN_KEYS.has(key))
      throw new BackupError(
        `The backup holds a key named "${key}", which is never part of a Claimdesk backup.`,
      );
    return value;
  });
}

const plural = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.length ? issue.path.join('.') : 'the row';
  return `${path}: ${issue.message}`;
}

/**
 * Upgrades of older envelopes, one per version step (the row shapes follow the database schema):
 * version 1 (database schema 1) had history entries without `batchKind` and `target`; questions
 * from before database schema 4 have no `placedClaimIds` (the claims their stances place).
 */
function upgradeHeader(raw: Record<string, unknown>): Record<string, unknown> {
  if (raw.version === 1) return { ...raw, version: 2, schemaVersion: raw.schemaVersion ?? 1 };
  return raw;
}

function upgradeRow(
  fromVersion: number,
  table: BackupTable,
  row: Record<string, unknown>,
): Record<string, unknown> {
  if (fromVersion < 2 && table === 'history')
    return { ...row, batchKind: row.batchKind ?? 'change', target: row.target ?? null };
  if (
    table === 'questions' &&
    row.placedClaimIds === undefined &&
    row.stances &&
    typeof row.stances === 'object'
  )
    return { ...row, placedClaimIds: Object.keys(row.stances) };
  return row;
}

/**
 * Checks a backup row by row as it streams in (types, ids unique per table, references to rows
 * written before, claim offsets inside their article, counts) and hands valid rows to `sink` in
 * chunks. Nothing reaches the sink from a table until its rows have been checked; a caller that
 * writes must first run a whole pass with a sink that does not (see `db/backup-restore.ts`).
 */
export class BackupValidator {
  header: BackupHeader | null = null;
  private originalVersion = BACKUP_VERSION;
  private table: BackupTable | null = null;
  private seenTables = new Set<BackupTable>();
  private buffer: Record<string, unknown>[] = [];
  private rowCount = 0;
  private ids = new Map<BackupTable, Set<string>>();
  private articleLength = new Map<string, number>();
  private articleText = new Map<string, string>();
  private articleShas = new Set<string>();

  constructor(
    private readonly sink: BackupRowSink,
    private readonly chunkSize = 500,
    private readonly onHeader?: (header: BackupHeader) => void,
  ) {}

  acceptHeader(raw: unknown): BackupHeader {
    if (
      !raw ||
      typeof raw !== 'object' ||
      Array.isArray(raw) ||
      (raw as { format?: unknown }).format !== BACKUP_FORMAT
    )
      throw new BackupError(`This file is not a Claimdesk backup (it has no "format": "${BACKUP_FORMAT}").`);
    const version = (raw as { version?: unknown }).version;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new BackupError('This backup has no valid version number.');
    if (version > BACKUP_VERSION)
      throw new BackupError(
        `This backup was made by a newer version of Claimdesk (backup format ${version}; this app reads up to ${BACKUP_VERSION}). Update Claimdesk, then restore it.`,
      );
    this.originalVersion = version;
    const parsed = headerSchema.safeParse(upgradeHeader(raw as Record<string, unknown>));
    if (!parsed.success)
      throw new BackupError(`The backup’s header is not valid (${firstIssue(parsed.error)}).`);
    this.header = parsed.data;
    this.onHeader?.(parsed.data);
    return parsed.data;
  }

  async startTable(name: string): Promise<void> {
    if (!this.header) throw new BackupError('The backup has no header.');
    await this.closeTable();
    const t = name as BackupTable;
    if (!(BACKUP_TABLES as readonly string[]).includes(name))
      throw new BackupError(`The backup holds an unknown table "${name.slice(0, 40)}".`);
    if (this.seenTables.has(t)) throw new BackupError(`The backup holds the table "${name}" twice.`);
    this.seenTables.add(t);
    this.table = t;
    this.rowCount = 0;
    this.ids.set(t, new Set());
  }

  async acceptRow(raw: unknown): Promise<void> {
    const table = this.table;
    if (!table) throw new BackupError('The backup has a row outside any table.');
    this.rowCount++;
    const where = `${table} row ${this.rowCount.toLocaleString('en')}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw))
      throw new BackupError(`The backup’s ${where} is not an object.`);
    const upgraded = upgradeRow(this.originalVersion, table, raw as Record<string, unknown>);
    const parsed = ROW_SCHEMAS[table].safeParse(upgraded);
    if (!parsed.success)
      throw new BackupError(`The backup’s ${where} is not valid (${firstIssue(parsed.error)}).`);
    const row = parsed.data as Record<string, unknown>;
    this.checkReferences(table, row, where);
    this.buffer.push(row);
    if (this.buffer.length >= this.chunkSize) await this.flush();
  }

  async finish(): Promise<BackupHeader> {
    await this.closeTable();
    const header = this.header;
    if (!header) throw new BackupError('The backup has no header.');
    const missing = BACKUP_TABLES.filter((t) => !this.seenTables.has(t));
    if (missing.length)
      throw new BackupError(`The backup is incomplete: it has no ${missing.join(', ')} table.`);
    return header;
  }

  private async closeTable(): Promise<void> {
    const table = this.table;
    if (!table || !this.header) return;
    await this.flush();
    const expected = this.header.counts[table];
    if (this.rowCount !== expected)
      throw new BackupError(
        `The backup’s ${table} table holds ${plural(this.rowCount, 'row')} but its header says ${expected.toLocaleString('en')}: the file was changed or cut short.`,
      );
    this.table = null;
  }

  private async flush(): Promise<void> {
    if (!this.table || this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    await this.sink(this.table, rows);
  }

  private has(table: BackupTable, id: unknown): boolean {
    return typeof id === 'string' && (this.ids.get(table)?.has(id) ?? false);
  }

  private checkReferences(table: BackupTable, row: Record<string, unknown>, where: string): void {
    const key = String(table === 'meta' ? row.key : row.id);
    const ids = this.ids.get(table)!;
    if (ids.has(key)) throw new BackupError(`The backup’s ${where} repeats the id ${key} of an earlier row.`);
    ids.add(key);
    const missing = (what: string, id: unknown) =>
      new BackupError(`The backup’s ${where} refers to ${what} ${String(id)}, which is not in the backup.`);
    switch (table) {
      case 'articles': {
        const sha = row.sha256 as string;
        if (this.articleShas.has(sha))
          throw new BackupError(`The backup’s ${where} has the same text as an earlier article.`);
        this.articleShas.add(sha);
        this.articleLength.set(key, (row.text as string).length);
        this.articleText.set(key, row.text as string);
        if (row.url !== null && !/^https?:\/\/[^\s]+$/i.test(row.url as string))
          throw new BackupError(`The backup’s ${where} has a link that is not an http(s) address.`);
        for (const b of row.boilerplate as { start: number; end: number }[])
          if (b.end < b.start || b.end > (row.text as string).length)
            throw new BackupError(`The backup’s ${where} marks boilerplate outside its text.`);
        break;
      }
      case 'claims': {
        const length = this.articleLength.get(row.articleId as string);
        if (length === undefined) throw missing('the article', row.articleId);
        const start = row.start as number;
        const end = row.end as number;
        if (end <= start || end > length)
          throw new BackupError(
            `The backup’s ${where} has offsets ${start}..${end} outside its article (${plural(length, 'character')}).`,
          );
        if (this.articleText.get(row.articleId as string)!.slice(start, end) !== row.text)
          throw new BackupError(
            `The backup’s ${where} quotes words that are not in its article at ${start}..${end}.`,
          );
        if (row.speakerId !== null && !this.has('speakers', row.speakerId))
          throw missing('the speaker', row.speakerId);
        break;
      }
      case 'sources':
        if (row.url !== '' && !checkSourceUrl(row.url as string).ok)
          throw new BackupError(`The backup’s ${where} has a source address that is not an http(s) address.`);
        break;
      case 'evidence':
        if (!this.has('claims', row.claimId)) throw missing('the claim', row.claimId);
        if (!this.has('sources', row.sourceId)) throw missing('the source', row.sourceId);
        break;
      case 'questions':
        for (const a of row.articleIds as string[])
          if (!this.articleLength.has(a)) throw missing('the article', a);
        break;
    }
  }
}

/**
 * Reads the line layout of `backup-write.ts` a line at a time. Returns false from `line` for the
 * first line when the text is not in that layout (the caller then parses it as one JSON value).
 */
export class BackupLineReader {
  private state: 'head' | 'tables' | 'rows' | 'done' = 'head';
  private lineNo = 0;
  /** A line that is not a row: damage if another line follows, else the file was cut inside it. */
  private unreadable: BackupError | null = null;

  constructor(readonly validator: BackupValidator) {}

  async line(raw: string): Promise<boolean> {
    if (this.unreadable) {
      if (raw.trim() === '') return true;
      throw this.unreadable;
    }
    this.lineNo++;
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    switch (this.state) {
      case 'head': {
        if (!text.startsWith('{') || !text.endsWith(`,${TABLES_KEY_LINE}`)) return false;
        let head: unknown;
        try {
          head = parseJsonStrict(`${text.slice(0, -(TABLES_KEY_LINE.length + 1))}}`);
        } catch (e) {
          if (e instanceof BackupError) throw e;
          return false;
        }
        this.validator.acceptHeader(head);
        this.state = 'tables';
        return true;
      }
      case 'tables': {
        const m = /^"([a-z]+)":\[$/.exec(text);
        if (m) {
          await this.validator.startTable(m[1]!);
          this.state = 'rows';
          return true;
        }
        if (text === '}}') {
          this.state = 'done';
          return true;
        }
        this.unreadable = this.bad();
        return true;
      }
      case 'rows': {
        if (text === ']' || text === '],') {
          this.state = 'tables';
          return true;
        }
        const json = text.endsWith(',') ? text.slice(0, -1) : text;
        let row: unknown;
        try {
          row = parseJsonStrict(json);
        } catch (e) {
          if (e instanceof BackupError) throw e;
          this.unreadable = this.bad();
          return true;
        }
        await this.validator.acceptRow(row);
        return true;
      }
      case 'done':
        if (text.trim() === '') return true;
        throw new BackupError(`The backup has text after its end (line ${this.lineNo}).`);
    }
  }

  async end(): Promise<BackupHeader> {
    if (this.state !== 'done')
      throw new BackupError(
        `The backup is cut short (truncated at line ${this.lineNo.toLocaleString('en')}): restore a complete copy of the file.`,
      );
    return this.validator.finish();
  }

  private bad(): BackupError {
    return new BackupError(
      `The backup is damaged at line ${this.lineNo.toLocaleString('en')} (not a row of a Claimdesk backup).`,
    );
  }
}

/** A backup given as one parsed JSON value (a file reformatted by another tool, or an older export). */
export async function validateBackupValue(value: unknown, validator: BackupValidator): Promise<BackupHeader> {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new BackupError(`This file is not a Claimdesk backup (it has no "format": "${BACKUP_FORMAT}").`);
  const { tables, ...header } = value as Record<string, unknown>;
  validator.acceptHeader(header);
  if (!tables || typeof tables !== 'object' || Array.isArray(tables))
    throw new BackupError('The backup has no tables.');
  for (const name of Object.keys(tables)) {
    const rows = (tables as Record<string, unknown>)[name];
    if (!Array.isArray(rows)) throw new BackupError(`The backup’s ${name.slice(0, 40)} table is not a list.`);
  }
  for (const name of BACKUP_TABLES) {
    const rows = (tables as Record<string, unknown>)[name];
    if (!Array.isArray(rows)) continue;
    await validator.startTable(name);
    for (const row of rows) await validator.acceptRow(row);
  }
  const unknown = Object.keys(tables).find((n) => !(BACKUP_TABLES as readonly string[]).includes(n));
  if (unknown) throw new BackupError(`The backup holds an unknown table "${unknown.slice(0, 40)}".`);
  return validator.finish();
}

/**
 * Reads a backup from its lines (streamed), falling back to parsing the whole text when it is not
 * in the line layout and `wholeText` can supply it. Every row goes through `sink` in chunks.
 */
export async function readBackup(
  lines: AsyncIterable<string> | Iterable<string>,
  sink: BackupRowSink,
  options: {
    chunkSize?: number;
    wholeText?: () => Promise<string>;
    onHeader?: (header: BackupHeader) => void;
  } = {},
): Promise<BackupHeader> {
  const validator = new BackupValidator(sink, options.chunkSize, options.onHeader);
  const reader = new BackupLineReader(validator);
  let first = true;
  for await (const line of lines) {
    if (first && line.trim() === '') continue;
    const ok = await reader.line(line);
    if (first && !ok) {
      if (!options.wholeText) throw new BackupError('This file is not a Claimdesk backup.');
      let value: unknown;
      const text = await options.wholeText();
      try {
        value = parseJsonStrict(text);
      } catch (e) {
        if (e instanceof BackupError) throw e;
        throw new BackupError(
          text.trimStart().startsWith('{')
            ? 'The file is not valid JSON: it may be cut short (truncated) or damaged.'
            : 'This file is not a Claimdesk backup (it is not JSON).',
        );
      }
      return validateBackupValue(value, new BackupValidator(sink, options.chunkSize, options.onHeader));
    }
    first = false;
  }
  if (first) throw new BackupError('The file is empty.');
  return reader.end();
}

/** The lines of a text (LF or CRLF). */
export function* linesOf(text: string): Generator<string> {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    yield text.slice(start, nl);
    start = nl + 1;
  }
  if (start < text.length) yield text.slice(start);
}
