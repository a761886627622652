import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { findBrowser } from '../scripts/browser-path.mjs';
import { expect, REFERENCE_TITLE } from './fixtures';

/** A browser on its own profile folder, which a test can kill (SIGKILL) and start again on the same folder. */
export class KillableBrowser {
  readonly dir = mkdtempSync(join(tmpdir(), 'claimdesk-kill-'));
  context: BrowserContext | null = null;
  constructor(private readonly baseURL: string) {}

  /** Starts the browser on the profile; `init` runs in every page before the app (e.g. `installWriteHold`). */
  async start(init?: () => void): Promise<Page> {
    const executablePath = findBrowser() ?? undefined;
    this.context = await chromium.launchPersistentContext(this.dir, {
      ...(executablePath ? { executablePath } : {}),
      baseURL: this.baseURL,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    if (!init) return this.context.pages()[0] ?? (await this.context.newPage());
    await this.context.addInitScript(init);
    // init scripts do not run in workers: run it in each as soon as it is seen, so a hook such as the
    // write hold sees a worker's transactions from their start (installed only when armed, it could
    // join a batch after its articles were written and hold it with none: a CI flake, session 23)
    const inWorkers = (page: Page) => page.on('worker', (w) => void w.evaluate(init).catch(() => undefined));
    const open = this.context.pages();
    for (const page of open) inWorkers(page);
    this.context.on('page', inWorkers);
    return open[0] ?? (await this.context.newPage());
  }

  /** The browser processes started on this profile (their command line names its folder). */
  private pids(): number[] {
    return readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(this.dir);
        } catch {
          return false;
        }
      })
      .map(Number);
  }

  /** Kills the browser as a crash or power cut would: no unload, no clean shutdown. */
  async kill(): Promise<void> {
    const pids = this.pids();
    expect(pids.length).toBeGreaterThan(0);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await this.context?.close().catch(() => undefined);
    this.context = null;
    await expect.poll(() => this.pids().length, { timeout: 20_000 }).toBe(0);
  }

  async dispose(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The rows a held transaction had written when it was stopped (see `installWriteHold`). */
export type Held = { articleIds: string[]; claimIds: string[]; writes: number };

/**
 * Runs in the page before the app. Inert until the test arms it with `armWriteHold`: then the
 * next read-write transaction that has written `claimWrites` claim rows is kept open without
 * committing (a loop of cheap reads, and its `commit()` ignored), and what it wrote so far is
 * published as `window.__held`. A kill at that moment lands in the middle of a real transaction
 * with rows written, every time, instead of whenever a poll happens to catch one.
 */
export function installWriteHold(): void {
  type W = { __hold: { claimWrites: number } | null; __held: Held | null; __holdInstalled?: true };
  // the page or a worker (bulk import writes its batches in the import worker)
  const w = globalThis as unknown as W;
  if (w.__holdInstalled) return;
  w.__holdInstalled = true;
  w.__hold = null;
  w.__held = null;
  const seen = new WeakMap<IDBTransaction, Held & { claims: number }>();
  const held = new WeakSet<IDBTransaction>();
  const commit = IDBTransaction.prototype.commit;
  IDBTransaction.prototype.commit = function (this: IDBTransaction) {
    if (!held.has(this)) commit.call(this);
  };
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      const request = original.call(this, value, key);
      const tx = this.transaction;
      if (tx.mode !== 'readwrite' || held.has(tx)) return request;
      const rec = seen.get(tx) ?? { articleIds: [], claimIds: [], writes: 0, claims: 0 };
      seen.set(tx, rec);
      rec.writes++;
      const id = (value as { id?: unknown } | null)?.id;
      if (this.name === 'articles' && typeof id === 'string') rec.articleIds.push(id);
      if (this.name === 'claims' && typeof id === 'string') {
        rec.claimIds.push(id);
        rec.claims++;
        if (w.__hold && rec.claims >= w.__hold.claimWrites) {
          w.__hold = null;
          held.add(tx);
          const spin = () => {
            this.get('\uffff-no-such-row').onsuccess = spin;
          };
          spin();
          w.__held = { articleIds: rec.articleIds, claimIds: rec.claimIds, writes: rec.writes };
        }
      }
      return request;
    };
  }
}

/**
 * Arms the hold (see `installWriteHold`) in the page and in each of its workers (installing it
 * there first: init scripts do not run in workers), so whichever writes the claims is held.
 */
export async function armWriteHold(page: Page, claimWrites: number): Promise<void> {
  const arm = (n: number) => {
    (globalThis as unknown as { __hold: { claimWrites: number } }).__hold = { claimWrites: n };
  };
  for (const worker of page.workers()) {
    await worker.evaluate(installWriteHold);
    await worker.evaluate(arm, claimWrites);
  }
  await page.evaluate(arm, claimWrites);
}

/** Waits until a transaction is held open, in the page or a worker, and returns what it had written. */
export async function waitForHeld(page: Page, timeout = 120_000): Promise<Held> {
  const read = () => (globalThis as unknown as { __held?: Held | null }).__held ?? null;
  let held: Held | null = null;
  await expect
    .poll(
      async () => {
        for (const worker of page.workers()) held ??= await worker.evaluate(read).catch(() => null);
        held ??= await page.evaluate(read);
        return held !== null;
      },
      { timeout },
    )
    .toBe(true);
  // the other contexts were armed too: disarm them, so a later write elsewhere is not held
  const disarm = () => {
    (globalThis as unknown as { __hold: null }).__hold = null;
  };
  for (const worker of page.workers()) await worker.evaluate(disarm).catch(() => undefined);
  await page.evaluate(disarm);
  return held!;
}

