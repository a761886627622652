import { claimReviewOf } from '@/core/export/claimreview';
import type { ExportItem } from '@/core/export/export-item';
import { type ExportFormat, FORMAT_EXTENSION, FORMAT_MIME, renderExport } from '@/core/export/render';
import { EXPORT_SETTINGS_KEY, exportSettingsOf } from '@/core/export/settings';
import { backupFileName, exportBackup } from '@/db/backup-export';
import { type ExportScope, exportItemPages, exportTitle } from '@/db/export-read';
import { getMeta } from '@/db/meta';
import { slug } from '@/features/export/download';

export type DialogFormat = ExportFormat | 'backup';

export type ExportRun = Readonly<{
  format: DialogFormat;
  scope: ExportScope;
  /** The Markdown heading and the file name's stem. */
  title: string;
  bom: boolean;
  onProgress: (done: number, total: number) => void;
  total: number;
}>;

/** `claims`: how many claims the file holds (ClaimReview: the rated ones, each with its review). */
export type ExportOutput = Readonly<{ blob: Blob; fileName: string; claims: number }>;

async function* counted(
  pages: AsyncIterable<ExportItem[]>,
  onPage: (page: readonly ExportItem[]) => void,
): AsyncGenerator<ExportItem[]> {
  for await (const page of pages) {
    onPage(page);
    yield page;
  }
}

/** Writes an export a page at a time into Blob parts (the text of one page at most is held as a string). */
export async function runExport(run: ExportRun): Promise<ExportOutput> {
  const date = new Date().toISOString().slice(0, 10);
  if (run.format === 'backup') {
    let claims = 0;
    let rows = 0;
    const blob = await exportBackup({
      onProgress: (p) => {
        // p.done counts the rows of every table so far: a page of claims adds what it moved on
        if (p.table === 'claims') claims += p.done - rows;
        rows = p.done;
        run.onProgress(p.done, p.total);
      },
    });
    return { blob, fileName: backupFileName(), claims };
  }
  const settings = exportSettingsOf(await getMeta(EXPORT_SETTINGS_KEY));
  const title = await exportTitle(run.scope, run.title);
  let done = 0;
  // ClaimReview writes a review only for a rated claim: what went out is those, not every claim read
  let written = 0;
  const pages = counted(exportItemPages(run.scope), (page) => {
    done += page.length;
    written +=
      run.format === 'claimreview'
        ? page.filter((i) => claimReviewOf(i, settings) !== null).length
        : page.length;
    run.onProgress(done, Math.max(run.total, done));
  });
  const parts: Blob[] = [];
  for await (const chunk of renderExport(run.format, pages, { settings, bom: run.bom, title }))
    parts.push(new Blob([chunk]));
  return {
    blob: new Blob(parts, { type: FORMAT_MIME[run.format] }),
    // a filtered view's name says what it keeps ("claims-verdict-false-tag-crime"); the slug is
    // letters, digits and dashes only, so no tag or search text can break the file name. One claim
    // is titled by its article: "claim-" keeps its file from taking the article export's name.
    fileName: `claimdesk-${run.scope.kind === 'claim' ? 'claim-' : ''}${slug(title, run.scope.kind === 'view' ? 60 : 40)}-${date}.${FORMAT_EXTENSION[run.format]}`,
    claims: written,
  };
}
