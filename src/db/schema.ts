import type { Transaction } from 'dexie';
import { loadedWriteLayer as steps } from './write-layer-load';

/**
 * The schema history of the `claimdesk` database, oldest first. Never edit a released version:
 * add a new one (its `stores` lists only the tables that change; `null` drops a table) with an
 * `upgrade` that keeps every row, and add a step to `schema-history.test.ts`.
 *
 * Notes on the indexes:
 * - IndexedDB leaves a row out of an index whose key is null (or holds a null), so `deletedAt` indexes
 *   hold only tombstones, and `[deletedAt+articleId]` finds an article's deleted claims without
 *   reading the rest.
 * - Dexie serves a field that leads a compound index from that index (a "virtual index"): since
 *   version 12 `where('articleId')` reads `[articleId+start]`, `where('speakerId')`
 *   `[speakerId+articleId]` and `where('deletedAt')` `[deletedAt+articleId]`. It picks the first
 *   compound index (by name) the field leads, so each field may lead only one: a second
 *   `[articleId+…]` index sorting before `[articleId+start]` would answer `where('articleId')` with
 *   only the rows that index holds. A virtual index takes bounded ranges only (`equals`, `anyOf`,
 *   `between`): Dexie 4.4 pads an open end with `undefined` and IndexedDB refuses the range, so
 *   `where('deletedAt').above(0)` is written `.between(0, Infinity, true, true)`.
 */
export type SchemaVersion = Readonly<{
  version: number;
  stores: Readonly<Record<string, string | null>>;
  upgrade?: (tx: Transaction) => Promise<unknown> | undefined;
}>;

