/**
 * Applies documents from the server to the local tables in ONE transaction (with the checkpoint,
 * when a pull gives one): rows, their revisions and `since` commit together or not at all. The
 * transaction is marked as sync's own, so the capture middleware leaves it out of the outbox; the
 * derived-data middleware still keeps facets and summaries. Idempotent: a document whose `_rev`
 * is already stored is skipped (a cluster's `_changes` may replay).
 */

import type { Transaction } from 'dexie';
import { articleIdFor } from '@/db/articles';
import { deferDerived } from '@/db/derived/middleware';
import { newId } from '@/db/ids';
import { markFromSync } from '@/db/sync-capture';
import type { SyncDb } from '@/db/sync-db';
import {
  type FieldConflict,
  type OutboxEntry,
  REPLICATED_TABLES,
  type ReplicatedTable,
  type RevisionRow,
  SYNC_KEYS,
} from '@/db/sync-tables';
import { CATCH_UP_KEY, type CatchUpMark } from './catch-up';
import type { CouchDoc } from './couch';
import { docIdOf, parseDocId, type Row, rowOf } from './docs';
import { mergeRows } from './merge';

export type Identity = Readonly<{ deviceId: string; author: string }>;

export type ApplyOutcome = { applied: number; skipped: number; merged: number; conflicts: number };

/** The tables a sync write may touch: every replicated table and sync's own bookkeeping. */
export const SYNC_WRITE_TABLES = (db: SyncDb) => [
  ...REPLICATED_TABLES.map((table) => db.table(table)),
  db.syncRevisions,
  db.syncOutbox,
  db.syncState,
];

/** The tables apply uses, bound to one transaction (`Transaction.table`): independent of the zone. */
function boundTo(tx: Transaction) {
  const table = <T>(name: string) => tx.table(name) as unknown as T;
  return {
    table: (name: string) => tx.table(name),
    articles: table<SyncDb['articles']>('articles'),
    claims: table<SyncDb['claims']>('claims'),
    questions: table<SyncDb['questions']>('questions'),
    history: table<SyncDb['history']>('history'),
    syncRevisions: table<SyncDb['syncRevisions']>('syncRevisions'),
    syncOutbox: table<SyncDb['syncOutbox']>('syncOutbox'),
    syncState: table<SyncDb['syncState']>('syncState'),
  };
}
type Bound = ReturnType<typeof boundTo>;

type Table = { bulkGet(keys: string[]): Promise<(Row | undefined)[]> };
const tableOf = (db: Bound, t: ReplicatedTable) =>
  db.table(t) as unknown as Table & {
    bulkPut(rows: Row[]): Promise<unknown>;
    bulkDelete(keys: string[]): Promise<void>;
    put(row: Row): Promise<unknown>;
    delete(key: string): Promise<void>;
  };

/** History entries about a merge are made by no one's undo stack: their device id is marked. */
export const mergeDeviceId = (deviceId: string) => `merge:${deviceId}`;

function conflictEntry(
  table: ReplicatedTable,
  rowId: string,
  fields: readonly FieldConflict[],
  me: Identity,
  at: number,
  batchId: string,
) {
  const lost = Object.fromEntries(fields.map((f) => [f.field, f.kept === 'mine' ? f.theirs : f.mine]));
  const kept = Object.fromEntries(fields.map((f) => [f.field, f.kept === 'mine' ? f.mine : f.theirs]));
  return {
    id: newId(),
    table,
    rowId,
    batchId,
    action: 'update' as const,
    from: lost,
    to: kept,
    at,
    undoneAt: null,
    batchKind: 'change' as const,
    target: null,
    label: `Sync conflict on ${fields.map((f) => f.field).join(', ')}: both values kept in history`,
    author: me.author,
    deviceId: mergeDeviceId(me.deviceId),
  };
}

/**
 * Writes `docs` (from `_changes` or fetched after a 409) and, when given, the checkpoint.
 * A row with a local edit not yet pushed is merged three ways (its outbox entry stays, so the merge
 * is pushed on top of the server's revision); an article with a text hash the library already has
 * under another id is merged into one article (claims and links kept).
 */
