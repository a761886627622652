import { formatBytes } from '@/core/import/validate';
import { yieldToBrowser } from '@/ui/yield-to-browser';
import { type CorpusRecord, parseCorpusLine } from './corpus-line';

/** One article to import: a file as the single-file import reads it, or a line of a JSONL corpus. */
export type BulkItem =
  | Readonly<{ label: string; kind: 'file'; file: File }>
  | Readonly<{ label: string; kind: 'record'; record: CorpusRecord }>;

export type BulkFailure = Readonly<{ label: string; reason: string }>;

/** A corpus file larger than this is refused whole (split it): its lines are read a batch at a time, but no tab should be asked for more. */
export const MAX_CORPUS_BYTES = 100_000_000;

export const isCorpus = (file: File) => /\.(jsonl|ndjson)$/i.test(file.name);

/** Corpus files refused before anything is read, with why. */
export function refusedCorpus(file: File): string | null {
  return file.size > MAX_CORPUS_BYTES
    ? `This corpus is ${formatBytes(file.size)}; a bulk import reads at most ${formatBytes(MAX_CORPUS_BYTES)} per file. Split it into smaller files.`
    : null;
}

/** How long a corpus is read (or counted) before the page gets its turn: a held page is a long task. */
export const READ_SLICE_MS = 8;

/**
 * A file's lines. A file in memory streams its chunks without waiting, so counting a corpus (or
 * skipping a run of bad lines) read it all in one task: 5 MB held the page for tens of
 * milliseconds. The reader leaves the page a turn every `READ_SLICE_MS`.
 */
async function* lines(file: File): AsyncGenerator<string | null> {
  const reader = (file.stream() as ReadableStream<BufferSource>)
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: false }))
    .getReader();
  let rest = '';
  let sliceStart = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const text = rest + value;
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const line = text.slice(start, nl);
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      start = nl + 1;
      if (performance.now() - sliceStart > READ_SLICE_MS) {
        await yieldToBrowser();
        sliceStart = performance.now();
      }
    }
    rest = text.slice(start);
  }
  if (rest) yield rest;
}

/** How many articles the files hold (a corpus counts its non-empty lines, read as a stream). */
export async function countItems(files: readonly File[]): Promise<number> {
  let total = 0;
  for (const file of files) {
    if (!isCorpus(file) || refusedCorpus(file)) total++;
    else for await (const line of lines(file)) if (line?.trim()) total++;
  }
  return total;
}

/** The articles of the files in order; bad corpus lines and refused files go to `onFailure`. */
export async function* bulkItems(
  files: readonly File[],
  onFailure: (f: BulkFailure) => void,
): AsyncGenerator<BulkItem> {
  for (const file of files) {
    if (!isCorpus(file)) {
      yield { label: file.name, kind: 'file', file };
      continue;
    }
    const refused = refusedCorpus(file);
    if (refused) {
      onFailure({ label: file.name, reason: refused });
      continue;
    }
    let n = 0;
    for await (const line of lines(file)) {
      n++;
      if (line === null || !line.trim()) continue;
      const label = `${file.name} line ${n}`;
      if (line.includes('\ufffd')) {
        onFailure({ label, reason: 'not valid UTF-8 text' });
        continue;
      }
      const parsed = parseCorpusLine(line);
      if (parsed.ok)
        yield {
          label: parsed.record.id ? `${label} (${parsed.record.id})` : label,
          kind: 'record',
          record: parsed.record,
        };
      else onFailure({ label, reason: parsed.reason });
    }
  }
}