export const DB_NAME = 'claimdesk';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      articles: 'id, &sha256, importedAt, deletedAt, updatedAt',
      speakers: 'id, key, updatedAt',
      claims:
        'id, articleId, speakerId, verdict, *tags, [articleId+start], [articleId+verdict], [articleId+speakerId], [articleId+deletedAt], updatedAt',
      sources: 'id, url, updatedAt',
      evidence: 'id, claimId, sourceId, updatedAt',
      questions: 'id, *articleIds, updatedAt',
      history: 'id, [table+rowId], batchId, at',
      meta: 'key',
    },
  },
  {
    // History batches know whether they are a change, an undo or a redo (and of which batch), so
    // undo/redo is replayed from the append-only log; claims get an index to sort and filter by
    // check-worthiness.
    version: 2,
    stores: {
      claims:
        'id, articleId, speakerId, verdict, *tags, [articleId+start], [articleId+verdict], [articleId+speakerId], [articleId+deletedAt], updatedAt, checkworthy.score, deletedAt',
    },
    upgrade: (tx) =>
      tx
        .table('history')
        .toCollection()
        .modify((entry: Record<string, unknown>) => {
          if (entry.batchKind === undefined) entry.batchKind = 'change';
          if (entry.target === undefined) entry.target = null;
        }),
  },
  {
    // Compare positions: a question lists the claims placed under it in an indexed field, so a
    // speaker's profile finds its questions from the speaker's claim ids (no scan of questions).
    version: 3,
    stores: {
      questions: 'id, *articleIds, updatedAt, *placedClaimIds',
    },
    upgrade: (tx) =>
      tx
        .table('questions')
        .toCollection()
        .modify((q: Record<string, unknown>) => {
          const stances = (q.stances ?? {}) as Record<string, unknown>;
          q.placedClaimIds = Object.keys(stances);
        }),
  },
  {
    // Derived rows (src/db/derived): a facet row per claim whose one multi-entry index serves every
    // filter × sort of the claims lists as one ordered range, and summaries (counts per article,
    // speaker, tag and the library) kept by the write middleware. The upgrade builds both.
    // `searchIndex` holds the saved full-text index (src/db/search.ts), loaded on start;
    // `articleHeads` each article without its text (lists, compare and profiles show titles).
    version: 4,
    stores: {
      claimFacets: 'id, *f',
      summaries: 'id',
      searchIndex: 'id',
      articleHeads: 'id, importedAt',
    },
    upgrade: (tx) => steps().rebuildInUpgrade(4)(tx),
  },
  {
    // Team sync (src/sync): `syncOutbox` holds a row per write to a replicated table while a team is
    // connected (written in the write's own transaction by sync-capture.ts); `syncRevisions` the
    // server revision of each replicated row and the row as last agreed with the server (the base of
    // a three-way merge), `conflicted` set on rows a person must settle; `syncState` the checkpoint,
    // server, identity and connection flag. History entries may carry `author` / `deviceId` (set on
    // entries from other devices and on this device's entries once pushed): no upgrade, old rows are
    // this device's own. New articles get ids derived from their SHA-256 (articles.ts).
    version: 5,
    stores: {
      syncOutbox: '++seq, [table+rowId]',
      syncRevisions: '[table+rowId], conflicted',
      syncState: 'key',
    },
  },
  {
    // The claims lists' index keys split by what changes them (src/db/derived/facets.ts), shorter
    // (no facts after the id) and fewer: the facet row keeps the keys a verdict or any edit moves
    // (update and verdict order), the new `claimKeys` row (multi-entry `k`) the article,
    // check-worthiness and speaker order, written only when those change. Claims drop the indexes
    // the read model replaced (verdict, tags, check-worthiness, [articleId+verdict]): each costs every
    // claim write; [articleId+speakerId] stays (a speaker profile pages its claims by article). The
    // upgrade rebuilds the derived rows and changes no row.
    version: 6,
    stores: {
      claims:
        'id, articleId, speakerId, [articleId+start], [articleId+speakerId], [articleId+deletedAt], updatedAt, deletedAt',
      claimFacets: 'id, *f',
      claimKeys: 'id, *k',
    },
    upgrade: (tx) => steps().rebuildInUpgrade(6)(tx),
  },
  {
    // Leaner index keys (src/db/derived/facets.ts; bench/idb-keys.ts measured an entry's cost by
    // number and length): ids packed to 10 characters and sort keys in base 36 inside the keys; an
    // article's and a verdict's claims in article order are ranges of the `*` keys (the verdict
    // order is verdict, then article order). A claim writes 10 keys of about 35 characters where
    // version 6 wrote 12 of about 80. The indexes are the same; the upgrade rebuilds the derived
    // rows and changes no row.
    version: 7,
    stores: {
      claimFacets: 'id, *f',
      claimKeys: 'id, *k',
    },
    upgrade: (tx) => steps().rebuildInUpgrade(7)(tx),
  },
  {
    // Placement rows (src/db/derived/placements.ts): one per claim placed under a live question,
    // keyed [question+claim], with the claim's speaker, article, text, verdict and live source
    // count. The compare view reads a question's placements as one key range (not the claims and
    // their links), a speaker profile its questions through `s` (not every claim id of the
    // speaker). Written only when a question, a placed claim or its links change; no claim row or
    // index changes. Question packs: each question as one JSON string (same id), which reads as one
    // value where the row's article ids and placed claims are hundreds. The upgrade builds both from
    // the questions and changes no row.
    version: 8,
    stores: {
      placedClaims: '[q+c], c, s',
      questionPacks: 'id',
    },
    upgrade: (tx) => steps().placementsInUpgrade(tx),
  },
  {
    // One derived row per claim (src/db/derived/facets.ts): the key rows (`claimKeys`) are dropped
    // and their keys join the facet row's multi-entry index `f`. A row costs IndexedDB about as
    // much as several index entries, and a team's first sync or an import wrote both rows for every
    // claim (docs/PERFORMANCE.md, sync10); a verdict edit now rewrites all of a claim's keys (10
    // for a claim without tags or sources, 5 before). The upgrade rebuilds the derived rows and
    // changes no row.
    version: 9,
    stores: {
      claimKeys: null,
    },
    upgrade: (tx) => steps().rebuildInUpgrade(9)(tx),
  },
  {
    // The library's summary row also counts the live claims by check-worthiness points (`c:<0–100>`,
    // src/db/derived/facets.ts), kept by the write middleware like its other counts: a minimum
    // check-worthiness on the points scale (the filter offers 0.3, 0.5, 0.7) is counted from the
    // summaries, not from the ~20,000 index keys at or above it at 100,000 claims. The upgrade
    // counts only the new keys, from the facet index (no row read out, no other row rebuilt); the
    // tables and indexes are the same.
    version: 10,
    stores: {},
    upgrade: (tx) => steps().scoreCountsInUpgrade(tx),
  },
  {
    // Batch heads (src/db/history-heads.ts): the first history entry of each batch carries `hd` (its
    // batch id), indexed, so undo, redo and the Undo button find the latest batches as the last keys
    // of an index with one key per batch, instead of walking `batchId` over every entry of every
    // batch. Set by a middleware under every history write; the upgrade marks each stored batch's
    // first entry (lowest id) and changes nothing else. History's `at` index is dropped: nothing
    // read it (its one reader, `recentHistory`, had no caller), and it cost an index entry for
    // every entry written. Entries keep their `at`.
    version: 11,
    stores: {
      history: 'id, [table+rowId], batchId, hd',
    },
    upgrade: (tx) => steps().headsInUpgrade(tx),
  },
  {
    // Fewer index entries per claim write (Chromium writes every index entry of a row again on each
    // put, whether its key changed or not): `articleId`, `speakerId` and `deletedAt` alone each
    // repeated the first field of a compound index, and `[articleId+speakerId]` is
    // `[speakerId+articleId]` the other way round. A live claim with a speaker writes 3 entries
    // (`[articleId+start]`, `[speakerId+articleId]`, `updatedAt`) where version 11 wrote 5; every
    // reader is served by the same ranges (Dexie reads a field alone from the compound index it
    // leads, see the notes above). No row changes; IndexedDB builds the new indexes from the rows.
    version: 12,
    stores: {
      claims: 'id, [articleId+start], [speakerId+articleId], [deletedAt+articleId], updatedAt',
    },
  },
  {
    // `claimSourced` (src/db/derived/old-facets.ts): a `{ id }` row per claim whose facet row has a
    // source (`h` 1), kept beside the facet rows by the write middleware. A bulk edit works out its
    // claims' old facet rows from the claims it just read, these keys (one range read) and the
    // speakers' names, instead of reading a facet row per claim before writing. The upgrade builds it
    // from the facet rows; no other row changes.
    version: 13,
    stores: {
      claimSourced: 'id',
    },
    upgrade: (tx) => steps().sourcedInUpgrade(tx),
  },
  {
    // Hot keys on the claim row (src/db/derived/hot-keys.ts): the index keys a verdict edit or any
    // update moves (update order, verdict order, the verdict's group) are a multi-entry index of the
    // claims (`hk`), kept by the write middleware from the claim alone; the facet row keeps the
    // others and no verdict. A verdict edit rewrites the claim row it writes anyway and no facet row
    // (bench/write-shapes.ts --only indexes, session 27: 875 ms for claims, facets and history of
    // 1,000 claims, 598 ms for claims with their hot keys and history). Readers above the middleware
    // never see `hk`. The upgrade writes every claim with its hot keys (raw, no middleware) and leaves
    // the facet rows as they are: their cold keys are version 14's, and a facet row's verdict and hot
    // keys are read by no one (old-facets.ts `isOldFacet`); each is stored anew on its next write that
    // reads it. No row is dropped.
    version: 14,
    stores: {
      claims: 'id, [articleId+start], [speakerId+articleId], [deletedAt+articleId], updatedAt, *hk',
    },
    upgrade: (tx) => steps().hotKeysInUpgrade(tx),
  },
  {
    // History as one row a batch (src/db/history-batches.ts): `recordHistory`'s entries of one
    // request after the first (which stays in `history`, the batch's head) are one `historyBatches`
    // row (the entries in one array; `r` each `table␁rowId` they change, and `batchId`), not a row
    // each with three index entries (bench/write-shapes.ts --only indexes, session 27: 598 → 379 ms
    // for a bulk verdict's claims and history of 1,000 claims). Entry ids name their row. The store
    // starts empty: entries stored before stay single rows in `history`, as do entries pulled by
    // sync or restored from a backup; history-read.ts reads both.
    version: 15,
    stores: {
      historyBatches: 'id, batchId, *r',
    },
  },
];

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
