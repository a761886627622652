/**
 * The speakers a read-write transaction has read or written, by id, so that the facet rows of its
 * claims writes take the speakers' names from them instead of reading the speakers again: an
 * import reads the speakers it may match (by key) and writes the ones it creates or merges, then
 * adds claims that name only those. A row is known from the moment its read or write is answered
 * until a later write of speakers is asked. A read is kept only when no write of speakers was under
 * way from its ask to its answer: a write is asked of the middleware before its rows reach
 * IndexedDB (a put first reads the names it does not know), so a read asked meanwhile may be
 * answered with what was stored before it.
 */
import type {
  DBCoreGetManyRequest,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import type { Speaker } from '@/core/model/types';

/**
 * Each known speaker's name by id (names only: a caller may change a row it was given in place),
 * the writes of speakers asked so far, and how many of them are not answered yet.
 */
type Known = { names: Map<string, Speaker['name']>; writes: number; pending: number };
const known = new WeakMap<DBCoreTransaction, Known>();

const readWrite = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'readwrite';

function knownIn(trans: DBCoreTransaction): Known {
  let k = known.get(trans);
  if (!k) {
    k = { names: new Map(), writes: 0, pending: 0 };
    known.set(trans, k);
  }
  return k;
}

/** Keeps the speakers of a read once it is answered, unless a write of speakers was under way or asked meanwhile. */
function remember<T>(trans: DBCoreTransaction, read: Promise<T>, rowsOf: (answer: T) => readonly unknown[]) {
  if (!readWrite(trans)) return read;
  const k = knownIn(trans);
  if (k.pending > 0) return read;
  const writes = k.writes;
  read.then(
    (answer) => {
      if (k.writes !== writes) return;
      for (const row of rowsOf(answer)) {
        const s = row as Speaker | undefined;
        if (s && typeof s.id === 'string') k.names.set(s.id, s.name);
      }
    },
    () => undefined,
  );
  return read;
}

/** The speakers table, its reads remembered in read-write transactions (each read's own promise goes back as it is). */
export function rememberingSpeakers(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    get: (req) => remember(req.trans, table.get(req), (row) => [row]),
    getMany: (req: DBCoreGetManyRequest) => remember(req.trans, table.getMany(req), (rows) => rows),
    query: (req) =>
      req.values ? remember(req.trans, table.query(req), (res) => res.result) : table.query(req),
  };
}

/** A write of speakers as this module follows it (`speakersWriteAsked`). */
export type SpeakersWrite = Readonly<{
  /** The names of its rows as the transaction knew them when it was asked (undefined: not known). */
  before: readonly (Speaker['name'] | undefined)[];
  /** Its request goes to IndexedDB now: the names it stores are the values' names at this moment. */
  issued: () => void;
  /** Its answer (null: it failed). */
  answered: (answer: DBCoreMutateResponse | null) => void;
}>;

/**
 * A write of speakers is asked: the rows it may change are no longer known. Once answered, the
 * names it stored (as they were when its request was issued) are known, unless another write of
 * speakers was asked since.
 */
export function speakersWriteAsked(trans: DBCoreTransaction, req: DBCoreMutateRequest): SpeakersWrite {
  const rows = req.type === 'add' || req.type === 'put' ? (req.values as readonly Speaker[]) : [];
  if (!readWrite(trans))
    return { before: rows.map(() => undefined), issued: () => undefined, answered: () => undefined };
  const k = knownIn(trans);
  const before = rows.map((s) => k.names.get(s.id));
  const write = ++k.writes;
  k.pending++;
  if (req.type === 'deleteRange') k.names.clear();
  else if (req.type === 'delete') for (const key of req.keys) k.names.delete(key as string);
  else for (const s of rows) k.names.delete(s.id);
  let stored: (readonly [string, Speaker['name']])[] = [];
  return {
    before,
    issued: () => {
      stored = rows.map((s) => [s.id, s.name] as const);
    },
    answered: (answer) => {
      k.pending--;
      if (answer === null || k.writes !== write) return;
      stored.forEach(([id, name], i) => {
        if (answer.failures[i] === undefined) k.names.set(id, name);
      });
    },
  };
}

/** The known name of each speaker id (undefined: not known, to be read). */
export function knownSpeakerNames(
  trans: DBCoreTransaction,
  ids: readonly string[],
): (Speaker['name'] | undefined)[] {
  const k = known.get(trans);
  return ids.map((id) => k?.names.get(id));
}
