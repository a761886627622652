import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { findBrowser } from '../scripts/browser-path.mjs';
import { expect } from './fixtures';

/** A browser on its own profile folder, which a test can kill (SIGKILL) and start again on the same folder. */
export class KillableBrowser {
  readonly dir = mkdtempSync(join(tmpdir(), 'claimdesk-kill-'));
  context: BrowserContext | null = null;
  constructor(private readonly baseURL: string) {}

  async start(): Promise<Page> {
    const executablePath = findBrowser() ?? undefined;
    this.context = await chromium.launchPersistentContext(this.dir, {
      ...(executablePath ? { executablePath } : {}),
      baseURL: this.baseURL,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    return this.context.pages()[0] ?? (await this.context.newPage());
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

type Row = Record<string, unknown> & { id: string; deletedAt?: number | null };
export type Dump = Readonly<{
  articles: Row[];
  claims: (Row & { articleId: string; speakerId: string | null; tags: string[]; deletedAt: number | null })[];
  speakers: Row[];
  sources: Row[];
  evidence: Row[];
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

/** Every row of the tables that matter, read straight from IndexedDB (not through the app). */
export function dumpDb(page: Page): Promise<Dump> {
  return page.evaluate(
    () =>
      new Promise<Dump>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const names = ['articles', 'claims', 'speakers', 'sources', 'evidence', 'history'] as const;
          const tx = open.result.transaction([...names]);
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => {
              out[n] = req.result;
            };
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve(out as unknown as Dump);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/**
 * What a crash may never leave: an article without all the claims its import recorded (or with
 * others), an import in history without its article, a history entry about a row that is not
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
    expect(created, `import history of ${article.id}`).toBeDefined();
    const recorded = [...((created!.to?.claimIds as string[]) ?? [])].sort();
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
