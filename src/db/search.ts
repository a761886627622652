import { type Remote, wrap } from 'comlink';
import { Dexie } from 'dexie';
import type { Claim, ClaimId, Source, SourceId, Speaker, SpeakerId, Timestamp } from '@/core/model/types';
import type { ClaimFilters } from '@/core/review/filters';
import {
  type ClaimIndex,
  type ClaimSearchDoc,
  type ClaimSearchHit,
  claimSearchDoc,
  createClaimIndex,
  loadClaimIndex,
  nextShortId,
  rankClaimIndex,
  removeClaimDoc,
  shortIdOf,
  upsertClaimDoc,
  warmUpQueries,
} from '@/core/search/claim-index';
import {
  arraysOfStoredClaimIndex,
  indexedClaimIds,
  isStoredClaimIndex,
  type PackedArrays,
  packClaimIndex,
  STORED_FORMAT,
  storedClaimIndex,
  unpackClaimIndex,
} from '@/core/search/packed-index';
import { filteredSearchHits, onlyText } from './claim-list';
import { db, type SearchIndexRow } from './db';
import { type FacetView, type StoredFacet, viewOf } from './derived/hot-keys';
import {
  type EarlySavedRead,
  earlySavedReadMs,
  SAVED_CLOCK_KEY,
  SAVED_INDEX_KEY,
  takeEarlySavedRead,
} from './search-early-read';
import { SearchFacets } from './search-facets';
import { notePart } from './search-notes';

/**
 * The claim search index of this tab, built on the first search (one read of every claim) and then
 * kept up to date by reading only what changed: rows whose `updatedAt` is at or after `since`, in
 * claims, speakers (renames reach their claims), sources (titles reach the claims that link them)
 * and evidence. That works for writes made in other tabs too, and costs four small index range
 * reads per search when nothing changed.
 *
 * `since` is the clock just before the last look's read transaction opened. A write that look did
 * not see came from a read-write transaction created after it, which stamps `updatedAt` inside its
 * callback, so with this clock or later; every row stamped earlier was seen. (Keying on the latest
 * `updatedAt` seen instead re-read a whole import, stamped in one millisecond, on every search.)
 */
type State = {
  index: ClaimIndex;
  /** Each indexed claim's filter values, by short id (`search-facets.ts`). */
  facets: SearchFacets;
  /**
   * A loaded index's saved values: read when a query first needs them, or a moment after the start
   * (their row apart from the index's, so a start's searches neither read nor wait for them);
   * until then the values a refresh reads wait in `pendingFacets`, by short id.
   */
  facetsReady: Promise<void> | null;
  pendingFacets: Map<number, FacetView | undefined> | null;
  /** The loaded index's clock and next short id, which its saved values must have been saved with. */
  savedAs: { since: Timestamp; nextId: number } | null;
  /**
   * The `since` of the saved index row this state's documents are (loaded from it, or saved as it
   * and not changed since); null when none is. A save with no document changed since then writes the
   * values' row and the clock's, not the index's (`save`).
   */
  indexSavedSince: Timestamp | null;
  since: Timestamp;
  loaded: boolean;
  /** Each indexed document's hash, by short id (`putDocs`); not saved. */
  hashes: Float64Array;
  /** The refresh under way, and the one asked for meanwhile (it starts when that one ends). */
  refreshing: Promise<void> | null;
  queued: Promise<void> | null;
};

let state: State | null = null;
/** Claims re-indexed by the last refresh (for tests and the benchmark). */
let lastRefreshed = 0;
/**
 * Where the last start's time went (ms): reading and unpacking the saved index (`loadMs`, of which
 * the database's open, the row's read and the unpacking), building it, the first refresh, and the
 * first query on it. `marks` are when each step ended, on this thread's clock (`performance.now()`
 * from `timeOrigin`), so the benchmark can place them on the page's.
 */
const timings = {
  loadMs: 0,
  openMs: 0,
  readMs: 0,
  unpackMs: 0,
  /** Of the early read: the making of the row's value on this thread, after the browser's read (ms). */
  valueMs: 0,
  /** A stored index's (formats 4 and 5) arrays read from its Blob (ms). */
  arraysMs: 0,
  buildMs: 0,
  refreshMs: 0,
  /** Steps (reads of `CLAIM_STEP` claims) the last build took. */
  buildSteps: 0,
  firstQueryMs: 0,
  lastQueryMs: 0,
  /** The last query's wait for an up-to-date index before it ran (its refresh; at a start, the load too). */
  lastWaitMs: 0,
  /** Warm-up queries run (`warmUpQueryCode`), and their time in all (ms). */
  warmUpQueries: 0,
  warmUpMs: 0,
  /**
   * What became of the saved rows read as the worker started: used, read again (the saved copy had
   * moved on), none found (or not readable), or '' (no early read: tests, the command line).
   */
  earlyRead: '' as '' | 'used' | 'moved' | 'none',
  /** How the last text query with another filter was kept: by the kept values, or by reading its hits' rows. */
  lastFilter: '' as '' | 'values' | 'rows',
  /** Facet rows read to fill the values of a saved index from before them (0 when it had them). */
  filledFacets: 0,
  loads: 0,
  marks: {} as Record<string, number>,
};
const mark = (name: string) => {
  timings.marks[name] = Math.round(performance.now() * 10) / 10;
};
/** The early read's moments, as marks (the benchmark places them), once its bytes are in. */
const markEarlyRead = () => {
  const { asked, bytes } = earlySavedReadMs();
  if (asked) timings.marks.earlyAsked = Math.round(asked * 10) / 10;
  if (bytes) timings.marks.earlyBytes = Math.round(bytes * 10) / 10;
};
/** Documents added, replaced or removed since the index's row was last saved. */
let indexDirty = false;
/** Filter values or hashes changed since the values' row was last saved. */
let valuesDirty = false;
/** Queries asked of this thread's index since it was last forgotten (the warm-up stops at the first). */
let queriesAsked = 0;
let pending: Promise<State> | null = null;
let generation = 0;

