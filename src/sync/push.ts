/**
 * Push: the oldest outbox entries as one `_bulk_docs` with the known `_rev`s. The answer is
 * matched to the documents by `id`, never by position (CouchDB answers per row, in no promised
 * order, and a 201 may still hold a per-row `forbidden`). Accepted rows get their new revision and
 * leave the outbox; a 409 fetches the server's document and merges it three ways (the merge stays
 * in the outbox for the next round); a refused row (403) is reverted here, and a refused history
 * entry removed, with a message; anything else stays for a retry.
 */
import { historyByIds } from '@/db/history-read';
import { markFromSync } from '@/db/sync-capture';
import type { SyncDb } from '@/db/sync-db';
import type { OutboxEntry, ReplicatedTable, RevisionRow } from '@/db/sync-tables';
import { applyDocs, type Identity, SYNC_WRITE_TABLES } from './apply';
import type { BulkResult, CouchClient, CouchDoc } from './couch';
import { docIdOf, type Row, toDoc } from './docs';
import { stepper } from './stepper';
import type { SyncTrace } from './types';

export type PushOutcome = {
  pushed: number;
  refused: number;
  merged: number;
  conflicts: number;
  /** Rows the server answered with another error (left in the outbox). */
  failed: number;
  /** Why rows were refused (the server's reason), for the status message. */
  reasons: string[];
};

type Group = { table: ReplicatedTable; rowId: string; op: 'put' | 'delete'; seqs: number[] };

type AnyTable = {
  bulkGet(keys: string[]): Promise<(Row | undefined)[]>;
  put(row: Row): Promise<unknown>;
  delete(key: string): Promise<void>;
};
const tableOf = (db: SyncDb, t: ReplicatedTable) => db.table(t) as unknown as AnyTable;

function groupEntries(entries: readonly OutboxEntry[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const id = docIdOf(e.table, e.rowId);
    const g = groups.get(id) ?? { table: e.table, rowId: e.rowId, op: e.op, seqs: [] };
    g.op = e.op;
    g.seqs.push(e.seq!);
    groups.set(id, g);
  }
  return groups;
}

/** A round read from the outbox, ready to send: its documents and what they came from. */
export type PreparedPush = Readonly<{
  list: readonly Group[];
  revisions: readonly (RevisionRow | undefined)[];
  docs: readonly CouchDoc[];
  sent: ReadonlyMap<string, Row | null>;
  /** The documents (`table:rowId`) of this round. */
  ids: ReadonlySet<string>;
  /** The last outbox entry this round read. */
  lastSeq: number;
  /** Outbox entries read at all (sent or dropped). */
  read: number;
  /** Their sequence numbers, ascending (as read). */
  seqs: readonly number[];
}>;

/**
 * Reads up to `limit` outbox entries (after `afterSeq`, leaving out rows in `busy`: a round still
 * on its way to the server) and makes their documents with the known `_rev`s. Entries of rows
 * the server never had and that are gone here are dropped.
 */
