/**
 * An init script for a bench page that logs every IndexedDB request the page makes into
 * `window.__idb`: its operation, store or index, when it was asked and first answered
 * (performance.now()), how many rows a batch read returned, and how many steps a cursor took
 * (bench/claims-trace.ts, bench/screens-trace.ts's `idb` mode).
 */
export const IDB_LOG = `
(() => {
  const log = [];
  window.__idb = log;
  const wrap = (proto, kind, names) => {
    for (const name of names) {
      const orig = proto[name];
      if (typeof orig !== 'function') continue;
      proto[name] = function (...args) {
        const req = orig.apply(this, args);
        const where = kind === 'index' ? this.objectStore.name + '.' + this.name : this.name;
        const entry = { op: name, where, asked: performance.now(), answered: null, rows: null, cont: 0 };
        log.push(entry);
        req.addEventListener('success', () => {
          if (entry.answered === null) entry.rows = Array.isArray(req.result) ? req.result.length : null;
          entry.answered = performance.now();
          if (req.result && typeof req.result === 'object' && 'continue' in req.result) entry.cont++;
        });
        return req;
      };
    }
  };
  const ops = ['get', 'getAll', 'getAllKeys', 'getAllRecords', 'openCursor', 'openKeyCursor', 'count', 'getKey'];
  wrap(IDBObjectStore.prototype, 'store', [...ops, 'put', 'add', 'delete']);
  wrap(IDBIndex.prototype, 'index', ops);
})();
`;
export type IdbEntry = {
  op: string;
  where: string;
  asked: number;
  answered: number | null;
  rows: number | null;
  cont: number;
};
