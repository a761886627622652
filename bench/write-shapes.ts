/**
 * What each kind of row and each index of a 1,000-claim bulk verdict costs IndexedDB (issue 8,
 * writes17): `npm run bench:claims-db -- --only shapes`. The rows are the library's own (1,000
 * claims and their facet rows read from the app's database), put raw (no Dexie, no middleware)
 * into a scratch database whose stores copy the app's, one store per candidate (the app's store
 * less one index, less every index, a facet row split by what a verdict moves, history with a
 * batch-head index). Every store holds the 1,000 rows first, so each timed put overwrites, as the
 * edit does; each timed put changes what a verdict edit changes (the verdict, the update time and
 * the facet keys they move), except the "same rows again" ones, which put rows equal to the stored.
 */
import type { Claim, ClaimId } from '@/core/model/types';
import { db } from '@/db/db';
import { type FacetRow, facetOf, isVolatile, refacet, SEP, type SortCode } from '@/db/derived/facets';
import { newId } from '@/db/ids';

type Timing = { name: string; ms: number[]; median: number; budget: number | null };
type Time = (name: string, runs: number, fn: (i: number) => Promise<unknown>) => Promise<Timing>;

const NAME = 'claimdesk-shapes';

/** A key of the `f` index moves when a verdict edit changes the verdict and the update time. */
const moved = (key: string) => {
  const [group, code] = key.split(SEP);
  return isVolatile(group!, code as SortCode);
};

/**
 * The facet row's candidate shapes (writes18), each a function of the stored row to the rows it
 * would be: `merged` (schema v9–v11: one row, every key), `split` (v6–v8: the keys a verdict moves
 * on a small row of their own, the rest on the full row), and two with fewer keys (no kind keys:
 * kinds walked in `*`'s article order; no group's update order: walked in `*`'s update order).
 */
type Layout = 'merged' | 'split' | 'no kind keys' | 'no group update keys';
const LAYOUTS: readonly Layout[] = ['merged', 'split', 'no kind keys', 'no group update keys'];
const hotOf = (row: FacetRow) => ({ id: row.id, live: row.live, v: row.v, f: row.f.filter(moved) });
const groupOf = (key: string) => key.slice(0, key.indexOf(SEP));
const codeOf = (key: string) => key.split(SEP)[1];
function layoutRows(layout: Layout, rows: readonly FacetRow[]): Record<string, unknown[]> {
  switch (layout) {
    case 'merged':
      return { claimFacets: [...rows] };
    case 'split':
      return {
        'facets-hot': rows.map(hotOf),
        // the rest of the row, less what a verdict edit changes (so that edit leaves it alone)
        'facets-cold': rows.map(({ v: _, o, ...row }) => ({
          ...row,
          o: { a: o.a, c: o.c, n: o.n },
          f: row.f.filter((k) => !moved(k)),
        })),
      };
    case 'no kind keys':
      return { 'facets-nok': rows.map((row) => ({ ...row, f: row.f.filter((k) => !k.startsWith('k=')) })) };
    case 'no group update keys':
      return {
        'facets-nou': rows.map((row) => ({
          ...row,
          f: row.f.filter((k) => groupOf(k) === '*' || codeOf(k) !== 'u'),
        })),
      };
  }
}
/** What a verdict edit writes in each layout: the split one only its small row. */
const editRows = (layout: Layout, rows: readonly FacetRow[]): Record<string, unknown[]> =>
  layout === 'split' ? { 'facets-hot': rows.map(hotOf) } : layoutRows(layout, rows);