/** Forgets the index (a deleted or replaced database; tests). */
export function resetClaimSearch(): void {
  state = null;
  pending = null;
  generation++;
  queriesAsked = 0;
}

/**
 * A reopened database (deleted or replaced) holds other claims: the index is forgotten. Not on the
 * first open: that one is the index's own first read, and forgetting there threw away the load it
 * was doing (every start read and unpacked the saved index twice).
 */
let openedBefore = false;
db.on(
  'ready',
  () => {
    if (openedBefore) resetClaimSearch();
    openedBefore = true;
  },
  true,
);

/**
 * Search documents for claims (live ones; deleted ones come back as ids to drop). `span`: the claims
 * are every claim with an id in this range (the build's steps), so their links are read as one range.
 */
async function documentsFor(claims: readonly Claim[], span?: readonly [string, string]) {
  const live = claims.filter((c) => c.deletedAt === null);
  const speakerIds = [...new Set(live.map((c) => c.speakerId).filter((s): s is SpeakerId => s !== null))];
  const speakers = new Map<string, Speaker>();
  for (const s of await db.speakers.bulkGet(speakerIds)) if (s) speakers.set(s.id, s);
  const evidence = live.length
    ? await (span
        ? db.evidence.where('claimId').between(span[0], span[1], true, true)
        : db.evidence.where('claimId').anyOf(live.map((c) => c.id))
      )
        .filter((e) => e.deletedAt === null)
        .toArray()
    : [];
  const sources = new Map<string, Source>();
  const sourceIds = [...new Set(evidence.map((e) => e.sourceId))];
  for (const s of await db.sources.bulkGet(sourceIds)) if (s && s.deletedAt === null) sources.set(s.id, s);
  const sourcesOf = new Map<string, Source[]>();
  for (const e of evidence) {
    const s = sources.get(e.sourceId);
    if (s) sourcesOf.set(e.claimId, [...(sourcesOf.get(e.claimId) ?? []), s]);
  }
  return {
    docs: live.map((c) =>
      claimSearchDoc(c, c.speakerId ? (speakers.get(c.speakerId) ?? null) : null, sourcesOf.get(c.id) ?? []),
    ),
    removed: claims.filter((c) => c.deletedAt !== null).map((c) => c.id),
  };
}

/**
 * What was written since the index last looked, as each committed write tells it (`search-notes.ts`:
 * its `storagemutated` parts, in this context and, through Dexie's broadcast, in every other tab and
 * worker): claim ids (a claim's row, facet row or links written), key ranges of claims deleted by
 * range, speakers and sources written (their claims' documents change), and whether the facet rows
 * were deleted by range (`values`: a rebuild clears them first). They catch what the clock cannot:
 * rows put with an older `updatedAt` (a restore, a sync pull) and rows deleted outright.
 */
export type ClaimChanges = {
  ids: string[];
  ranges: [string, string][];
  /** Facet rows written (their claims' filter values only). */
  facets?: string[];
  speakers?: string[];
  sources?: string[];
  /** The facet rows were deleted by range. */
  values?: boolean;
};

/**
 * How long a page's own writes are handed to the worker with its queries: the worker hears every
 * write through Dexie's broadcast too, a few milliseconds later, but a query sent right after a
 * write can arrive before it.
 */
const HANDOVER_MS = 5_000;

/** Each noted claim id, key range, speaker and source, with when it was noted. */
let changed = new Map<string, number>();
let changedRanges: { from: string; to: string; at: number }[] = [];
let changedFacets = new Map<string, number>();
let changedSpeakers = new Map<string, number>();
let changedSources = new Map<string, number>();
/** When the facet rows were last deleted by range (0: not since the last look). */
let valuesClearedAt = 0;

type RangeNode = { from: unknown; to: unknown; l?: RangeNode | null; r?: RangeNode | null; d?: number };

function noteRanges(
  node: RangeNode | null | undefined,
  at: number,
  ids: Map<string, number>,
  ranges?: { from: string; to: string; at: number }[],
): void {
  if (!node || node.d === 0) return; // an empty RangeSet
  if (typeof node.from === 'string' && typeof node.to === 'string') {
    if (node.from === node.to) ids.set(node.from, at);
    else ranges?.push({ from: node.from, to: node.to, at });
  }
  noteRanges(node.l, at, ids, ranges);
  noteRanges(node.r, at, ids, ranges);
}

/** Notes the claims, speakers and sources a committed write touched (`search-notes.ts`'s parts). */
export function noteWrites(parts: Record<string, unknown>): void {
  const at = Date.now();
  noteRanges(parts[notePart(db.name, 'claims')] as RangeNode | undefined, at, changed, changedRanges);
  noteRanges(parts[notePart(db.name, 'facets')] as RangeNode | undefined, at, changedFacets);
  noteRanges(parts[notePart(db.name, 'speakers')] as RangeNode | undefined, at, changedSpeakers);
  noteRanges(parts[notePart(db.name, 'sources')] as RangeNode | undefined, at, changedSources);
  if (parts[notePart(db.name, 'cleared')]) valuesClearedAt = at;
  // a page that never searches: what is older than a handover's horizon is of no use to anyone
  for (const notes of [changed, changedFacets, changedSpeakers, changedSources])
    if (notes.size > 20_000) for (const [id, t] of notes) if (t < at - HANDOVER_MS) notes.delete(id);
  if (changedRanges.length > 20_000) changedRanges = changedRanges.filter((r) => r.at >= at - HANDOVER_MS);
}

