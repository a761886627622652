/**
 * The export benchmark, in a real page (bench/export-library.ts drives it): a library of N claims
 * (with speakers, sources, links and history) written straight into the app's database, exported to CSV
 * and to a backup through the export dialog's own `runExport`, and the backup restored into an
 * empty database with `restoreBackup` (replace). Each step: time and peak JS heap above the heap
 * before it (sampled every 10 ms, and after each progress report).
 */
import './lib/app-start';
import type {
  Article,
  ArticleId,
  Claim,
  ClaimId,
  Evidence,
  EvidenceId,
  HistoryEntry,
  HistoryId,
  Source,
  SourceId,
  Speaker,
  SpeakerId,
  Verdict,
} from '@/core/model/types';
import { restoreBackup } from '@/db/backup-restore';
import { backupSourceOfBlob } from '@/db/backup-source';
import { db } from '@/db/db';
import { newId } from '@/db/ids';
import { runExport } from '@/features/export/run-export';
import { openRaw } from './lib/raw-idb';

/** `seeded` 1: the profile holds a library already (a copy of the bench library): export that one. */
type Options = { claims: number; articles: number; restoreClaims: number; seeded?: number };
const out = document.getElementById('out')!;
const log = (s: string) => {
  console.log(s);
  out.textContent = s;
};
const round = (n: number) => Math.round(n);
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
const gc = () => (window as unknown as { gc?: () => void }).gc?.();

let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const WORDS =
  'police council budget hospital school housing rail energy water flood tax wages jobs prices'.split(' ');
const VERDICTS: Verdict[] = [
  'unchecked',
  'unchecked',
  'unchecked',
  'in progress',
  'true',
  'false',
  'misleading',
];

function putAll(raw: IDBDatabase, rows: Record<string, readonly unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = raw.transaction(Object.keys(rows), 'readwrite');
    for (const [name, list] of Object.entries(rows)) for (const r of list) tx.objectStore(name).put(r);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

/**
 * Seeds the library straight into IndexedDB (the facet and summary rows the screens read are left
 * out: neither the export of all claims nor a backup reads them, and a restore writes its own).
 */
async function seedLibrary(o: Options) {
  db.close();
  await db.delete();
  await db.open();
  db.close();
  const raw = await openRaw();
  const now = Date.now();
  const speakers: Speaker[] = Array.from({ length: 500 }, (_, i) => ({
    id: newId<SpeakerId>(),
    name: `Speaker ${i}`,
    key: `speaker ${i}`,
    type: 'person',
    role: i % 3 === 0 ? 'minister' : null,
    aliases: [],
    updatedAt: now,
    deletedAt: null,
  }));
  const sources: Source[] = Array.from({ length: 300 }, (_, i) => ({
    id: newId<SourceId>(),
    url: `https://example.org/report/${i}`,
    title: `Report ${i}`,
    publisher: 'ONS',
    date: null,
    type: 'official statistics',
    notes: '',
    excerpt: null,
    updatedAt: now,
    deletedAt: null,
  }));
  await putAll(raw, { speakers, sources });
  let pending: Record<string, unknown[]> = { articles: [], claims: [], evidence: [], history: [] };
  const perArticle = Math.ceil(o.claims / o.articles);
  for (let a = 0; a < o.articles; a++) {
    const articleId = newId<ArticleId>();
    const sentences = Array.from(
      { length: perArticle },
      (_, i) =>
        `The ${pick(WORDS)} ${pick(WORDS)} figure rose by ${round(rand() * 90) + 5} per cent since ${2000 + (i % 24)}.`,
    );
    const text = sentences.join(' ');
    const claims: Claim[] = [];
    const evidence: Evidence[] = [];
    let offset = 0;
    for (const s of sentences) {
      const start = offset;
      offset += s.length + 1;
      const verdict = pick(VERDICTS);
      const claim: Claim = {
        id: newId<ClaimId>(),
        articleId,
        speakerId: pick(speakers).id,
        text: s,
        start,
        end: start + s.length,
        quote: { exact: s, prefix: '', suffix: '' },
        kind: pick(['direct', 'indirect'] as const),
        cue: null,
        speakerMention: null,
        confidence: 0.8,
        checkworthy: { score: round(rand() * 100) / 100, signals: ['number'] },
        verdict,
        ratingNote: verdict === 'false' ? 'The report says otherwise.' : '',
        tags: rand() < 0.1 ? ['budget'] : [],
        notes: '',
        origin: 'extracted',
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
      };
      claims.push(claim);
      if (verdict === 'true' || verdict === 'false')
        evidence.push({
          id: newId<EvidenceId>(),
          claimId: claim.id,
          sourceId: pick(sources).id,
          relation: verdict === 'true' ? 'supports' : 'refutes',
          passage: '',
          note: '',
          updatedAt: now,
          deletedAt: null,
        });
    }
    const article: Article = {
      id: articleId,
      title: `Article ${a}`,
      text,
      outlet: 'Bench Post',
      url: `https://news.example/${a}`,
      publishedAt: '2026-01-14',
      importedAt: now,
      extractorVersion: 'bench',
      sha256: a.toString(16).padStart(64, '0'),
      boilerplate: [],
      updatedAt: now,
      deletedAt: null,
    };
    const history: HistoryEntry = {
      id: newId<HistoryId>(),
      table: 'articles',
      rowId: articleId,
      batchId: `b-${a}`,
      action: 'create',
      from: null,
      to: { title: article.title, claimIds: claims.map((c) => c.id) },
      at: now,
      undoneAt: null,
      batchKind: 'change',
      target: null,
      label: null,
    };
    pending.articles!.push(article);
    pending.claims!.push(...claims);
    pending.evidence!.push(...evidence);
    pending.history!.push(history);
    if (a % 20 === 19 || a === o.articles - 1) {
      await putAll(raw, pending);
      pending = { articles: [], claims: [], evidence: [], history: [] };
    }
    if (a % 100 === 99) log(`seeded ${(a + 1) * perArticle} claims`);
  }
  raw.close();
  await db.open();
  return perArticle * o.articles;
}

/** Runs `fn`, sampling the JS heap; time and the peak above the (collected) heap before it. */
async function measure<T>(name: string, fn: (sample: () => void) => Promise<T>) {
  gc();
  const base = heap();
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, heap());
  };
  const timer = setInterval(sample, 50);
  const t0 = performance.now();
  const result = await fn(sample);
  const ms = performance.now() - t0;
  clearInterval(timer);
  sample();
  log(`${name}: ${round(ms)} ms, peak heap +${mb(peak - base)} MB`);
  return { result, ms: round(ms), heapBeforeMB: mb(base), peakHeapAboveMB: mb(peak - base) };
}