function openShapes(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const gone = indexedDB.deleteDatabase(NAME);
    gone.onsuccess = gone.onerror = () => {
      const req = indexedDB.open(NAME, 1);
      req.onupgradeneeded = () => {
        const copy = (from: string, to: string, keep: (index: string) => boolean) => {
          const t = db.table(from);
          const store = req.result.createObjectStore(to, { keyPath: t.schema.primKey.keyPath as string });
          for (const ix of t.schema.indexes)
            if (keep(ix.name))
              store.createIndex(ix.name, ix.keyPath as string | string[], {
                unique: !!ix.unique,
                multiEntry: !!ix.multi,
              });
          return store;
        };
        copy('claims', 'claims', () => true);
        for (const ix of db.claims.schema.indexes) copy('claims', `claims-${ix.name}`, (n) => n !== ix.name);
        copy('claims', 'claims-bare', () => false);
        copy('claimFacets', 'claimFacets', () => true);
        copy('claimFacets', 'facets-hot', () => true);
        for (const store of ['facets-cold', 'facets-nok', 'facets-nou'])
          copy('claimFacets', store, () => true);
        copy('claimFacets', 'facets-bare', () => false);
        copy('history', 'history', () => true);
        for (const ix of db.history.schema.indexes)
          copy('history', `history-${ix.name}`, (n) => n !== ix.name);
        copy('history', 'history-bare', () => false);
        // the batch-head index (schema v11 has it: then "as stored" has it too, and `history-hd` is v10's)
        const heads = (store: IDBObjectStore) => {
          if (!store.indexNames.contains('hd')) store.createIndex('hd', 'hd');
        };
        heads(copy('history', 'history-heads', () => true));
        heads(copy('history', 'history-heads-no-at', (n) => n !== 'at'));
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
}

/**
 * Puts the rows into their stores of `scratch` in one transaction, every request asked at once;
 * `durability` left out is the browser's default, as Dexie opens the app's transactions (bulk22).
 */
const putInto =
  (scratch: IDBDatabase) =>
  (rows: Record<string, readonly unknown[]>, durability?: IDBTransactionDurability): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const tx = scratch.transaction(Object.keys(rows), 'readwrite', durability ? { durability } : {});
      for (const [store, list] of Object.entries(rows)) {
        const os = tx.objectStore(store);
        for (const r of list) os.put(r);
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

/** The rows a verdict edit writes, for the i-th timed run: another verdict, a later update time. */
function verdictEdit(claims: readonly Claim[], facets: readonly FacetRow[], i: number) {
  const verdict = i % 2 ? 'misleading' : 'false';
  const at = Date.now() + i;
  const c = claims.map((claim) => ({ ...claim, verdict, updatedAt: at }) as Claim);
  const f = c.map((claim, k) => {
    const old = facets[k]!;
    return refacet(facetOf(claim, old.h === 1, null), { h: old.h, sortKey: old.o.n });
  });
  const batchId = newId();
  const h = c.map((claim, k) => ({
    id: newId(),
    table: 'claims',
    rowId: claim.id,
    batchId,
    action: 'update',
    from: { verdict: 'unchecked' },
    to: { verdict },
    at,
    undoneAt: null,
    batchKind: 'change',
    target: null,
    ...(k === 0 ? { hd: batchId } : {}),
  }));
  return { c, f, h };
}

export async function shapesBreakdown(ids: readonly ClaimId[], runs: number, time: Time): Promise<Timing[]> {
  const results: Timing[] = [];
  const claims = (await db.claims.bulkGet([...ids])) as Claim[];
  const facets = (await db.claimFacets.bulkGet([...ids])) as FacetRow[];
  const scratch = await openShapes();
  const stores = [...scratch.objectStoreNames];
  const edited = (i: number) => {
    const { c, f, h } = verdictEdit(claims, facets, i);
    // the split facet row a verdict edit would rewrite: the keys it moves, and what the lists check
    const hot = f.map((row) => ({ id: row.id, live: row.live, v: row.v, f: row.f.filter(moved) }));
    return { c, f, h, hot };
  };
  const put = putInto(scratch);
  // every store holds the rows first (history: a batch of them), so each timed put overwrites
  const first = edited(100);
  const layoutFirst = Object.assign({}, ...LAYOUTS.map((l) => layoutRows(l, first.f))) as Record<
    string,
    unknown[]
  >;
  await put(
    Object.fromEntries(
      stores.map((s) => [
        s,
        s.startsWith('claims') ? first.c : s.includes('acets') ? (layoutFirst[s] ?? first.f) : [],
      ]),
    ),
  );
  let run = 0;
  const shape = async (name: string, rows: (e: ReturnType<typeof edited>) => Record<string, unknown[]>) => {
    results.push(
      await time(`write shapes (raw, scratch database, one transaction): ${name}`, runs, () => {
        const e = edited(run++);
        return put(rows(e));
      }),
    );
  };
  const n = (xs: readonly unknown[]) => xs as unknown[];
  // claims: as stored, then less each index in turn, then none
  await shape('1,000 claims as stored', (e) => ({ claims: n(e.c) }));
  for (const ix of db.claims.schema.indexes)
    await shape(`1,000 claims without the ${ix.name} index`, (e) => ({ [`claims-${ix.name}`]: n(e.c) }));
  await shape('1,000 claims without any index', (e) => ({ 'claims-bare': n(e.c) }));
  // facets: as stored, the same rows again (no key moved), the split row a verdict would rewrite
  await shape('1,000 claimFacets as stored', (e) => ({ claimFacets: n(e.f) }));
  const same = facets.map((f) => ({ ...f }));
  await put({ claimFacets: same });
  await shape('1,000 claimFacets, the same rows again (no key moved)', () => ({ claimFacets: same }));
  await shape('1,000 split facet rows, the keys a verdict moves only', (e) => ({ 'facets-hot': n(e.hot) }));
  await shape('1,000 claimFacets without index keys', (e) => ({ 'facets-bare': n(e.f) }));
  // history: 1,000 new entries as stored, less each index, none, with a batch-head index
  await shape('1,000 history entries as stored', (e) => ({ history: n(e.h) }));
  for (const ix of db.history.schema.indexes)
    await shape(`1,000 history entries without the ${ix.name} index`, (e) => ({
      [`history-${ix.name}`]: n(e.h),
    }));
  await shape('1,000 history entries without any index', (e) => ({ 'history-bare': n(e.h) }));
  await shape('1,000 history entries, a batch-head index (one key a batch)', (e) => ({
    'history-heads': n(e.h),
  }));
  await shape('1,000 history entries, a batch-head index, no at index', (e) => ({
    'history-heads-no-at': n(e.h),
  }));
  // the floor (claims + facets + history in one transaction) as stored, and with the candidates
  await shape('floor as stored (claims + claimFacets + history)', (e) => ({
    claims: n(e.c),
    claimFacets: n(e.f),
    history: n(e.h),
  }));
  await shape('floor with the split facet row', (e) => ({
    claims: n(e.c),
    'facets-hot': n(e.hot),
    history: n(e.h),
  }));
  await shape('floor with history less at, with heads', (e) => ({
    claims: n(e.c),
    claimFacets: n(e.f),
    'history-heads-no-at': n(e.h),
  }));
  await shape('floor of bare rows (no index on any store)', (e) => ({
    'claims-bare': n(e.c),
    'facets-bare': n(e.f),
    'history-bare': n(e.h),
  }));
  await shape('floor as stored, again (drift check)', (e) => ({
    claims: n(e.c),
    claimFacets: n(e.f),
    history: n(e.h),
  }));
  // (last: the adds below grow the stores the shapes above overwrite)
  // the facet row's layouts on the three workloads that write it (writes18): a bulk verdict (the
  // rows put over themselves), an import (10 transactions of 100 new claims: claims, facet rows and
  // history, as the import writes them article by article) and a first sync's derived rows
  // (10,000 new facet rows, 2,000 a transaction, as its rebuild writes them). Rows are made before
  // the clock starts; the layouts take turns within each run, first in turn rotating, so drift
  // falls on each alike.
  const fresh = (count: number) => {
    const c: Claim[] = [];
    const f: FacetRow[] = [];
    const at = Date.now();
    for (let i = 0; i < count; i++) {
      const k = i % claims.length;
      const claim = { ...claims[k]!, id: newId() as ClaimId, updatedAt: at + i } as Claim;
      c.push(claim);
      const old = facets[k]!;
      f.push(refacet(facetOf(claim, old.h === 1, null), { h: old.h, sortKey: old.o.n }));
    }
    return { c, f };
  };
  const newHistory = (c: readonly Claim[]) => {
    const batchId = newId();
    return c.map((claim, k) => ({
      id: newId(),
      table: 'claims',
      rowId: claim.id,
      batchId,
      action: 'add',
      from: null,
      to: { articleId: claim.articleId },
      at: claim.updatedAt,
      undoneAt: null,
      batchKind: 'change',
      target: null,
      ...(k === 0 ? { hd: batchId } : {}),
    }));
  };
  const workloads = [
    'bulk verdict (1,000 rows put over themselves)',
    'import (10 transactions of 100 new claims + facets + history)',
    "first sync's derived rows (10,000 new facet rows, 2,000 a transaction)",
  ] as const;
  const taken = new Map<string, number[]>();
  const clock = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    const ms = Math.round(performance.now() - t0);
    taken.set(name, [...(taken.get(name) ?? []), ms]);
  };
  for (let r = 0; r < runs; r++) {
    const e = edited(run++);
    const order = LAYOUTS.map((_, i) => LAYOUTS[(i + r) % LAYOUTS.length]!);
    for (const layout of order) {
      const rows = editRows(layout, e.f);
      await clock(`${layout}: ${workloads[0]}`, () => put(rows));
    }
    for (const layout of order) {
      // each layout adds claims and history of its own (new ids), into the same stores
      const { c, f } = fresh(1_000);
      const parts = Array.from({ length: 10 }, (_, a) => {
        const part = c.slice(a * 100, (a + 1) * 100);
        return {
          claims: part,
          ...layoutRows(layout, f.slice(a * 100, (a + 1) * 100)),
          history: newHistory(part),
        };
      });
      await clock(`${layout}: ${workloads[1]}`, async () => {
        for (const part of parts) await put(part);
      });
    }
    const { f } = fresh(10_000);
    for (const layout of order) {
      const steps = Array.from({ length: 5 }, (_, a) =>
        layoutRows(layout, f.slice(a * 2_000, (a + 1) * 2_000)),
      );
      await clock(`${layout}: ${workloads[2]}`, async () => {
        for (const step of steps) await put(step);
      });
    }
  }
  for (const w of workloads)
    for (const layout of LAYOUTS) {
      const ms = taken.get(`${layout}: ${w}`)!;
      const sorted = [...ms].sort((a, b) => a - b);
      const name = `write shapes (raw, scratch database): facet layout ${layout}: ${w}`;
      console.log(`${name}: ${ms.join(', ')} ms`);
      results.push({
        name,
        ms,
        median: sorted[Math.floor(sorted.length / 2)]!,
        budget: null,
      });
    }
  scratch.close();
  return results;
}

/**
 * The claims table's index sets and history's layouts, interleaved (writes20, `--only indexes`;
 * bulk21: history with batch-prefixed ids, as one row a batch, and the v12 floor with each, in place
 * of writes20's v11 claim sets, facet values and slim entries; bulk22: the floor with each
 * transaction durability, the facet row with fewer keys and the same rows again): each candidate is a store of its own in a scratch database holding the same
 * 1,000 rows, and every run puts the edited rows (another verdict, a later update time) into each
 * candidate in turn, the first in turn rotating, so load and drift fall on each alike. Names say
 * which index entries a live claim with a speaker writes (a null key, as `deletedAt` of a live
 * claim, writes none).
 */
type IndexSet = Readonly<{ name: string; from: 'claims' | 'claimFacets' | 'history'; indexes: string[] }>;
const CLAIM_SETS: readonly IndexSet[] = [
  {
    name: 'claims as stored (v11: 7 indexes, 5 entries)',
    from: 'claims',
    indexes: [
      'articleId',
      'speakerId',
      '[articleId+start]',
      '[articleId+speakerId]',
      '[articleId+deletedAt]',
      'updatedAt',
      'deletedAt',
    ],
  },
  {
    name: 'claims, speakerId + [articleId+speakerId] as [speakerId+articleId] (4 entries)',
    from: 'claims',
    indexes: [
      'articleId',
      '[articleId+start]',
      '[speakerId+articleId]',
      '[articleId+deletedAt]',
      'updatedAt',
    ],
  },
  {
    name: 'claims, [articleId+start] [speakerId+articleId] [deletedAt+articleId] updatedAt (3 entries)',
    from: 'claims',
    indexes: ['[articleId+start]', '[speakerId+articleId]', '[deletedAt+articleId]', 'updatedAt'],
  },
  {
    name: 'claims, as the 3 entries less updatedAt (2 entries)',
    from: 'claims',
    indexes: ['[articleId+start]', '[speakerId+articleId]', '[deletedAt+articleId]'],
  },
  { name: 'claims without any index', from: 'claims', indexes: [] },
];
const keyPathOf = (name: string): string | string[] =>
  name.startsWith('[') ? name.slice(1, -1).split('+') : name;

export async function indexSetsBreakdown(ids: readonly ClaimId[], runs: number): Promise<Timing[]> {
  const claims = (await db.claims.bulkGet([...ids])) as Claim[];
  const facets = (await db.claimFacets.bulkGet([...ids])) as FacetRow[];
  const sets = CLAIM_SETS.map((s, i) => ({ ...s, store: `claims-${i}` }));
  const scratch = await new Promise<IDBDatabase>((resolve, reject) => {
    const name = `${NAME}-indexes`;
    const gone = indexedDB.deleteDatabase(name);
    gone.onsuccess = gone.onerror = () => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        for (const s of sets) {
          const store = req.result.createObjectStore(s.store, { keyPath: 'id' });
          for (const ix of s.indexes) store.createIndex(ix, keyPathOf(ix));
        }
        const copy = (from: string, to: string, keep: (index: string) => boolean) => {
          const store = req.result.createObjectStore(to, { keyPath: 'id' });
          for (const ix of db.table(from).schema.indexes)
            if (keep(ix.name))
              store.createIndex(ix.name, ix.keyPath as string | string[], {
                unique: !!ix.unique,
                multiEntry: !!ix.multi,
              });
        };
        copy('claimFacets', 'facets', () => true);
        // bulk22: the facet row with fewer keys (writes18's layouts), interleaved with the row as stored
        for (const store of ['facets-nok', 'facets-nou', 'facets-same'])
          copy('claimFacets', store, () => true);
        copy('history', 'history', () => true);
        copy('history', 'history-no-batchId', (n) => n !== 'batchId');
        // bulk21: a batch's entries as one primary-key range (ids prefixed by the batch id), and
        // a bulk edit as one row (its changes in one value, each row's history through `*r`)
        copy('history', 'history-prefixed', (n) => n !== 'batchId');
        const batchRow = req.result.createObjectStore('history-batch-row', { keyPath: 'id' });
        batchRow.createIndex('r', 'r', { multiEntry: true });
        batchRow.createIndex('hd', 'hd');
        req.result.createObjectStore('history-batch-row-bare', { keyPath: 'id' });
        // session 27: the keys a verdict moves on the claim row itself (multi-entry `k`), so a
        // verdict edit rewrites the claim it must write anyway and no facet row
        const hot = req.result.createObjectStore('claims-hot', { keyPath: 'id' });
        for (const ix of sets[2]!.indexes) hot.createIndex(ix, keyPathOf(ix));
        hot.createIndex('k', 'k', { multiEntry: true });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    };
  });
  const put = putInto(scratch);
  const edited = (i: number) => verdictEdit(claims, facets, i);
  const n = (xs: readonly unknown[]) => xs as unknown[];
  type Edit = ReturnType<typeof edited>;
  // an entry's id as bulk21's reverted 7f40b19 made it: the batch id, a dot, a count in base 36 (8 digits)
  const prefixed = (h: Edit['h']) =>
    h.map((e, k) => ({ ...e, id: `${e.batchId}.${(e.at * 1_000 + k).toString(36).slice(-8)}` }));
  const batchRow = (h: Edit['h']) => [
    {
      id: h[0]!.batchId,
      hd: h[0]!.batchId,
      batchId: h[0]!.batchId,
      at: h[0]!.at,
      batchKind: 'change',
      target: null,
      changes: h.map((e) => ({ table: e.table, rowId: e.rowId, action: e.action, from: e.from, to: e.to })),
      r: h.map((e) => `${e.table}${SEP}${e.rowId}`),
    },
  ];
  const v12 = sets[2]!.store;
  // what a verdict edit rewrites of a facet row (bulk22): its keys, those the edit moves, their characters
  const keys = facets.reduce((sum, f) => sum + f.f.length, 0);
  const movedKeys = facets.reduce((sum, f) => sum + f.f.filter(moved).length, 0);
  const chars = facets.reduce((sum, f) => sum + f.f.reduce((c, k) => c + k.length, 0), 0);
  console.log(
    `facet rows of the 1,000 claims: ${keys} index keys (${(keys / facets.length).toFixed(1)} a row, ${(movedKeys / facets.length).toFixed(1)} moved by a verdict edit), ${(chars / keys).toFixed(1)} characters a key`,
  );
  const same = facets.map((f) => ({ ...f }));
  const floor = (e: Edit) => ({ [v12]: n(e.c), facets: n(e.f), history: n(e.h) });
  const hotClaims = (e: Edit) => e.c.map((c, k) => ({ ...c, k: e.f[k]!.f.filter(moved) }));
  const candidates: [string, (e: Edit) => Record<string, unknown[]>, IDBTransactionDurability?][] = [
    // bulk22: the floor's one transaction with each durability (the app's Dexie asks for none)
    ['floor v12, durability relaxed', floor, 'relaxed'],
    ['floor v12, durability strict', floor, 'strict'],
    [
      'history, ids prefixed by the batch id, without batchId',
      (e) => ({ 'history-prefixed': prefixed(e.h) }),
    ],
    ['history, one row a batch (*r of table+rowId, hd)', (e) => ({ 'history-batch-row': batchRow(e.h) })],
    ['history, one row a batch, no index', (e) => ({ 'history-batch-row-bare': batchRow(e.h) })],
    ['floor v12 (claims 3 entries + claimFacets + history as stored)', floor],
    [
      'floor v12, history without batchId',
      (e) => ({ [v12]: n(e.c), facets: n(e.f), 'history-no-batchId': n(e.h) }),
    ],
    [
      'floor v12, history ids prefixed, without batchId',
      (e) => ({ [v12]: n(e.c), facets: n(e.f), 'history-prefixed': prefixed(e.h) }),
    ],
    [
      'floor v12, history one row a batch',
      (e) => ({ [v12]: n(e.c), facets: n(e.f), 'history-batch-row': batchRow(e.h) }),
    ],
    [
      'floor v12, the moved keys on the claim row, no facet row',
      (e) => ({ 'claims-hot': hotClaims(e), history: n(e.h) }),
    ],
    [
      'floor v12, the moved keys on the claim row, no facet row, history one row a batch',
      (e) => ({ 'claims-hot': hotClaims(e), 'history-batch-row': batchRow(e.h) }),
    ],
    ['claims with the moved keys on the row', (e) => ({ 'claims-hot': hotClaims(e) })],
    ...sets
      .filter((_, i) => i === 2)
      .map(
        (s) =>
          [s.name, (e: Edit) => ({ [s.store]: n(e.c) })] as [string, (e: Edit) => Record<string, unknown[]>],
      ),
    ['claimFacets as stored', (e) => ({ facets: n(e.f) })],
    ['claimFacets, the same rows again (no key moved)', () => ({ 'facets-same': same })],
    ['claimFacets, no kind keys', (e) => layoutRows('no kind keys', e.f)],
    ['claimFacets, no group update keys', (e) => layoutRows('no group update keys', e.f)],
    ['history as stored', (e) => ({ history: n(e.h) })],
    ['history without batchId', (e) => ({ 'history-no-batchId': n(e.h) })],
  ];
  // every store holds the rows first, so each timed put overwrites (history: adds, as the edit does)
  const first = edited(1_000);
  await put(Object.fromEntries(sets.map((s) => [s.store, n(first.c)])));
  await put({ 'claims-hot': hotClaims(first) });
  await put({
    facets: n(first.f),
    'facets-same': same,
    ...layoutRows('no kind keys', first.f),
    ...layoutRows('no group update keys', first.f),
  });
  const taken = new Map<string, number[]>();
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < candidates.length; i++) {
      const [name, rows, durability] = candidates[(i + r) % candidates.length]!;
      const batch = rows(edited(r * candidates.length + i));
      const t0 = performance.now();
      await put(batch, durability);
      taken.set(name, [...(taken.get(name) ?? []), Math.round(performance.now() - t0)]);
    }
  }
  scratch.close();
  return candidates.map(([name]) => {
    const ms = taken.get(name)!;
    const sorted = [...ms].sort((a, b) => a - b);
    const label = `index sets (raw, scratch database, interleaved): ${name}`;
    console.log(`${label}: ${ms.join(', ')} ms`);
    return { name: label, ms, median: sorted[Math.floor(sorted.length / 2)]!, budget: null };
  });
}