Dexie.on('storagemutated', noteWrites);

const noted = (notes: Map<string, number>, since: number) =>
  [...notes].filter(([, t]) => t >= since).map(([id]) => id);

/** The changes noted at or after `since` (all by default), handed over; every note is forgotten here. */
export function takeClaimChanges(since = 0): ClaimChanges {
  const out: ClaimChanges = {
    ids: noted(changed, since),
    ranges: changedRanges.filter((r) => r.at >= since).map((r): [string, string] => [r.from, r.to]),
    facets: noted(changedFacets, since),
    speakers: noted(changedSpeakers, since),
    sources: noted(changedSources, since),
    values: valuesClearedAt > 0 && valuesClearedAt >= since,
  };
  changed = new Map();
  changedRanges = [];
  changedFacets = new Map();
  changedSpeakers = new Map();
  changedSources = new Map();
  valuesClearedAt = 0;
  return out;
}

function addClaimChanges(more: ClaimChanges | undefined): void {
  if (!more) return;
  const at = Date.now();
  for (const id of more.ids) changed.set(id, at);
  for (const [from, to] of more.ranges) changedRanges.push({ from, to, at });
  for (const id of more.facets ?? []) changedFacets.set(id, at);
  for (const id of more.speakers ?? []) changedSpeakers.set(id, at);
  for (const id of more.sources ?? []) changedSources.set(id, at);
  if (more.values) valuesClearedAt = at;
}

const SAVED = SAVED_INDEX_KEY;
/** The row of the claims' filter values, saved with the index (same transaction, same clock). */
const SAVED_FACETS = 'claimFacets';
/**
 * The row of the clock the saved copy is current to, when it is later than the index row's own: a
 * save with no document changed (a verdict edit re-reads its claims but re-indexes none) writes the
 * values' row and this one (a few bytes), not the 11 MB index row again. Read with the index's row.
 */
const SAVED_CLOCK = SAVED_CLOCK_KEY;

/** Whether two reads of the clock row are the same save's. */
const sameClock = (a: SearchIndexRow | undefined, b: SearchIndexRow) =>
  a !== undefined && a.since === b.since && a.indexSince === b.indexSince && a.documents === b.documents;

/**
 * The saved rows read as the worker started (`search-early-read.ts`), if they are still the saved
 * ones: the clock row read again through Dexie (a few bytes; its change listener is on by now, so a
 * write after this read is noted for the first refresh) is the one read early. A save or a clear
 * between the two moved or removed it: null, and the rows are read again. Not used when the early
 * read found no clock row (no index saved, or one saved before the clock row: the read as before).
 */
async function earlyRows(early: Promise<EarlySavedRead>) {
  // asked at once (Dexie's open with it), while the early read is still under way: any write this
  // read does not see is noted from here on
  const now = db.searchIndex.get(SAVED_CLOCK);
  now.catch(() => {});
  const read = await early;
  const row = read?.row;
  const clock = read?.clock;
  if (!row || !clock) return null;
  return { row, clock, bytes: read.bytes ?? undefined, check: now.then((c) => sameClock(c, clock)) };
}

/** The index saved by `saveClaimSearch`, or null (none, or unreadable: built again). */
async function loadSaved(): Promise<State | null> {
  const t = performance.now();
  timings.loads++;
  timings.filledFacets = 0;
  mark('loadStart');
  const fromEarly = takeEarlySavedRead();
  const early = fromEarly ? await earlyRows(fromEarly).catch(() => null) : null;
  if (early) {
    mark('read');
    ({ readMs: timings.readMs, valueMs: timings.valueMs } = earlySavedReadMs());
    const dirty = indexDirty;
    const loaded = await unpackSaved(early.row, early.clock, t, early.bytes);
    markEarlyRead();
    // the rows still the saved ones (else read again, below); the wait is Dexie's open, mostly
    const unpacked = performance.now();
    const current = await early.check.catch(() => false);
    mark('opened');
    timings.openMs = Math.round(performance.now() - unpacked);
    timings.earlyRead = current ? 'used' : 'moved';
    if (current) return loaded;
    indexDirty = dirty;
  } else if (fromEarly) timings.earlyRead = 'none';
  if (!db.isOpen()) await db.open();
  const opened = performance.now();
  mark('opened');
  timings.openMs = Math.round(opened - t);
  const [row, clock] = await db.transaction('r', db.searchIndex, () =>
    Promise.all([db.searchIndex.get(SAVED), db.searchIndex.get(SAVED_CLOCK)]),
  );
  const read = performance.now();
  mark('read');
  timings.readMs = Math.round(read - opened);
  if (!row) return null;
  return await unpackSaved(row, clock, t);
}

/**
 * The state of a saved index row (and its clock row), or null when it cannot be read. `bytes`: a
 * stored index's bytes (formats 4 and 5), when the early read asked for them.
 */
