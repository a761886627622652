import { describe, expect, test } from 'vitest';
import {
  article,
  claim,
  evidence,
  history,
  MAYOR,
  MINUS,
  question,
  source,
  speaker,
} from '@/test/export-rows';
import { BackupError } from './backup-error';
import { linesOf, parseJsonStrict, readBackup } from './backup-read';
import { BACKUP_TABLES, BACKUP_VERSION, type BackupTable } from './backup-schema';
import { BackupWriter, backupHeader, backupText } from './backup-write';

type Tables = Record<BackupTable, Record<string, unknown>[]>;

function library(): Tables {
  return {
    articles: [article()],
    speakers: [speaker()],
    sources: [source()],
    claims: [
      claim(MAYOR, { rule: 'quote-cue-before', groupId: 'q1' }),
      claim(MINUS, { speakerId: null, kind: 'unattributed', deletedAt: 5 }),
    ],
    evidence: [evidence()],
    questions: [question()],
    history: [history(), history({ id: 'h-2' as never, label: 'Tag 2 claims' })],
    meta: [{ key: 'exportSettings', value: { organizationName: 'Check Desk' } }],
  };
}

const countsOf = (t: Tables) =>
  Object.fromEntries(BACKUP_TABLES.map((n) => [n, t[n].length])) as Record<BackupTable, number>;

const headerFor = (t: Tables) =>
  backupHeader({
    exportedAt: '2026-02-01T00:00:00.000Z',
    app: { name: 'Claimdesk', version: '0.1.0' },
    extractorVersion: '0.3.1',
    schemaVersion: 2,
    counts: countsOf(t),
  });

async function read(text: string, chunkSize = 500) {
  const got = Object.fromEntries(BACKUP_TABLES.map((t) => [t, [] as unknown[]])) as Record<
    BackupTable,
    unknown[]
  >;
  const chunks: number[] = [];
  const header = await readBackup(
    linesOf(text),
    (table, rows) => {
      got[table].push(...rows);
      chunks.push(rows.length);
    },
    { chunkSize, wholeText: async () => text },
  );
  return { header, tables: got, chunks };
}

const fails = async (text: string) => {
  try {
    await read(text);
  } catch (e) {
    expect(e).toBeInstanceOf(BackupError);
    return (e as Error).message;
  }
  throw new Error('the backup was accepted');
};