type Row = Record<string, unknown> & { id: string; deletedAt?: number | null };
export type Dump = Readonly<{
  articles: Row[];
  claims: (Row & { articleId: string; speakerId: string | null; tags: string[]; deletedAt: number | null })[];
  speakers: Row[];
  sources: Row[];
  evidence: Row[];
  claimFacets: (Row & { live: 0 | 1; a: string })[];
  summaries: { id: string; counts: Record<string, number> }[];
  history: (Row & {
    table: string;
    rowId: string;
    batchId: string;
    action: string;
    batchKind?: string;
    target?: string | null;
    from: Record<string, unknown> | null;
    to: Record<string, unknown> | null;
    at: number;
  })[];
}>;

/** Every row of the tables that matter (a batch row's history entries each as a row), read straight from IndexedDB (not through the app). */
export function dumpDb(page: Page): Promise<Dump> {
  return page.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = [
            'articles',
            'claims',
            'speakers',
            'sources',
            'evidence',
            'claimFacets',
            'summaries',
            'history',
          ] as const;
          // history in both of its stores: single entries and batch rows (src/db/history-batches.ts)
          const tx = open.result.transaction([...names, 'historyBatches']);
          const out: Record<string, unknown[]> = {};
          for (const n of [...names, 'historyBatches']) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => {
              out[n] = req.result;
            };
          }
          tx.oncomplete = () => {
            open.result.close();
            const inRows = (out.historyBatches as { entries: unknown[] }[]).flatMap((r) => r.entries);
            out.history = [...out.history!, ...inRows];
            delete out.historyBatches;
            resolve(out as unknown as Dump);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * What a crash may never leave: an article without all the claims its import recorded (or with
 * others) or without its import's history (but the first-run article, which has none), an import
 * in history without its article, a history entry about a row that is not
 * there, a claim whose article or speaker is missing.
 */
export function expectWholeOrAbsent(dump: Dump): void {
  const ids = (rows: Row[]) => new Set(rows.map((r) => r.id));
  const tables: Record<string, Set<string>> = {
    articles: ids(dump.articles),
    claims: ids(dump.claims),
    speakers: ids(dump.speakers),
    sources: ids(dump.sources),
    evidence: ids(dump.evidence),
  };
  for (const article of dump.articles) {
    const created = dump.history.find(
      (h) => h.table === 'articles' && h.rowId === article.id && h.action === 'create',
    );
    if (!created) {
      // the first-run article is the app's doing, not a person's: it records no history (nothing to undo)
      expect(String(article.title), `import history of ${article.id}`).toMatch(REFERENCE_TITLE);
      continue;
    }
    const recorded = [...((created.to?.claimIds as string[]) ?? [])].sort();
    const stored = dump.claims
      .filter((c) => c.articleId === article.id && c.origin !== 'manual')
      .map((c) => c.id)
      .sort();
    expect(stored, `claims of ${article.id}`).toEqual(recorded);
  }
  for (const h of dump.history) {
    if (tables[h.table])
      expect(tables[h.table]!.has(h.rowId), `${h.table} ${h.rowId} of batch ${h.batchId}`).toBe(true);
  }
  for (const c of dump.claims) {
    expect(tables.articles!.has(c.articleId)).toBe(true);
    if (c.speakerId !== null) expect(tables.speakers!.has(c.speakerId)).toBe(true);
  }
}

/**
 * The derived rows agree with the claims (what the write middleware keeps in the same transaction):
 * a facet row per claim, live exactly when the claim is, and for the library and every article the
 * summary's counts by verdict and by kind equal the live claims counted by hand.
 */
export function expectDerivedConsistent(dump: Dump): void {
  const facets = new Map(dump.claimFacets.map((f) => [f.id, f]));
  expect(dump.claimFacets.length, 'one facet row per claim').toBe(dump.claims.length);
  for (const c of dump.claims) {
    expect(facets.get(c.id)?.live, `facet of ${c.id}`).toBe(c.deletedAt === null ? 1 : 0);
  }
  const expected = new Map<string, Record<string, number>>();
  const bump = (scope: string, key: string) => {
    const counts = expected.get(scope) ?? {};
    expected.set(scope, counts);
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const c of dump.claims) {
    if (c.deletedAt !== null) continue;
    for (const scope of ['lib', `a:${c.articleId}`]) {
      bump(scope, `v:${String(c.verdict)}`);
      bump(scope, `k:${String(c.kind)}`);
    }
  }
  const single = (counts: Record<string, number> | undefined) =>
    Object.fromEntries(Object.entries(counts ?? {}).filter(([k]) => /^[vk]:[^|]*$/.test(k)));
  const summaries = new Map(dump.summaries.map((s) => [s.id, s.counts]));
  const scopes = new Set([
    'lib',
    ...dump.articles.map((a) => `a:${a.id}`),
    ...[...summaries.keys()].filter((id) => id.startsWith('a:')),
  ]);
  for (const scope of scopes) {
    expect(single(summaries.get(scope)), `summary ${scope}`).toEqual(expected.get(scope) ?? {});
  }
}