export async function preparePush(
  db: SyncDb,
  me: Identity,
  limit: number,
  skip: Readonly<{ afterSeq?: number; busy?: ReadonlySet<string> }> = {},
  trace?: SyncTrace,
): Promise<PreparedPush> {
  const step = stepper(trace);
  const all =
    skip.afterSeq === undefined
      ? await db.syncOutbox.orderBy('seq').limit(limit).toArray()
      : await db.syncOutbox.where('seq').above(skip.afterSeq).limit(limit).toArray();
  const entries = skip.busy ? all.filter((e) => !skip.busy!.has(docIdOf(e.table, e.rowId))) : all;
  const lastSeq = all.at(-1)?.seq ?? skip.afterSeq ?? 0;
  const groups = groupEntries(entries);
  const list = [...groups.values()];
  step('push:prepare:outbox');
  const revisions = await db.syncRevisions.bulkGet(list.map((g) => [g.table, g.rowId] as [string, string]));
  step('push:prepare:revisions');
  const rows = new Map<string, Row | undefined>();
  for (const table of new Set(list.map((g) => g.table))) {
    const ids = list.filter((g) => g.table === table).map((g) => g.rowId);
    const found =
      table === 'history'
        ? ((await historyByIds(ids, db)) as (Row | undefined)[])
        : await tableOf(db, table).bulkGet(ids);
    found.forEach((row, i) => {
      rows.set(docIdOf(table, ids[i]!), row);
    });
  }
  step('push:prepare:rows');

  const docs: CouchDoc[] = [];
  const sent = new Map<string, Row | null>();
  const drop: number[] = [];
  list.forEach((g, i) => {
    const id = docIdOf(g.table, g.rowId);
    const rev = revisions[i]?.rev || undefined;
    const row = rows.get(id);
    if (!row || g.op === 'delete') {
      if (!rev || revisions[i]?.base === null)
        drop.push(...g.seqs); // nothing (left) on the server
      else {
        docs.push({ _id: id, _rev: rev, _deleted: true });
        sent.set(id, null);
      }
      return;
    }
    const body =
      g.table === 'history' && !row.deviceId ? { ...row, author: me.author, deviceId: me.deviceId } : row;
    docs.push(toDoc(g.table, body, rev));
    sent.set(id, body);
  });
  if (drop.length > 0) await db.syncOutbox.bulkDelete(drop);
  step('push:prepare:docs');
  return {
    list,
    revisions,
    docs,
    sent,
    ids: new Set(sent.keys()),
    lastSeq,
    read: all.length,
    seqs: all.map((e) => e.seq!),
  };
}

/**
 * A pushed row whose outbox holds no later entry is stored here exactly as the server now has it,
 * so its revision needs no copy of it (`base` absent: the capture middleware copies the stored row
 * at the next local write, as for a pulled row). A row written again while the round was on its way
 * (an entry left after this round's were removed) keeps the pushed body as the base of that edit.
 * Runs in the round's transaction, after its entries are removed.
 */
async function leanWherePushed(db: SyncDb, revisions: RevisionRow[]): Promise<RevisionRow[]> {
  const candidates = revisions.filter((r) => r.base !== null && r.table !== 'history');
  const later = new Set(
    candidates.length === 0
      ? []
      : (
          (await db.syncOutbox
            .where('[table+rowId]')
            .anyOf(candidates.map((r) => [r.table, r.rowId]))
            .keys()) as unknown as [string, string][]
        ).map(([table, rowId]) => docIdOf(table as ReplicatedTable, rowId)),
  );
  return revisions.map((r) => {
    // history entries are never merged against a base
    if (r.base === null || (r.table !== 'history' && later.has(docIdOf(r.table, r.rowId)))) return r;
    const { base: _pushed, ...lean } = r;
    return lean;
  });
}

/**
 * Removes the `done` entries of a round whose entries were `read` (ascending): each unbroken run of
 * them as one key range, not one request per entry (a round of 2,000 was 2,000 deletes). A run holds
 * no entry the round did not settle: the outbox's keys only grow, so none was added inside it since.
 */
async function removeEntries(db: SyncDb, read: readonly number[], done: readonly number[]): Promise<void> {
  const settled = new Set(done);
  const singles: number[] = [];
  const runs: [number, number][] = [];
  let from = -1;
  const close = (to: number) => {
    if (from === to) singles.push(read[from]!);
    else runs.push([read[from]!, read[to]!]);
    from = -1;
  };
  read.forEach((seq, i) => {
    if (settled.has(seq)) {
      if (from < 0) from = i;
    } else if (from >= 0) close(i - 1);
  });
  if (from >= 0) close(read.length - 1);
  for (const [lo, hi] of runs) await db.syncOutbox.where('seq').between(lo, hi, true, true).delete();
  if (singles.length > 0) await db.syncOutbox.bulkDelete(singles);
}

