/**
 * The speakers a read-write transaction has read or written, by id, so that the facet rows of its
 * claims writes take the speakers' names from them instead of reading the speakers again: an
 * import reads the speakers it may match (by key) and writes the ones it creates or merges, then
 * adds claims that name only those. A row is known from the moment its read or write is answered
 * until a later write of speakers is asked (a read answered after another write was asked may
 * tell what was stored before it, and is not kept).
 */
import type { DBCoreGetManyRequest, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction } from 'dexie';
import type { Speaker } from '@/core/model/types';

/** Each known speaker's name by id (names only: a caller may change a row it was given in place). */
type Known = { names: Map<string, Speaker['name']>; writes: number };
const known = new WeakMap<DBCoreTransaction, Known>();

const readWrite = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).mode === 'readwrite';

function knownIn(trans: DBCoreTransaction): Known {
  let k = known.get(trans);
  if (!k) {
    k = { names: new Map(), writes: 0 };
    known.set(trans, k);
  }
  return k;
}

/** Keeps the speakers of a read once it is answered, unless a write of speakers was asked meanwhile. */
function remember<T>(trans: DBCoreTransaction, read: Promise<T>, rowsOf: (answer: T) => readonly unknown[]) {
  if (!readWrite(trans)) return read;
  const k = knownIn(trans);
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

/** A write of speakers is asked: the rows it may change are no longer known. Returns the write's number (`speakersWritten`). */
export function speakersWriteAsked(trans: DBCoreTransaction, req: DBCoreMutateRequest): number {
  if (!readWrite(trans)) return 0;
  const k = knownIn(trans);
  k.writes++;
  if (req.type === 'deleteRange') k.names.clear();
  else if (req.type === 'delete') for (const key of req.keys) k.names.delete(key as string);
  else for (const v of req.values) k.names.delete((v as Speaker).id);
  return k.writes;
}

/** The speakers write number `write` stored (those that succeeded): known from its answer on, unless another write was asked since. */
export function speakersWritten(trans: DBCoreTransaction, written: readonly Speaker[], write: number): void {
  const k = known.get(trans);
  if (!k || k.writes !== write) return;
  for (const s of written) k.names.set(s.id, s.name);
}

/** The known name of each speaker id (undefined: not known, to be read). */
export function knownSpeakerNames(
  trans: DBCoreTransaction,
  ids: readonly string[],
): (Speaker['name'] | undefined)[] {
  const k = known.get(trans);
  return ids.map((id) => k?.names.get(id));
}
