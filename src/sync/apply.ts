/**
 * Applies documents from the server to the local tables in ONE transaction (with the checkpoint,
 * when a pull gives one): rows, their revisions and `since` commit together or not at all. The
 * transaction is marked as sync's own, so the capture middleware leaves it out of the outbox; the
 * derived-data middleware still keeps facets and summaries. Idempotent: a document whose `_rev`
 * is already stored is skipped (a cluster's `_changes` may replay).
 */

import type { Transaction } from 'dexie';
import { mergeAliases } from '@/core/model/speaker-key';
import type { HistoryTable } from '@/core/model/types';
import { articleIdFor, speakerIdFor } from '@/db/articles';
import { deferDerived } from '@/db/derived/middleware';
import { historyByIds, historyOfRows } from '@/db/history-read';
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
import { stepper } from './stepper';
import type { SyncTrace } from './types';

export type Identity = Readonly<{ deviceId: string; author: string }>;

export type ApplyOutcome = {
  applied: number;
  skipped: number;
  merged: number;
  conflicts: number;
  /**
   * The documents (`table:rowId`) whose revision rows this call wrote, each with the row it was
   * merged into (null: none): what a first sync remembers instead of reading them back (`written`).
   */
  revised: (readonly [docId: string, mergedInto: string | null])[];
  /**
   * In catch-up mode, the claims this call wrote from the page (as written, merges included) and
   * the ids of those it deleted: what a first sync keeps for its rebuild instead of reading them back.
   */
  claims?: { written: Row[]; deleted: string[] };
};

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
    speakers: table<SyncDb['speakers']>('speakers'),
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