async function unpackSaved(
  row: SearchIndexRow,
  clock: SearchIndexRow | undefined,
  t: number,
  bytes?: Promise<ArrayBuffer>,
): Promise<State | null> {
  const read = performance.now();
  try {
    const packed = isStoredClaimIndex(row.packed)
      ? await arraysOfStoredClaimIndex(row.packed, bytes)
      : row.packed;
    const arrays = performance.now();
    mark('arrays');
    timings.arraysMs = Math.round(arrays - read);
    // the database's open, asked with the load, takes its next step between the two (its answer came meanwhile)
    if (bytes) await pause();
    const index = packed ? unpackClaimIndex(packed) : loadClaimIndex(row.json ?? '');
    mark('unpacked');
    timings.unpackMs = Math.round(performance.now() - arrays);
    timings.loadMs = Math.round(performance.now() - t);
    // an index saved in an earlier form (JSON, format 2's string per claim, format 3's arrays in the
    // row) is saved again
    if (row.packed?.format !== STORED_FORMAT) indexDirty = true;
    // the clock a later save without a document changed moved this copy to (that save's values too)
    const since =
      clock && clock.indexSince === row.since && clock.documents === row.documents && clock.since >= row.since
        ? clock.since
        : row.since;
    return {
      index,
      facets: new SearchFacets(),
      facetsReady: null,
      pendingFacets: new Map(),
      savedAs: { since, nextId: row.packed?.nextId ?? -1 },
      indexSavedSince: row.since,
      since,
      loaded: true,
      hashes: new Float64Array(0),
      refreshing: null,
      queued: null,
    };
  } catch {
    return null;
  }
}

/**
 * Saves the index with the clock it is current to, so the next start loads it and re-indexes only
 * what changed since (in the search worker: the page never pays for it). No-op when unchanged.
 */
export function saveClaimSearch(): Promise<boolean> {
  return save(state);
}

async function save(s: State | null): Promise<boolean> {
  if (!s || !(indexDirty || valuesDirty)) return false;
  // the saved values first: the ones saved next are this state's whole
  await savedFacets(s);
  // not halfway through a refresh: the changes it took would be in neither the copy nor its clock
  for (let p = s.queued ?? s.refreshing; p; p = s.queued ?? s.refreshing) await p.catch(() => {});
  if (!(indexDirty || valuesDirty)) return false;
  // no document changed since the index's row was saved (a verdict edit, a rebuild of the facet
  // rows): that row is this index still, so only the values' row and the clock are written
  const whole = indexDirty || s.indexSavedSince === null;
  indexDirty = false;
  valuesDirty = false;
  const packed: PackedArrays | null = whole ? packClaimIndex(s.index) : null;
  const nextId = packed ? packed.nextId : nextShortId(s.index);
  const { since } = s;
  const documents = s.index.documentCount;
  const indexSince = packed ? since : s.indexSavedSince!;
  const hashes = new Float64Array(nextId);
  hashes.set(s.hashes.subarray(0, nextId));
  await db.transaction('rw', db.searchIndex, () =>
    db.searchIndex.bulkPut([
      ...(packed ? [{ id: SAVED, packed: storedClaimIndex(packed) ?? packed, since, documents }] : []),
      { id: SAVED_FACETS, facets: s.facets.packed(nextId), hashes, since, documents },
      { id: SAVED_CLOCK, since, indexSince, documents },
    ]),
  );
  if (packed) s.indexSavedSince = since;
  return true;
}

/** How long after a start a loaded index's saved values are read if no query asked for them first. */
const FACETS_DELAY_MS = 1_000;
/**
 * How long no query must have been asked for that read to start: it holds this thread for tens of
 * milliseconds (its 1.2 MB are deserialised here), and a query asked meanwhile waited for it (85 ms
 * in search18's split). Someone typing asks a query every 100–300 ms; the read waits for a pause.
 */
const FACETS_QUIET_MS = 400;
/** When this thread was last asked a query (`performance.now()`). */
let lastAskedAt = Number.NEGATIVE_INFINITY;

/** Reads a loaded index's saved values once no query has been asked for `FACETS_QUIET_MS` (a filter's query reads them at once). */
function savedFacetsWhenQuiet(s: State, gen: number): void {
  if (gen !== generation || !s.pendingFacets) return;
  const quiet = performance.now() - lastAskedAt;
  if (quiet < FACETS_QUIET_MS) {
    setTimeout(() => savedFacetsWhenQuiet(s, gen), FACETS_QUIET_MS - quiet);
    return;
  }
  void savedFacets(s).catch(() => {});
}

/** The loaded index's saved values, read once (the first caller starts the read, later ones wait for it). */
function savedFacets(s: State): Promise<void> {
  if (!s.pendingFacets || !s.savedAs) return Promise.resolve();
  s.facetsReady ??= loadFacets(s, generation, s.savedAs.since, s.savedAs.nextId);
  return s.facetsReady;
}

/**
 * A loaded index's saved filter values: used when saved with it (same clock, same next short id),
 * else (saved before them, or an index saved without them since) read from every facet row a
 * moment later (`fillFacets`; until then a text query with another filter reads its hits' rows).
 * The values its refreshes read meanwhile are set over them.
 */
async function loadFacets(s: State, gen: number, since: Timestamp, nextId: number): Promise<void> {
  let saved: SearchFacets | null = null;
  let hashes: Float64Array | null = null;
  try {
    const row = await db.searchIndex.get(SAVED_FACETS);
    if (row && row.since === since && row.facets?.size === nextId) {
      saved = SearchFacets.load(row.facets);
      if (saved && row.hashes instanceof Float64Array && row.hashes.length === nextId) hashes = row.hashes;
    }
  } catch {
    // unreadable: filled again
  }
  // the documents' hashes, where a refresh since the load has not set them (`putDocs`)
  if (hashes && gen === generation) {
    if (s.hashes.length < hashes.length) setHash(s, hashes.length - 1, 0);
    for (let slot = 0; slot < hashes.length; slot++) if (s.hashes[slot] === 0) s.hashes[slot] = hashes[slot]!;
  }
  // the facet rows deleted by range meanwhile (`forgetValues`): the saved values are not used
  if (gen !== generation || s.savedAs === null) return;
  if (saved) s.facets = saved;
  for (const [slot, row] of s.pendingFacets ?? []) s.facets.set(slot, row);
  s.pendingFacets = null;
  s.facetsReady = null;
  if (!saved) setTimeout(() => void fillFacets(s, gen).catch(() => {}), FILL_DELAY_MS);
}