describe('backup envelope', () => {
  test('written a page at a time it is plain JSON, and reads back row for row', async () => {
    const t = library();
    const text = backupText(headerFor(t), t);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ format: 'claimdesk-backup', version: BACKUP_VERSION, counts: countsOf(t) });
    expect(json.tables.claims).toEqual(t.claims);
    const back = await read(text, 1);
    expect(back.tables).toEqual(t);
    expect(back.chunks.every((n) => n === 1)).toBe(true);
    expect(back.header.app).toEqual({ name: 'Claimdesk', version: '0.1.0' });
  });

  test('the writer refuses tables out of order or missing', () => {
    const w = new BackupWriter();
    w.begin(headerFor(library()));
    expect(() => w.startTable('claims')).toThrow(/out of turn/);
    w.startTable('articles');
    expect(() => w.end()).toThrow(/every table/);
  });

  test('a reformatted backup (not in the line layout) is read as one JSON value', async () => {
    const t = library();
    const pretty = JSON.stringify(JSON.parse(backupText(headerFor(t), t)), null, 2);
    expect((await read(pretty)).tables).toEqual(t);
  });

  test('version 1 (history without batchKind / target) is upgraded', async () => {
    const t = library();
    const v1 = {
      ...JSON.parse(backupText(headerFor(t), t)),
      version: 1,
      schemaVersion: undefined,
    };
    for (const h of v1.tables.history) {
      delete h.batchKind;
      delete h.target;
    }
    const back = await read(JSON.stringify(v1));
    expect(back.header.version).toBe(BACKUP_VERSION);
    expect(back.header.schemaVersion).toBe(1);
    expect(back.tables.history).toEqual(t.history.map((h) => ({ ...h, batchKind: 'change', target: null })));
  });

  test('a newer backup gets its own message', async () => {
    const t = library();
    const text = backupText({ ...headerFor(t), version: BACKUP_VERSION + 1 }, t);
    expect(await fails(text)).toMatch(
      /made by a newer version of Claimdesk \(backup format 3; this app reads up to 2\)/,
    );
  });

  test('JSON that is not a backup, text that is not JSON, an empty file', async () => {
    expect(await fails('{"claims": []}')).toMatch(/not a Claimdesk backup/);
    expect(await fails('[1,2,3]')).toMatch(/not a Claimdesk backup/);
    expect(await fails('hello')).toMatch(/not a Claimdesk backup/);
    expect(await fails('')).toMatch(/empty/);
  });

  test('a truncated backup, in either layout', async () => {
    const t = library();
    const text = backupText(headerFor(t), t);
    expect(await fails(text.slice(0, text.indexOf('"evidence"')))).toMatch(/cut short \(truncated/);
    expect(await fails(text.slice(0, text.length - 40))).toMatch(/cut short \(truncated/);
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect(await fails(pretty.slice(0, pretty.length / 2))).toMatch(/not valid JSON: it may be cut short/);
  });

  test('cut inside a row it says cut short; a damaged row before the end is named by its line', async () => {
    const t = library();
    const text = backupText(headerFor(t), t);
    const lines = text.split('\n');
    const row = lines.findIndex((l) => l.startsWith('{"id"') && l.includes('"articleId"'));
    const cut = [...lines.slice(0, row), lines[row]!.slice(0, 30)].join('\n');
    expect(await fails(cut)).toMatch(`cut short (truncated at line ${row + 1})`);
    expect(await fails(`${cut}\n`)).toMatch(`cut short (truncated at line ${row + 1})`);
    const damaged = [...lines.slice(0, row), '{"id": oops', ...lines.slice(row + 1)].join('\n');
    expect(await fails(damaged)).toMatch(`damaged at line ${row + 1} (`);
  });

  test('__proto__ and constructor keys are refused anywhere', async () => {
    const t = library();
    const text = backupText(headerFor(t), t);
    const poisoned = text.replace('"from":{"verdict":"unchecked"}', '"from":{"__proto__":{"polluted":1}}');
    expect(poisoned).not.toBe(text);
    expect(await fails(poisoned)).toMatch(/key named "__proto__"/);
    expect(await fails(text.replace('"tags":["transport"', '"constructor":1,"tags":["transport"'))).toMatch(
      /key named "constructor"/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('wrong types, offsets outside the article, dangling references, repeated ids, wrong counts', async () => {
    const bad = async (change: (t: Tables) => void, counts?: (t: Tables) => Record<BackupTable, number>) => {
      const t = library();
      change(t);
      return fails(backupText({ ...headerFor(t), counts: counts ? counts(t) : countsOf(t) }, t));
    };
    expect(await bad((t) => (t.claims[0] = { ...t.claims[0], start: '12' }))).toMatch(
      /claims row 1 is not valid \(start: /,
    );
    expect(await bad((t) => (t.claims[0] = { ...t.claims[0], verdict: 'pants on fire' }))).toMatch(/verdict/);
    expect(await bad((t) => (t.claims[0] = { ...t.claims[0], extra: 1 }))).toMatch(/not valid/);
    expect(await bad((t) => (t.claims[0] = { ...t.claims[0], end: 100_000 }))).toMatch(
      /offsets \d+\.\.100000 outside its article/,
    );
    expect(await bad((t) => (t.claims[0] = { ...t.claims[0], articleId: 'nope' }))).toMatch(
      /refers to the article nope, which is not in the backup/,
    );
    expect(await bad((t) => (t.evidence[0] = { ...t.evidence[0], sourceId: 'nope' }))).toMatch(
      /the source nope/,
    );
    expect(await bad((t) => t.claims.push({ ...t.claims[0]! }))).toMatch(/repeats the id/);
    expect(await bad((t) => t.articles.push(article({ id: 'art-2' as never })))).toMatch(
      /same text as an earlier/,
    );
    expect(
      await bad(
        () => {},
        (t) => ({ ...countsOf(t), claims: 3 }),
      ),
    ).toMatch(/claims table holds 2 rows but its header says 3/);
  });
});

describe('parseJsonStrict', () => {
  test.each([
    ['a plain key', '{"__proto__":{"x":1}}'],
    ['a key spelled with escapes', '{"\\u005f\\u005fproto\\u005f\\u005f":{"x":1}}'],
    ['constructor', '{"a":{"constructor":1}}'],
    ['prototype', '[{"prototype":1}]'],
  ])('refuses %s', (_, text) => {
    expect(() => parseJsonStrict(text)).toThrow(BackupError);
  });

  test('reads rows whose text merely mentions the words or holds escapes', () => {
    expect(parseJsonStrict('{"text":"the constructor of the prototype","q":"\\u00e9"}')).toEqual({
      text: 'the constructor of the prototype',
      q: 'é',
    });
    expect(parseJsonStrict('{"a":[1,2],"b":null}')).toEqual({ a: [1, 2], b: null });
  });
});