export async function applyDocs(
  database: SyncDb,
  docs: readonly CouchDoc[],
  me: Identity,
  now: number,
  checkpoint?: string | number,
  mode: Readonly<{ catchUp?: boolean }> = {},
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { applied: 0, skipped: 0, merged: 0, conflicts: 0 };
  await database.transaction('rw', SYNC_WRITE_TABLES(database), async (tx) => {
    markFromSync();
    // Every table through the transaction itself, not through Dexie's zone: in Chromium a page of
    // 500 documents lost the zone after awaits of native promises, the rest of its writes went to
    // transactions of their own (committed: half a page) and Dexie then reported this one as
    // 'Transaction committed too early'. Bound tables cannot leave the transaction.
    const db = boundTo(tx);
    if (mode.catchUp) {
      // derived rows are rebuilt once the catch-up ends (catch-up.ts); the flag commits with the page
      deferDerived();
      await db.syncState.put({ key: CATCH_UP_KEY, value: { since: now } satisfies CatchUpMark });
    }
    const batchId = newId();
    const keys = docs.map((d) => {
      const at = d._id.indexOf(':');
      return [d._id.slice(0, at), d._id.slice(at + 1)] as [string, string];
    });
    const revs = await db.syncRevisions.bulkGet(keys);
    const pendingKeys = new Set(
      (await db.syncOutbox.where('[table+rowId]').anyOf(keys).toArray()).map((e) =>
        docIdOf(e.table, e.rowId),
      ),
    );
    const extraOutbox: OutboxEntry[] = [];
    const queue = (table: ReplicatedTable, rowId: string, op: 'put' | 'delete' = 'put') => {
      extraOutbox.push({ table, rowId, op, at: now, batchId });
    };
    // Everything the loop needs is read first: inside the transaction the loop then awaits only
    // Dexie's own requests (awaiting other promises between them lets the transaction commit early).
    const parsedRows = docs.map((d) => (d._deleted ? null : rowOf(d)));
    const referenced = new Set<string>();
    const shas = new Set<string>();
    for (const p of parsedRows) {
      if (p?.table === 'claims') referenced.add(p.row.articleId as string);
      if (p?.table === 'questions') for (const a of p.row.articleIds as string[]) referenced.add(a);
      if (p?.table === 'articles') shas.add(p.row.sha256 as string);
    }
    /** Articles merged away (loser id → kept id), learnt from revisions and from this batch. */
    const mergedArticles = new Map<string, string>();
    const refs = [...referenced];
    (await db.syncRevisions.bulkGet(refs.map((id) => ['articles', id] as [string, string]))).forEach(
      (r, i) => {
        if (r?.mergedInto) mergedArticles.set(refs[i]!, r.mergedInto);
      },
    );
    const articleTarget = (id: string): string => mergedArticles.get(id) ?? id;
    const bySha = new Map(
      (shas.size > 0
        ? await db.articles
            .where('sha256')
            .anyOf([...shas])
            .toArray()
        : []
      ).map((a) => [a.sha256, a as unknown as Row]),
    );
    const locals = new Map<string, Row>();
    for (const table of REPLICATED_TABLES) {
      const ids = keys
        .filter(([t, id]) => t === table && pendingKeys.has(docIdOf(table, id)))
        .map(([, id]) => id);
      if (ids.length === 0) continue;
      (await tableOf(db, table).bulkGet(ids)).forEach((row, i) => {
        if (row) locals.set(docIdOf(table, ids[i]!), row);
      });
    }
    const history: Row[] = [];
    const puts = new Map<ReplicatedTable, Map<string, Row>>();
    const put = (table: ReplicatedTable, row: Row) => {
      const rows = puts.get(table) ?? new Map<string, Row>();
      puts.set(table, rows);
      rows.set(row.id, row);
    };
    const revisions = new Map<string, RevisionRow>();
    const setRevision = (r: RevisionRow) => revisions.set(docIdOf(r.table, r.rowId), r);

    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const known = revs[i];
      if (known && known.rev === doc._rev) {
        outcome.skipped++;
        continue;
      }
      const rev = doc._rev ?? '';
      if (!parseDocId(doc._id)) {
        outcome.skipped++; // a design document, or not one of ours
        continue;
      }
      if (doc._deleted) {
        const parsed = keys[i]!;
        const table = parsed[0] as ReplicatedTable;
        if (!pendingKeys.has(doc._id) && !known?.mergedInto) {
          puts.get(table)?.delete(parsed[1]);
          await tableOf(db, table).delete(parsed[1]);
        }
        setRevision({ ...(known ?? {}), table, rowId: parsed[1], rev, base: null });
        outcome.applied++;
        continue;
      }
      const parsed = parsedRows[i];
      if (!parsed) {
        outcome.skipped++;
        continue;
      }
      const { table } = parsed;
      let row = parsed.row;
      const revision: RevisionRow = { table, rowId: row.id, rev, base: row };

      if (table === 'history') {
        // append-only: the entry as its author made it
        history.push(row);
        setRevision(revision);
        outcome.applied++;
        continue;
      }
      if (table === 'claims') {
        const target = articleTarget(row.articleId as string);
        if (target !== row.articleId) {
          row = { ...row, articleId: target };
          queue('claims', row.id);
        }
      }
      if (table === 'questions') {
        const ids = row.articleIds as string[];
        const mapped = ids.map(articleTarget);
        if (mapped.some((id, j) => id !== ids[j])) {
          row = { ...row, articleIds: [...new Set(mapped)] };
          queue('questions', row.id);
        }
      }
      if (table === 'articles') {
        const same = bySha.get(row.sha256 as string);
        if (same && same.id !== row.id) {
          const derived = articleIdFor(row.sha256 as string);
          const keepIncoming = row.id === derived || (same.id !== derived && row.id < same.id);
          const [keep, lose] = keepIncoming ? [row.id, same.id] : [same.id, row.id];
          if (keepIncoming) bySha.set(row.sha256 as string, row);
          mergedArticles.set(lose, keep);
          if (keepIncoming) {
            // the library's copy gives way: its claims and questions move to the incoming id
            const claims = await db.claims.where('articleId').equals(lose).toArray();
            await db.claims.bulkPut(claims.map((c) => ({ ...c, articleId: keep as never })));
            for (const c of claims) queue('claims', c.id);
            const questions = await db.questions.where('articleIds').equals(lose).toArray();
            await db.questions.bulkPut(
              questions.map((q) => ({
                ...q,
                articleIds: [...new Set(q.articleIds.map((a) => (a === lose ? keep : a)))] as never,
              })),
            );
            for (const q of questions) queue('questions', q.id);
            await db.articles.delete(lose as never);
            const loserRev = await db.syncRevisions.get(['articles', lose]);
            setRevision({
              table: 'articles',
              rowId: lose,
              rev: loserRev?.rev ?? '',
              base: null,
              mergedInto: keep,
            });
            if (loserRev) queue('articles', lose, 'delete');
          } else {
            // the incoming copy gives way: remember where it went, and delete it on the server
            setRevision({ ...revision, mergedInto: keep });
            queue('articles', lose, 'delete');
            outcome.applied++;
            continue;
          }
        }
      }

      const local = pendingKeys.has(doc._id)
        ? (puts.get(table)?.get(row.id) ?? locals.get(doc._id))
        : undefined;
      if (local) {
        const merged = mergeRows(table, known?.base ?? null, local, row);
        put(table, merged.row);
        if (merged.both.length > 0) {
          outcome.merged += merged.both.length;
          history.push(conflictEntry(table, row.id, merged.both, me, now, batchId) as unknown as Row);
          queue('history', history.at(-1)!.id);
        }
        const ask = merged.ask.length > 0;
        if (ask) outcome.conflicts++;
        setRevision({
          ...revision,
          ...(ask ? { conflicted: 1 as const, conflicts: merged.ask, conflictAt: now } : {}),
        });
        outcome.applied++;
        continue;
      }
      put(table, row);
      setRevision(revision);
      outcome.applied++;
    }
    // speakers before claims: a claim's facet sorts by its speaker's name
    for (const table of REPLICATED_TABLES) {
      const rows = puts.get(table);
      if (rows && rows.size > 0) await tableOf(db, table).bulkPut([...rows.values()]);
    }
    if (revisions.size > 0) await db.syncRevisions.bulkPut([...revisions.values()]);
    if (history.length > 0) await db.history.bulkPut(history as never);
    if (extraOutbox.length > 0) await db.syncOutbox.bulkAdd(extraOutbox);
    if (checkpoint !== undefined) await db.syncState.put({ key: SYNC_KEYS.checkpoint, value: checkpoint });
  });
  return outcome;
}