/**
 * How many claims one step of the build or refresh reads (one request, then a yield). A read of
 * every claim in one transaction kept the browser's IndexedDB busy for seconds at 100,000 claims, and
 * every screen's read asked meanwhile waited behind it (an article open: 4.4 s against 0.47 s,
 * article12, PERFORMANCE.md); in steps of this size a screen's read or edit waits for one step at most.
 */
export const CLAIM_STEP = 1_000;

/** Lets other work in (and the database's other requests through) between two steps. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Search documents for the claims whose ids are in `ids` (at most `CLAIM_STEP`); ids with no row
 * left come back in `removed` with the tombstoned ones. Each read is a transaction of its own (see
 * `buildStep`).
 */
async function documentsOfIds(ids: readonly ClaimId[]) {
  const rows = await db.claims.bulkGet([...ids]);
  const found = rows.filter((c): c is Claim => c !== undefined);
  const { docs, removed } = await documentsFor(found);
  const gone = ids.filter((_, i) => rows[i] === undefined);
  // the documents' filter values, read after their claims (a write between is re-read next refresh)
  const facets = viewsById(await db.claimFacets.bulkGet(docs.map((d) => d.id)), found);
  return { docs, removed: [...removed, ...gone], facets };
}

/**
 * The filter values of these facet rows by id, each with its claim's verdict (schema v14 keeps it
 * on the claim alone); a row whose claim was not read has none.
 */
function viewsById(
  rows: readonly (StoredFacet | undefined)[],
  claims: readonly (Claim | undefined)[],
): Map<string, FacetView> {
  const claimOf = new Map<string, Claim>();
  for (const c of claims) if (c) claimOf.set(c.id, c);
  const out = new Map<string, FacetView>();
  for (const r of rows) {
    const claim = r && claimOf.get(r.id);
    if (r && claim) out.set(r.id, viewOf(r, claim));
  }
  return out;
}

/** The facet rows and claims of these ids, read in one transaction. */
const facetsAndClaims = (ids: readonly ClaimId[]) =>
  db.transaction('r', [db.claimFacets, db.claims], () =>
    Promise.all([db.claimFacets.bulkGet([...ids]), db.claims.bulkGet([...ids])]),
  );

