import { describe, expect, it } from 'vitest';
import { functionSource } from './design.ts';

type Ctx = { name: string | null; roles: string[]; db: string };
type Sec = {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
};
type Validate = (newDoc: object, oldDoc: object | null, userCtx: Ctx, secObj: Sec) => void;

// The exact text CouchDB receives, evaluated as CouchDB's JavaScript engine does.
const validate = new Function(`return ${functionSource('validate_doc_update.js')}`)() as Validate;

const DB = 'newsroom';
const sec: Sec = {
  admins: { names: ['chief'], roles: [`claimdesk:admin:${DB}`] },
  members: { names: [], roles: [`claimdesk:writer:${DB}`, `claimdesk:viewer:${DB}`] },
};
const writer: Ctx = { name: 'bob', roles: [`claimdesk:writer:${DB}`], db: DB };
const viewer: Ctx = { name: 'vic', roles: [`claimdesk:viewer:${DB}`], db: DB };
const teamAdmin: Ctx = { name: 'ann', roles: [`claimdesk:admin:${DB}`], db: DB };
const claim = { _id: 'claims:c1', id: 'c1', articleId: 'a1', updatedAt: 1_700_000_000_000, deletedAt: null };

function refusal(doc: object, ctx: Ctx, old: object | null = null): string | null {
  try {
    validate(doc, old, ctx, sec);
    return null;
  } catch (err) {
    const reason = (err as { forbidden?: string; unauthorized?: string }).forbidden;
    if (typeof reason !== 'string') throw err;
    return reason;
  }
}

describe('validate_doc_update: who may write', () => {
  it('accepts a writer, a team admin (by role or by name) and a server admin', () => {
    expect(refusal(claim, writer)).toBeNull();
    expect(refusal(claim, teamAdmin)).toBeNull();
    expect(refusal(claim, { name: 'chief', roles: [], db: DB })).toBeNull();
    expect(refusal(claim, { name: 'root', roles: ['_admin'], db: DB })).toBeNull();
  });

  it('refuses a viewer with forbidden and says why', () => {
    expect(refusal(claim, viewer)).toMatch(/Viewers .* cannot change/);
  });

  it('refuses anyone without a writer role for this database', () => {
    expect(refusal(claim, { name: 'eve', roles: [], db: DB })).toMatch(/Only writers and admins/);
    expect(refusal(claim, { name: null, roles: [], db: DB })).toMatch(/Only writers and admins/);
    // a writer of another team is not a writer here
    expect(refusal(claim, { name: 'bob', roles: ['claimdesk:writer:other'], db: DB })).not.toBeNull();
    expect(refusal(claim, { name: 'bob', roles: [`claimdesk:writer:${DB}`], db: 'other' })).not.toBeNull();
  });

  it('lets only admins change design documents', () => {
    const ddoc = { _id: '_design/x', validate_doc_update: 'function () {}' };
    expect(refusal(ddoc, writer)).toMatch(/design documents/);
    expect(refusal(ddoc, teamAdmin)).toBeNull();
  });

  it('lets a writer remove a revision (conflict clean-up) but not a viewer', () => {
    const removal = { _id: 'claims:c1', _rev: '2-x', _deleted: true };
    expect(refusal(removal, writer)).toBeNull();
    expect(refusal(removal, viewer)).not.toBeNull();
  });
});

describe('validate_doc_update: what a document must look like', () => {
  it.each([
    ['no table prefix', { ...claim, _id: 'c1' }],
    ['an unknown table', { ...claim, _id: 'claimFacets:c1' }],
    ['a local-only table', { ...claim, _id: 'summaries:c1' }],
    ['an empty row id', { ...claim, _id: 'claims:', id: '' }],
    ['a row id with spaces', { ...claim, _id: 'claims:c 1', id: 'c 1' }],
    ['an over-long row id', { ...claim, _id: `claims:${'x'.repeat(201)}`, id: 'x'.repeat(201) }],
    ['a body id that differs', { ...claim, id: 'c2' }],
    ['no body id', { _id: 'claims:c1', updatedAt: 1 }],
    ['no updatedAt', { _id: 'claims:c1', id: 'c1', deletedAt: null }],
    ['updatedAt as text', { ...claim, updatedAt: '2024-01-01' }],
    ['a negative updatedAt', { ...claim, updatedAt: -5 }],
    ['deletedAt as text', { ...claim, deletedAt: 'yesterday' }],
  ])('refuses %s', (_label, doc) => {
    expect(refusal(doc, writer)).toEqual(expect.any(String));
  });

  it('accepts every replicated table and tombstones', () => {
    for (const table of ['articles', 'claims', 'speakers', 'sources', 'evidence', 'questions']) {
      expect(refusal({ _id: `${table}:r1`, id: 'r1', updatedAt: 5, deletedAt: null }, writer)).toBeNull();
    }
    expect(refusal({ ...claim, deletedAt: 1_700_000_000_500 }, writer)).toBeNull();
    // ids made from a SHA-256 or a UUID, and ids with a colon of their own
    expect(
      refusal({ _id: `articles:${'ab'.repeat(32)}`, id: 'ab'.repeat(32), updatedAt: 1 }, writer),
    ).toBeNull();
    expect(refusal({ _id: 'claims:a:b', id: 'a:b', updatedAt: 1 }, writer)).toBeNull();
  });

  const entry = {
    _id: 'history:h1',
    id: 'h1',
    table: 'claims',
    rowId: 'c1',
    batchId: 'b1',
    action: 'update',
    from: { verdict: null },
    to: { verdict: 'true' },
    at: 1_700_000_000_000,
  };

  it('accepts a history entry and refuses one without its table, row, batch or time', () => {
    expect(refusal(entry, writer)).toBeNull();
    expect(refusal({ ...entry, table: 'history' }, writer)).toMatch(/table/);
    expect(refusal({ ...entry, rowId: '' }, writer)).toMatch(/rowId/);
    expect(refusal({ ...entry, batchId: undefined }, writer)).toMatch(/batchId/);
    expect(refusal({ ...entry, at: 'now' }, writer)).toMatch(/"at"/);
  });

  it('keeps history append-only: what an entry is about cannot be rewritten', () => {
    const old = { ...entry, _rev: '1-a' };
    expect(refusal({ ...entry, author: 'bob' }, writer, old)).toBeNull();
    expect(refusal({ ...entry, rowId: 'c2' }, writer, old)).toMatch(/append-only/);
    expect(refusal({ ...entry, at: entry.at + 1 }, writer, old)).toMatch(/append-only/);
  });
});

describe('the function files stay plain ES5 (CouchDB may run an old SpiderMonkey)', () => {
  it.each(['validate_doc_update.js', 'filter_slice.js'])('%s', (file) => {
    const source = functionSource(file);
    expect(source.startsWith('function (')).toBe(true);
    const code = source.replace(/\/\/.*$/gm, '');
    for (const modern of ['=>', 'let ', 'const ', '`', '?.', '??', 'Object.hasOwn', 'class ', '...']) {
      expect(code, `${file} uses ${modern}`).not.toContain(modern);
    }
  });
});
