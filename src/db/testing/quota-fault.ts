/**
 * Fault injection for tests: a full disk. A Dexie DBCore middleware lets `allowedWrites` rows be
 * written, then every write fails as a real browser's does, with a `QuotaExceededError`.
 */
import type { DBCore, DBCoreMutateRequest, Dexie, Middleware } from 'dexie';

export type QuotaFault = {
  /** Rows written through the middleware so far (including those of rolled-back transactions). */
  readonly written: number;
  /** Writes refused so far. */
  readonly refused: number;
  /** Lets everything through from now on (space was freed). */
  lift(): void;
  /** Closes the database, removes the middleware and opens it again. */
  remove(): Promise<void>;
};

const NAME = 'claimdesk-quota-fault';

const rowsOf = (req: DBCoreMutateRequest): number =>
  req.type === 'deleteRange' ? 1 : req.type === 'delete' ? req.keys.length : req.values.length;

export function quotaExceededError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Installs the fault on `target` (closing and reopening it, as middleware applies on open). */
export async function failWritesAfter(target: Dexie, allowedWrites: number): Promise<QuotaFault> {
  let written = 0;
  let refused = 0;
  let lifted = false;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: NAME,
    // below the derived-data middleware (level 10), so its facet and summary writes can fail too
    level: 1,
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (req) => {
            const rows = rowsOf(req);
            if (!lifted && written + rows > allowedWrites) {
              refused++;
              return Promise.reject(quotaExceededError());
            }
            written += rows;
            return table.mutate(req);
          },
        };
      },
    }),
  };
  target.close();
  target.use(middleware);
  await target.open();
  return {
    get written() {
      return written;
    },
    get refused() {
      return refused;
    },
    lift: () => {
      lifted = true;
    },
    remove: async () => {
      target.close();
      target.unuse({ stack: 'dbcore', name: NAME });
      await target.open();
    },
  };
}