/** A 53-bit hash of a document's fields (cyrb53): whether a re-read claim's document changed. */
function docHash(doc: ClaimSearchDoc): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (const field of [doc.text, doc.speaker, doc.sources, doc.notes, doc.tags]) {
    for (let i = 0; i <= field.length; i++) {
      const c = i < field.length ? field.charCodeAt(i) : 0; // 0 ends each field
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // never 0 (0: not known)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}

/** Each document's hash by short id (0: not known, as after a load), grown as short ids are given. */
function setHash(s: State, slot: number, hash: number): void {
  if (slot >= s.hashes.length) {
    const grown = new Float64Array(Math.max(1024, 2 ** Math.ceil(Math.log2(slot + 1))));
    grown.set(s.hashes);
    s.hashes = grown;
  }
  s.hashes[slot] = hash;
}

/**
 * Adds or replaces the documents and their filter values. A document the index holds unchanged
 * (a claim re-read for its verdict, its tags' order or a clock tick) is not replaced: a replaced
 * document gets a new short id and moves after the matches of equal score, so a verdict edit, or
 * a claim re-read twice in one millisecond, reordered the hits of the same query.
 */
function putDocs(s: State, docs: readonly ClaimSearchDoc[], facets: ReadonlyMap<string, FacetView>): boolean {
  let changed = false;
  for (const doc of docs) {
    const hash = docHash(doc);
    const was = shortIdOf(s.index, doc.id);
    if (was === undefined || s.hashes[was] !== hash) {
      upsertClaimDoc(s.index, doc);
      changed = true;
    }
    const slot = shortIdOf(s.index, doc.id);
    if (slot !== undefined) setHash(s, slot, hash);
    if (slot === undefined) continue;
    if (s.pendingFacets) s.pendingFacets.set(slot, facets.get(doc.id));
    else s.facets.set(slot, facets.get(doc.id));
  }
  return changed;
}

/**
 * One step of the build: the `CLAIM_STEP` claims after `after` in key order, as documents. The
 * claims' read is a transaction of its own, and so is each read of their speakers, links and
 * sources: an edit (a read-write transaction on claims) waits for one read of claims at most, not
 * for a transaction that also waits on the other tables' reads.
 */
async function buildStep(after: string | null): Promise<{
  docs: ClaimSearchDoc[];
  facets: Map<string, FacetView>;
  last: string | null;
  count: number;
}> {
  const claims = await (after === null ? db.claims.orderBy(':id') : db.claims.where(':id').above(after))
    .limit(CLAIM_STEP)
    .toArray();
  const first = claims[0];
  const last = claims.at(-1);
  if (!first || !last) return { docs: [], facets: new Map(), last: null, count: 0 };
  const { docs } = await documentsFor(claims, [first.id, last.id]);
  const facets = viewsById(
    await db.claimFacets.where(':id').between(first.id, last.id, true, true).toArray(),
    claims,
  );
  return { docs, facets, last: last.id, count: claims.length };
}

/**
 * How long after a start the filter values of an index saved without them are read: every facet
 * row (about 60 MB at 100,000 claims, seconds of reads), not while the start's first searches and
 * screens read.
 */
const FILL_DELAY_MS = 2_000;

/** The `CLAIM_STEP` facet rows after `after` in key order, and their claims, in one transaction. */
function facetStep(after: string | null): Promise<readonly [StoredFacet[], (Claim | undefined)[]]> {
  return db.transaction('r', [db.claimFacets, db.claims], async () => {
    const rows = await (after === null
      ? db.claimFacets.orderBy(':id')
      : db.claimFacets.where(':id').above(after)
    )
      .limit(CLAIM_STEP)
      .toArray();
    return [rows, await db.claims.bulkGet(rows.map((r) => r.id as ClaimId))] as const;
  });
}

/**
 * The filter values of an index saved without them: every facet row, `CLAIM_STEP` a read, set on
 * the slots still unknown (a refresh meanwhile sets the claims it re-indexes from rows it read later).
 */
async function fillFacets(s: State, gen: number): Promise<void> {
  let after: string | null = null;
  timings.filledFacets = 0;
  for (;;) {
    await pause();
    if (gen !== generation) return;
    const [rows, claims] = await facetStep(after);
    if (gen !== generation) return;
    timings.filledFacets += rows.length;
    const views = viewsById(rows, claims);
    for (const row of rows) {
      const slot = shortIdOf(s.index, row.id);
      if (slot !== undefined && !s.facets.known(slot)) s.facets.set(slot, views.get(row.id));
    }
    const last = rows.at(-1);
    if (rows.length < CLAIM_STEP || !last) break;
    after = last.id;
  }
  if (gen !== generation) return;
  valuesDirty = true;
  // saved with them at once (the state may not be this tab's yet: its first refresh can still be
  // under way); a save that fails is tried again at the next change
  await save(s).catch(() => false);
}

async function build(): Promise<State> {
  const saved = await loadSaved();
  if (saved) {
    // every change noted so far is applied to it by its first refresh: the saved copy may be older
    // than any of them (a write with an older clock is not caught by its `since`)
    const t = performance.now();
    await refreshed(saved);
    mark('refreshed');
    timings.refreshMs = Math.round(performance.now() - t);
    const gen = generation;
    setTimeout(() => savedFacetsWhenQuiet(saved, gen), FACETS_DELAY_MS);
    return saved;
  }
  const t = performance.now();
  indexDirty = true;
  valuesDirty = true;
  // changes noted from here on are applied by the first refresh; earlier ones are in what is read now
  takeClaimChanges();
  // Every step's reads are made after this clock, so a write one does not see is stamped with this
  // clock or later and is re-indexed by the first refresh (as with one transaction); rows written
  // with an older clock or deleted outright meanwhile are in the changes noted since the start.
  const since = Date.now();
  const built: State = {
    index: createClaimIndex(),
    facets: new SearchFacets(),
    facetsReady: null,
    pendingFacets: null,
    savedAs: null,
    indexSavedSince: null,
    since,
    loaded: false,
    hashes: new Float64Array(0),
    refreshing: null,
    queued: null,
  };
  timings.buildSteps = 0;
  // the claims in key order, `CLAIM_STEP` a read, with their speakers, sources, links and facet rows
  let after: string | null = null;
  for (;;) {
    const { docs, facets, last, count } = await buildStep(after);
    timings.buildSteps++;
    putDocs(built, docs, facets);
    if (count < CLAIM_STEP || last === null) break;
    after = last;
    await pause();
  }
  timings.buildMs = Math.round(performance.now() - t);
  return built;
}

/**
 * Re-indexes the claims touched by rows changed since the last look: their ids first (keys only,
 * one transaction), then their rows and documents `CLAIM_STEP` claims at a time, so a refresh after
 * a big import or a long absence does not hold the database either.
 */
/**
 * Refreshes one at a time: a call while one runs waits for it and then for one more, shared by every
 * call made meanwhile (it takes the changes noted since the running one took its own). Run side by
 * side, a query's refresh could answer before the one that had taken its changes applied them.
 */
function refreshed(s: State): Promise<void> {
  if (s.queued) return s.queued;
  const run = (): Promise<void> => {
    s.queued = null;
    const running = refresh(s).finally(() => {
      if (s.refreshing === running) s.refreshing = null;
    });
    s.refreshing = running;
    return running;
  };
  if (!s.refreshing) return run();
  const queued = s.refreshing.catch(() => {}).then(run);
  s.queued = queued;
  return queued;
}

/** The facet rows were deleted by range (a rebuild's first step): no kept value is trusted until read again. */
function forgetValues(s: State): void {
  s.facets = new SearchFacets();
  // a loaded index's saved values are older still: not read (a read under way is not used)
  s.pendingFacets = null;
  s.savedAs = null;
  valuesDirty = true;
}

async function refresh(s: State): Promise<void> {
  const lookedAt = Date.now();
  const noted = takeClaimChanges();
  if (noted.values) forgetValues(s);
  const ids = await db.transaction('r', [db.claims, db.speakers, db.sources, db.evidence], async () => {
    const [claimKeys, speakers, sources, evidence] = await Promise.all([
      db.claims.where('updatedAt').aboveOrEqual(s.since).primaryKeys(),
      db.speakers.where('updatedAt').aboveOrEqual(s.since).primaryKeys(),
      db.sources.where('updatedAt').aboveOrEqual(s.since).primaryKeys(),
      db.evidence.where('updatedAt').aboveOrEqual(s.since).toArray(),
    ]);
    const ids = new Set<string>(claimKeys);
    for (const e of evidence) ids.add(e.claimId);
    for (const id of noted.ids) ids.add(id);
    for (const [from, to] of noted.ranges) {
      for (const k of await db.claims.where(':id').between(from, to, true, true).primaryKeys()) ids.add(k);
      for (const id of indexedClaimIds(s.index)) if (id >= from && id <= to) ids.add(id);
    }
    // speakers and sources written (by the clock, or noted: one put with an older clock)
    const speakerIds = [...new Set<string>([...speakers, ...(noted.speakers ?? [])])];
    if (speakerIds.length > 0) {
      for (const k of await db.claims.where('speakerId').anyOf(speakerIds).primaryKeys()) ids.add(k);
    }
    const sourceIds = [...new Set<string>([...sources, ...(noted.sources ?? [])])];
    if (sourceIds.length > 0) {
      const links = await db.evidence
        .where('sourceId')
        .anyOf(sourceIds as SourceId[])
        .toArray();
      for (const e of links) ids.add(e.claimId);
    }
    return [...ids] as ClaimId[];
  });
  lastRefreshed = ids.length;
  if (ids.length > 0) valuesDirty = true;
  for (let i = 0; i < ids.length; i += CLAIM_STEP) {
    if (i > 0) await pause();
    // rows read after `lookedAt`: newer than the keys, never older; a later write is re-read next time
    const { docs, removed, facets } = await documentsOfIds(ids.slice(i, i + CLAIM_STEP));
    // a claim re-read with its document unchanged (a verdict edit) leaves the index's row as saved
    if (putDocs(s, docs, facets)) indexDirty = true;
    // tombstoned, or deleted outright (a replace, a merge of speakers' claims): no row left to say so
    for (const id of removed) {
      if (shortIdOf(s.index, id) === undefined) continue;
      removeClaimDoc(s.index, id);
      indexDirty = true;
    }
  }
  // facet rows written alone (a rebuild's steps): the filter values of the claims indexed, nothing else
  const reread = new Set<string>(ids);
  const valuesOnly = (noted.facets ?? []).filter(
    (id) => !reread.has(id) && shortIdOf(s.index, id) !== undefined,
  );
  if (valuesOnly.length > 0) valuesDirty = true;
  for (let i = 0; i < valuesOnly.length; i += CLAIM_STEP) {
    await pause();
    const part = valuesOnly.slice(i, i + CLAIM_STEP);
    const views = viewsById(...(await facetsAndClaims(part as ClaimId[])));
    for (const id of part) {
      const slot = shortIdOf(s.index, id);
      if (slot === undefined) continue;
      if (s.pendingFacets) s.pendingFacets.set(slot, views.get(id));
      else s.facets.set(slot, views.get(id));
    }
  }
  s.since = lookedAt;
}

/** The up-to-date index (built once per tab, refreshed incrementally). */
async function claimIndex(): Promise<State> {
  const gen = generation;
  if (!state) {
    pending ??= build();
    const built = await pending;
    if (gen !== generation) return claimIndex();
    state = built;
    pending = null;
    return built;
  }
  const s = state;
  await refreshed(s);
  return s;
}

/**
 * Live claim ids matching `query` (prefix and fuzzy, every word must match), best first. The first
 * call builds the index (a read of every claim); later calls re-index only what changed.
 */
export async function searchClaimsHere(
  query: string,
  limit = 500,
  changes?: ClaimChanges,
): Promise<ClaimSearchHit[]> {
  if (!('asked' in timings.marks)) mark('asked');
  addClaimChanges(changes);
  if (query.trim() === '') return [];
  if (Dexie.currentTransaction) {
    throw new Error('searchClaims awaits more than IndexedDB: call it before a transaction, not inside one');
  }
  return (await rankedHere(query, limit)).hits;
}

async function rankedHere(query: string, limit: number, values = false) {
  queriesAsked++;
  lastAskedAt = performance.now();
  const asked = performance.now();
  const s = await claimIndex();
  // a loaded index's saved filter values, when a query needs them (read once, after the start)
  if (values) await savedFacets(s);
  const t = performance.now();
  timings.lastWaitMs = Math.round((t - asked) * 10) / 10;
  const first = !('queried' in timings.marks);
  const ranked = rankClaimIndex(s.index, query, limit);
  const ms = Math.round((performance.now() - t) * 10) / 10;
  timings.lastQueryMs = ms;
  if (first) {
    timings.firstQueryMs = ms;
    mark('queried');
  }
  return { ...ranked, facets: s.facets };
}

/**
 * How many times the warm-up asks its queries: in Node a fresh thread's queries reach their warm
 * time (1–2 ms on the bench library) after some 15–30 queries; one round of 5 left them at 3–25 ms.
 */
const WARM_UP_ROUNDS = 3;

/**
 * Runs the query code on the index, in small steps (one query a task), while nobody has asked a
 * query yet: the search worker calls it when idle a moment after its start, so the first queries a
 * person types do not run cold code (3–6× a warm query's time: the posting loops not yet optimized,
 * the term-folding expressions not yet compiled). Each step is one query of `warmUpQueries` (a
 * word, a prefix, a typo, two words, a word and a number), its answer thrown away; a real query
 * asked meanwhile is answered before the next step, and ends the warm-up (it warms the code as
 * well). Returns how many ran.
 */
export async function warmUpQueryCode(): Promise<number> {
  const s = state;
  if (!s || queriesAsked > 0) return 0;
  let ran = 0;
  const t = performance.now();
  const queries = warmUpQueries(s.index);
  let spent = performance.now() - t;
  for (const query of Array.from({ length: WARM_UP_ROUNDS }, () => queries).flat()) {
    await pause();
    if (queriesAsked > 0 || state !== s) break;
    const started = performance.now();
    rankClaimIndex(s.index, query, 100);
    spent += performance.now() - started;
    ran++;
  }
  timings.warmUpQueries = ran;
  timings.warmUpMs = Math.round(spent);
  return ran;
}

/**
 * A text query's hits (at most `limit`) kept by the other filters, in the order asked: by the
 * filter values kept with the index (no row read), or, while some hit's values are not known, by
 * reading the hits' facet rows (`filteredSearchHits`).
 */
export async function searchClaimIdsHere(
  filters: ClaimFilters,
  limit: number,
  changes?: ClaimChanges,
): Promise<string[]> {
  addClaimChanges(changes);
  if (filters.q.trim() === '') return [];
  if (Dexie.currentTransaction) {
    throw new Error('searchClaims awaits more than IndexedDB: call it before a transaction, not inside one');
  }
  const { hits, shortIds, facets } = await rankedHere(filters.q, limit, !onlyText(filters));
  let byValues = true;
  const ids = await filteredSearchHits(filters, hits, (i) => {
    const slot = shortIds[i]!;
    const values = slot < 0 ? undefined : facets.get(slot, hits[i]!.id);
    if (values === undefined) byValues = false;
    return values;
  });
  timings.lastFilter = byValues ? 'values' : 'rows';
  return ids;
}

/** What the index holds, whether it was loaded from its saved copy, and what the last refresh re-indexed. */
export type ClaimSearchStats = {
  built: boolean;
  loaded: boolean;
  documents: number;
  lastRefreshed: number;
  loadMs: number;
  buildMs: number;
  refreshMs: number;
  buildSteps: number;
  openMs: number;
  readMs: number;
  unpackMs: number;
  valueMs: number;
  arraysMs: number;
  firstQueryMs: number;
  lastQueryMs: number;
  lastWaitMs: number;
  warmUpQueries: number;
  warmUpMs: number;
  lastFilter: '' | 'values' | 'rows';
  earlyRead: '' | 'used' | 'moved' | 'none';
  filledFacets: number;
  /** When each step of the start ended, in ms on this thread's clock (see `timeOrigin`). */
  marks: Record<string, number>;
  timeOrigin: number;
  /** How many times this thread read the saved index. */
  loads: number;
  /** Changes not yet saved. */
  unsaved: boolean;
  /** In the worker: when its code had loaded, after it was created. */
  workerCodeMs?: number;
};

export function claimSearchStats(): ClaimSearchStats {
  return {
    built: state !== null,
    loaded: state?.loaded ?? false,
    documents: state?.index.documentCount ?? 0,
    lastRefreshed,
    unsaved: indexDirty || valuesDirty,
    ...timings,
    marks: { ...timings.marks },
    timeOrigin: performance.timeOrigin,
  };
}

/** Builds (or loads) and refreshes the index in this thread. */
export async function warmClaimSearchHere(changes?: ClaimChanges): Promise<void> {
  addClaimChanges(changes);
  await claimIndex();
}

type SearchWorker = Remote<{
  search: (query: string, limit: number, changes: ClaimChanges) => Promise<ClaimSearchHit[]>;
  searchIds: (filters: ClaimFilters, limit: number, changes: ClaimChanges) => Promise<string[]>;
  warm: (changes: ClaimChanges) => Promise<void>;
  stats: () => Promise<ClaimSearchStats>;
}>;
let worker: SearchWorker | null = null;

/** In a page that can run workers, the index lives in the search worker (created on first use). */
function searchWorker(): SearchWorker | null {
  if (typeof Worker === 'undefined' || typeof document === 'undefined') return null;
  // named after the database: the worker reads its saved index from it before its own code has loaded
  worker ??= wrap(
    new Worker(new URL('../workers/search.worker.ts', import.meta.url), { type: 'module', name: db.name }),
  );
  return worker;
}

/**
 * Live claim ids matching `query` (prefix and fuzzy, every word must match), best first. In the
 * browser the search worker answers (its index loaded from the saved copy, refreshed by writes);
 * elsewhere (tests, the command line) this thread does.
 */
export async function searchClaims(query: string, limit = 500): Promise<ClaimSearchHit[]> {
  if (query.trim() === '') return [];
  if (Dexie.currentTransaction) {
    throw new Error('searchClaims awaits more than IndexedDB: call it before a transaction, not inside one');
  }
  const remote = searchWorker();
  // this tab's writes reach the worker with the query, so its next answer has them whatever the
  // order the broadcast and the query arrive in
  return remote
    ? remote.search(query, limit, takeClaimChanges(Date.now() - HANDOVER_MS))
    : searchClaimsHere(query, limit);
}

/**
 * A text query's hits kept by the other filters and in the order asked, worked out in the search
 * worker (its hits and their rows read there, off the page); null where there is no worker.
 */
export async function searchClaimIdsInWorker(filters: ClaimFilters, limit: number): Promise<string[] | null> {
  if (filters.q.trim() === '') return [];
  const remote = searchWorker();
  return remote ? remote.searchIds(filters, limit, takeClaimChanges(Date.now() - HANDOVER_MS)) : null;
}

/**
 * Loads (or, the first time, builds) the index in the search worker ahead of the first search: the
 * app calls it at start. The page only posts a message; the worker keeps the index up to date with
 * every write from then on.
 */
export async function warmClaimSearch(): Promise<void> {
  const remote = searchWorker();
  await (remote ? remote.warm(takeClaimChanges(Date.now() - HANDOVER_MS)) : warmClaimSearchHere());
}

/** Where the search worker's (or this thread's) start spent its time (for the benchmark). */
export async function searchWorkerStats(): Promise<ClaimSearchStats> {
  const remote = searchWorker();
  return remote ? remote.stats() : claimSearchStats();
}