(window as unknown as { runBench: (o: Options) => Promise<unknown> }).runBench = async (o) => {
  const t0 = performance.now();
  // the `deletedAt` index holds only tombstones (a null key is left out of an index)
  const claims = o.seeded
    ? (await db.claims.count()) -
      (await db.claims.where('deletedAt').between(0, Infinity, true, true).count())
    : await seedLibrary(o);
  const seedMs = round(performance.now() - t0);
  log(o.seeded ? `the library holds ${claims} live claims` : `seeded ${claims} claims in ${seedMs} ms`);
  const exportOf = (format: 'csv' | 'backup', total: number) => (sample: () => void) =>
    runExport({
      format,
      scope: { kind: 'all' },
      title: 'All claims',
      bom: true,
      total,
      onProgress: sample,
    });
  const csv = await measure('CSV export', exportOf('csv', claims));
  const backup = await measure('backup', exportOf('backup', claims));
  const exported = {
    claims,
    seedMs,
    csv: {
      ms: csv.ms,
      peakHeapAboveMB: csv.peakHeapAboveMB,
      fileMB: mb(csv.result.blob.size),
      claims: csv.result.claims,
    },
    backup: { ms: backup.ms, peakHeapAboveMB: backup.peakHeapAboveMB, fileMB: mb(backup.result.blob.size) },
  };
  if (o.restoreClaims === 0) return exported;
  // a restore of the full size may not fit a run: restore a smaller library's backup instead
  let file = backup.result.blob;
  if (o.restoreClaims < claims) {
    const smaller = {
      ...o,
      claims: o.restoreClaims,
      articles: Math.max(1, Math.round((o.articles * o.restoreClaims) / o.claims)),
    };
    await seedLibrary(smaller);
    file = (await exportOf('backup', o.restoreClaims)(() => undefined)).blob;
  }
  db.close();
  await db.delete();
  await db.open();
  let checkedMs = 0;
  const tableMs: Record<string, number> = {};
  let tableStart = 0;
  let table = '';
  const restoreStart = performance.now();
  const restore = await measure('restore (replace, empty database)', (sample) =>
    restoreBackup(backupSourceOfBlob(file), 'replace', {
      onProgress: (p) => {
        sample();
        const now = performance.now();
        if (p.phase === 'checking') checkedMs = round(now - restoreStart);
        if (p.phase === 'checking') tableStart = now;
        if (p.phase === 'writing') {
          if (p.table !== table) table = p.table;
          tableMs[table] = round((tableMs[table] ?? 0) + now - tableStart);
          tableStart = now;
        }
      },
    }),
  );
  return {
    ...exported,
    restore: {
      claims: await db.claims.count(),
      fileMB: mb(file.size),
      ms: restore.ms,
      checkingMs: checkedMs,
      writingMsByTable: tableMs,
      peakHeapAboveMB: restore.peakHeapAboveMB,
    },
  };
};
out.textContent = 'ready';
