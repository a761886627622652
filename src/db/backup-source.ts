import { BackupError } from '@/core/export/backup-error';

/** Where a restore reads a backup from: its lines (streamed) and, for a file not in the line layout, its whole text. */
export type BackupSource = Readonly<{
  lines: () => AsyncIterable<string> | Iterable<string>;
  wholeText: () => Promise<string>;
}>;

/** The meta key a restore sets while it writes (see `restoreBackup`). */
export const META_RESTORE_IN_PROGRESS = 'restoreInProgress';

/** A file not in the backup line layout is parsed whole only up to this size. */
export const MAX_WHOLE_BACKUP_BYTES = 64 * 1024 * 1024;

async function* linesOfStream(stream: ReadableStream<BufferSource>): AsyncGenerator<string> {
  const reader = stream.pipeThrough(new TextDecoderStream('utf-8', { fatal: true })).getReader();
  let rest = '';
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((e: unknown) => {
        if (e instanceof TypeError)
          throw new BackupError(
            'This file is not a Claimdesk backup: it is not UTF-8 text (it may be an image or another binary file).',
          );
        throw e;
      });
      if (done) break;
      const text = rest + value;
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      rest = text.slice(start);
    }
  } finally {
    reader.releaseLock();
  }
  if (rest) yield rest;
}

/** A backup file chosen by the user (streamed; never read whole unless it is small and reformatted). */
export function backupSourceOfBlob(blob: Blob): BackupSource {
  return {
    lines: () => linesOfStream(blob.stream() as ReadableStream<BufferSource>),
    wholeText: async () => {
      if (blob.size > MAX_WHOLE_BACKUP_BYTES)
        throw new BackupError(
          'This file is not in the layout Claimdesk writes backups in, and too large to read at once: restore the file as Claimdesk exported it.',
        );
      return blob.text();
    },
  };
}

/** A backup held as text (tests, small files). */
export function backupSourceOfText(text: string): BackupSource {
  return {
    lines: function* () {
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        yield text.slice(start, nl);
        start = nl + 1;
      }
      if (start < text.length) yield text.slice(start);
    },
    wholeText: async () => text,
  };
}