/** One round: up to `limit` outbox entries. */
export async function pushRound(
  db: SyncDb,
  client: CouchClient,
  me: Identity,
  now: number,
  limit: number,
  signal?: AbortSignal,
): Promise<PushOutcome & { sent: number; accepted: Map<string, string> }> {
  const prepared = await preparePush(db, me, limit);
  const results = prepared.docs.length > 0 ? await client.bulkDocs(prepared.docs, signal) : [];
  return finishPush(db, client, me, now, prepared, results, signal);
}

/**
 * The server's answer to a round: accepted rows get their new revision and leave the outbox; a
 * 409 is merged three ways; a refused row is reverted here.
 */
export async function finishPush(
  db: SyncDb,
  client: CouchClient,
  me: Identity,
  now: number,
  prepared: PreparedPush,
  results: readonly BulkResult[],
  signal?: AbortSignal,
  trace?: SyncTrace,
): Promise<PushOutcome & { sent: number; accepted: Map<string, string> }> {
  const step = stepper(trace);
  const { list, revisions, sent } = prepared;
  const out: PushOutcome & { sent: number; accepted: Map<string, string> } = {
    accepted: new Map(),
    pushed: 0,
    refused: 0,
    merged: 0,
    conflicts: 0,
    failed: 0,
    reasons: [],
    sent: prepared.docs.length,
  };
  if (prepared.docs.length === 0) return out;
  const byId = new Map(results.map((r) => [r.id, r]));
  const conflicted: string[] = [];

  await db.transaction('rw', SYNC_WRITE_TABLES(db), async () => {
    markFromSync();
    const done: number[] = [];
    const newRevisions: RevisionRow[] = [];
    list.forEach((g, i) => {
      const id = docIdOf(g.table, g.rowId);
      if (!sent.has(id)) return;
      const res = byId.get(id);
      if (!res) {
        out.failed++;
        return;
      }
      if (res.ok || (res.rev && !res.error)) {
        const { base: _previousBase, ...previous } = revisions[i] ?? {};
        newRevisions.push({
          ...previous,
          table: g.table,
          rowId: g.rowId,
          rev: res.rev!,
          base: sent.get(id)!,
        });
        done.push(...g.seqs);
        out.accepted.set(id, res.rev!);
        out.pushed++;
      } else if (res.error === 'conflict') {
        conflicted.push(id);
      } else if (res.error === 'forbidden' || res.error === 'unauthorized') {
        done.push(...g.seqs);
        out.refused++;
        if (res.reason && !out.reasons.includes(res.reason)) out.reasons.push(res.reason);
      } else {
        out.failed++;
        if (res.reason && !out.reasons.includes(res.reason)) out.reasons.push(res.reason);
      }
    });
    // revert what the server refused: the row as the server has it, or gone if it never had it
    for (const [i, g] of list.entries()) {
      const id = docIdOf(g.table, g.rowId);
      const res = byId.get(id);
      if (!(res?.error === 'forbidden' || res?.error === 'unauthorized')) continue;
      const base = revisions[i]?.base;
      if (g.table !== 'history' && base) await tableOf(db, g.table).put(base as Row);
      else await tableOf(db, g.table).delete(g.rowId);
    }
    step('push:finish:open');
    if (done.length > 0) await removeEntries(db, prepared.seqs, done);
    step('push:finish:outbox');
    const lean = newRevisions.length > 0 ? await leanWherePushed(db, newRevisions) : [];
    step('push:finish:lean');
    if (lean.length > 0) await db.syncRevisions.bulkPut(lean);
    step('push:finish:revisions');
  });
  step('push:finish:commit');

  if (conflicted.length > 0) {
    const theirs = await client.getDocs(conflicted, signal);
    const applied = await applyDocs(db, theirs, me, now);
    out.merged += applied.merged;
    out.conflicts += applied.conflicts;
  }
  return out;
}