export function conflictEntry(
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
  mode: Readonly<{
    catchUp?: boolean;
    trace?: SyncTrace;
    /**
     * Every revision stored here, when this sync wrote them all (a first sync into an empty revision
     * table): document id → the row it was merged into, or null. A document absent has no revision:
     * it is not read. The articles and speakers a page's claims name are looked up here, not read
     * (at 100,000 claims those reads were 420 ms a page); a document of the page itself that is
     * here (a replay) is still read, for its `_rev` and base.
     */
    written?: ReadonlyMap<string, string | null>;
  }> = {},
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { applied: 0, skipped: 0, merged: 0, conflicts: 0, revised: [] };
  /** Tells the trace the time since the last step (nothing but a clock read inside the transaction). */
  const step = stepper(mode.trace);
  // hashing is not Dexie work: the content-derived ids of incoming speakers' keys, before the transaction
  const speakerKeys = new Set<string>();
  for (const d of docs)
    if (d._id.startsWith('speakers:') && !d._deleted && typeof d.key === 'string' && d.key !== '')
      speakerKeys.add(d.key);
  const derivedSpeaker = new Map(
    await Promise.all([...speakerKeys].map(async (k) => [k, await speakerIdFor(k)] as const)),
  );
  step('apply:speaker-ids');
  await database.transaction('rw', SYNC_WRITE_TABLES(database), async (tx) => {
    markFromSync();
    step('apply:open');
    // Every table through the transaction itself, not through Dexie's zone: in Chromium a page of
    // 500 documents lost the zone after awaits of native promises, the rest of its writes went to
    // transactions of their own (committed: half a page) and Dexie then reported this one as
    // 'Transaction committed too early'. Bound tables cannot leave the transaction.
    const db = boundTo(tx);
    if (mode.catchUp && docs.length > 0) {
      // derived rows are rebuilt once the catch-up ends (catch-up.ts); the flag commits with the page
      // (an empty page leaves a rebuild's cursor as it is: it wrote nothing behind it)
      deferDerived();
      await db.syncState.put({ key: CATCH_UP_KEY, value: { since: now } satisfies CatchUpMark });
    }
    // the transaction's first request: its time is the wait for the transaction to start
    step('apply:first-request');
    const batchId = newId();
    const keys = docs.map((d) => {
      const at = d._id.indexOf(':');
      return [d._id.slice(0, at), d._id.slice(at + 1)] as [string, string];
    });
    const written = mode.written;
    /** The stored revisions of `wanted` (table, row id), leaving out ids that cannot have one. */
    const revisionsOf = async (wanted: readonly [string, string][]) => {
      const read = wanted.filter(([t, id]) => !written || written.has(`${t}:${id}`));
      const found = read.length > 0 ? await db.syncRevisions.bulkGet(read) : [];
      const byId = new Map(read.map(([t, id], i) => [`${t}:${id}`, found[i]]));
      return wanted.map(([t, id]) => byId.get(`${t}:${id}`));
    };
    const revs = await revisionsOf(keys);
    step('apply:reads:revisions');
    // an empty outbox (a first sync, a device with nothing to send) is one count, not a lookup per key
    const pendingKeys = new Set(
      (await db.syncOutbox.count()) === 0
        ? []
        : (await db.syncOutbox.where('[table+rowId]').anyOf(keys).toArray()).map((e) =>
            docIdOf(e.table, e.rowId),
          ),
    );
    step('apply:reads:outbox');
    const extraOutbox: OutboxEntry[] = [];
    /** Rows this page changes here and queues to push: their revisions need a base (below). */
    const queued = new Set<string>();
    /** Library rows (not in this page) changed here, as they were before. */
    const before = new Map<string, Row>();
    const queue = (table: ReplicatedTable, rowId: string, op: 'put' | 'delete' = 'put') => {
      extraOutbox.push({ table, rowId, op, at: now, batchId });
      queued.add(docIdOf(table, rowId));
    };
    const changedHere = (table: ReplicatedTable, row: Row) => {
      const id = docIdOf(table, row.id);
      if (!serverRows.has(id) && !before.has(id)) before.set(id, row);
    };
    // Everything the loop needs is read first: inside the transaction the loop then awaits only
    // Dexie's own requests (awaiting other promises between them lets the transaction commit early).
    const parsedRows = docs.map((d) => (d._deleted ? null : rowOf(d)));
    /** This page's rows as the server has them (the base of any of them changed here). */
    const serverRows = new Map<string, Row>();
    for (const p of parsedRows) if (p) serverRows.set(docIdOf(p.table, p.row.id), p.row);
    const referenced = new Set<string>();
    const shas = new Set<string>();
    const speakersReferenced = new Set<string>();
    for (const p of parsedRows) {
      if (p?.table === 'claims') referenced.add(p.row.articleId as string);
      if (p?.table === 'claims' && typeof p.row.speakerId === 'string')
        speakersReferenced.add(p.row.speakerId);
      if (p?.table === 'questions') for (const a of p.row.articleIds as string[]) referenced.add(a);
      if (p?.table === 'articles') shas.add(p.row.sha256 as string);
    }
    /** Where each of `ids` of `table` was merged into, as stored (or remembered: `written`). */
    const mergedOf = async (table: 'articles' | 'speakers', ids: readonly string[]) => {
      const merged = new Map<string, string>();
      if (written) {
        for (const id of ids) {
          const into = written.get(docIdOf(table, id));
          if (into) merged.set(id, into);
        }
        return merged;
      }
      (await revisionsOf(ids.map((id) => [table, id] as [string, string]))).forEach((r, i) => {
        if (r?.mergedInto) merged.set(ids[i]!, r.mergedInto);
      });
      return merged;
    };
    /** Articles merged away (loser id → kept id), learnt from revisions and from this batch. */
    const mergedArticles = await mergedOf('articles', [...referenced]);
    const articleTarget = (id: string): string => mergedArticles.get(id) ?? id;
    step('apply:reads:article-revisions');
    /** Speakers merged away (loser id → kept id): two devices made one person under two ids. */
    const mergedSpeakers = await mergedOf('speakers', [...speakersReferenced]);
    const speakerTarget = (id: string): string => mergedSpeakers.get(id) ?? id;
    step('apply:reads:speaker-revisions');
    /** Live speakers by key: the library's, then this page's as they are applied. */
    const byKey = new Map<string, Row>();
    for (const sp of (speakerKeys.size > 0
      ? await db.speakers
          .where('key')
          .anyOf([...speakerKeys])
          .toArray()
      : []
    ).sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (sp.deletedAt === null && !byKey.has(sp.key)) byKey.set(sp.key, sp as unknown as Row);
    }
    step('apply:reads:speakers-by-key');
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
      const found =
        table === 'history'
          ? ((await historyByIds(ids, tx.idbtrans)) as (Row | undefined)[])
          : await tableOf(db, table).bulkGet(ids);
      found.forEach((row, i) => {
        if (row) locals.set(docIdOf(table, ids[i]!), row);
      });
    }
    // First contact (a row both sides have, never synced here): no base to merge against. A field
    // this device never edited (no history entry of its own names it) counts as unchanged here, so
    // a library that imported the same article takes the team's review without a conflict; a field
    // edited here is a real conflict (newest wins, both values kept, a person asked).
    const edited = new Map<string, Set<string>>();
    const firstContact = keys.filter(
      ([t, id], i) => locals.has(docIdOf(t as ReplicatedTable, id)) && !revs[i]?.base,
    );
    if (firstContact.length > 0) {
      const rowKeys = firstContact.filter(([t]) => t !== 'history') as [HistoryTable, string][];
      for (const h of await historyOfRows(rowKeys, tx.idbtrans)) {
        const own = !h.deviceId || h.deviceId === me.deviceId;
        if (!own || h.action !== 'update' || !h.to || typeof h.to !== 'object') continue;
        const id = docIdOf(h.table as ReplicatedTable, h.rowId);
        const fields = edited.get(id) ?? new Set<string>();
        for (const f of Object.keys(h.to)) fields.add(f);
        edited.set(id, fields);
      }
    }
    /** Unequal to any value a field can hold; never stored (see `noSentinel`). */
    const EDITED_HERE = { editedHere: newId() };
    const noSentinel = (fields: readonly FieldConflict[]) =>
      fields.map((f) => (f.base === EDITED_HERE ? { ...f, base: null } : f));
    const firstContactBase = (id: string, local: Row): Record<string, unknown> => {
      const base: Record<string, unknown> = { ...local };
      for (const f of edited.get(id) ?? []) base[f] = EDITED_HERE;
      return base;
    };
    const history: Row[] = [];
    const deletedClaims: string[] = [];
    const puts = new Map<ReplicatedTable, Map<string, Row>>();
    const put = (table: ReplicatedTable, row: Row) => {
      const rows = puts.get(table) ?? new Map<string, Row>();
      puts.set(table, rows);
      rows.set(row.id, row);
    };
    const revisions = new Map<string, RevisionRow>();
    const setRevision = (r: RevisionRow) => revisions.set(docIdOf(r.table, r.rowId), r);

    step('apply:reads');
    // speakers and articles first: the claims of this page then find where theirs were merged
    const first = (i: number) => (/^(speakers|articles):/.test(docs[i]!._id) ? 0 : 1);
    const order = docs.map((_, i) => i).sort((x, y) => first(x) - first(y) || x - y);
    for (const i of order) {
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
          if (table === 'claims') deletedClaims.push(parsed[1]);
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
      // no copy of the row: the stored row is the server's until something here changes it
      const revision: RevisionRow = { table, rowId: row.id, rev };

      if (table === 'history') {
        // append-only: the entry as its author made it
        history.push(row);
        setRevision(revision);
        outcome.applied++;
        continue;
      }
      if (table === 'claims') {
        const target = articleTarget(row.articleId as string);
        const speaker = typeof row.speakerId === 'string' ? speakerTarget(row.speakerId) : row.speakerId;
        if (target !== row.articleId || speaker !== row.speakerId) {
          row = { ...row, articleId: target, speakerId: speaker };
          queue('claims', row.id);
        }
      }
      if (table === 'speakers' && row.deletedAt === null) {
        const key = row.key as string;
        const same = byKey.get(key);
        if (same && same.id !== row.id) {
          const derived = derivedSpeaker.get(key);
          const keepIncoming = row.id === derived || (same.id !== derived && row.id < same.id);
          const [keeper, loser] = keepIncoming ? [row, same] : [same, row];
          mergedSpeakers.set(loser.id, keeper.id);
          const aliases = mergeAliases(
            keeper.aliases as string[],
            [...(loser.aliases as string[]), loser.name as string],
            [keeper.name as string],
          );
          const widened = aliases.length !== (keeper.aliases as string[]).length;
          const kept: Row = widened
            ? { ...keeper, aliases, updatedAt: Math.max(now, Number(keeper.updatedAt) + 1) }
            : keeper;
          byKey.set(key, kept);
          // the library's claims of the loser move to the keeper (pushed like any edit)
          const moved = (await db.claims.where('speakerId').equals(loser.id).toArray()).map((c) => {
            changedHere('claims', c as unknown as Row);
            return { ...c, speakerId: keeper.id } as unknown as Row;
          });
          for (const c of moved) {
            put(
              'claims',
              puts.get('claims')?.get(c.id) ? { ...puts.get('claims')!.get(c.id)!, speakerId: keeper.id } : c,
            );
            queue('claims', c.id);
          }
          if (keepIncoming) {
            puts.get('speakers')?.delete(loser.id);
            await db.speakers.delete(loser.id as never);
            const loserRev = await db.syncRevisions.get(['speakers', loser.id]);
            setRevision({
              table: 'speakers',
              rowId: loser.id,
              rev: loserRev?.rev ?? '',
              base: null,
              mergedInto: keeper.id,
            });
            if (loserRev) queue('speakers', loser.id, 'delete');
            if (widened) queue('speakers', kept.id);
            row = kept;
          } else {
            setRevision({ ...revision, mergedInto: keeper.id });
            queue('speakers', loser.id, 'delete');
            if (widened) {
              changedHere('speakers', same);
              put('speakers', kept);
              queue('speakers', kept.id);
            }
            outcome.applied++;
            continue;
          }
        } else if (!same) byKey.set(key, row);
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
            for (const c of claims) changedHere('claims', c as unknown as Row);
            await db.claims.bulkPut(claims.map((c) => ({ ...c, articleId: keep as never })));
            for (const c of claims) queue('claims', c.id);
            const questions = await db.questions.where('articleIds').equals(lose).toArray();
            for (const q of questions) changedHere('questions', q as unknown as Row);
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
        const result = mergeRows(table, known?.base ?? firstContactBase(doc._id, local), local, row);
        const merged = { ...result, both: noSentinel(result.both), ask: noSentinel(result.ask) };
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
          base: parsed.row,
          ...(ask ? { conflicted: 1 as const, conflicts: merged.ask, conflictAt: now } : {}),
        });
        outcome.applied++;
        continue;
      }
      put(table, row);
      setRevision(revision);
      outcome.applied++;
    }
    // Rows changed here and queued keep the server's row as their base (copy-on-first-local-write,
    // as the capture middleware does for a person's edits): this page's from the document, the
    // library's from the row as it was, when its revision holds none yet.
    for (const id of queued) {
      const r = revisions.get(id);
      if (r && r.base === undefined && serverRows.has(id))
        revisions.set(id, { ...r, base: serverRows.get(id)! });
    }
    const library = [...before.keys()].filter((id) => queued.has(id) && !revisions.has(id));
    if (library.length > 0) {
      const found = await db.syncRevisions.bulkGet(
        library.map((id) => {
          const { table, rowId } = parseDocId(id)!;
          return [table, rowId] as [string, string];
        }),
      );
      found.forEach((r, i) => {
        if (r && r.base === undefined) setRevision({ ...r, base: before.get(library[i]!)! });
      });
    }
    step('apply:loop');
    // The revisions go out first and are awaited last: no middleware reads them, so the store
    // writes them while this thread prepares (clones) the rows below, instead of each waiting on the other.
    const revised = revisions.size > 0 ? db.syncRevisions.bulkPut([...revisions.values()]) : null;
    revised?.catch(() => undefined); // awaited below; a row write failing first aborts it too
    // speakers before claims: a claim's facet sorts by its speaker's name
    for (const table of REPLICATED_TABLES) {
      const rows = puts.get(table);
      if (rows && rows.size > 0) {
        await tableOf(db, table).bulkPut([...rows.values()]);
        step(`apply:write:${table}`);
      }
    }
    if (revised) await revised;
    if (mode.catchUp)
      outcome.claims = {
        written: [...(puts.get('claims')?.values() ?? [])],
        deleted: deletedClaims,
      };
    outcome.revised = [...revisions].map(([id, r]) => [id, r.mergedInto ?? null] as const);
    step('apply:write:syncRevisions');
    if (history.length > 0) await db.history.bulkPut(history as never);
    if (extraOutbox.length > 0) await db.syncOutbox.bulkAdd(extraOutbox);
    if (checkpoint !== undefined) await db.syncState.put({ key: SYNC_KEYS.checkpoint, value: checkpoint });
    step('apply:write:rest');
  });
  step('apply:commit');
  return outcome;
}
