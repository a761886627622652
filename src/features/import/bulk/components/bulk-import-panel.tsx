import { useId, useRef, useSyncExternalStore } from 'react';
import {
  bulkImportStore,
  cancelBulkImport,
  resetBulkImport,
  startBulkImport,
} from '@/features/import/bulk/bulk-runner';
import { bulkStatusText } from '@/features/import/bulk/bulk-status';
import { StatusMessage } from '@/ui/status-message';
import '@/features/import/bulk/bulk-import.css';

const ACCEPT = '.txt,.md,.markdown,.html,.htm,.jsonl,.ndjson,text/plain,text/markdown,text/html';

const n = (x: number) => x.toLocaleString();

/** Many files or JSONL corpora at once, with progress, cancel, and the list of what failed. */
export function BulkImportPanel() {
  const state = useSyncExternalStore(bulkImportStore.subscribe, bulkImportStore.get);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const running = state.phase === 'counting' || state.phase === 'importing' || state.phase === 'cancelling';
  const finished = state.phase === 'done' || state.phase === 'cancelled';
  return (
    <section className="bulk-import" aria-labelledby="bulk-import-heading">
      <h2 id="bulk-import-heading">Import many articles</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const files = [...(inputRef.current?.files ?? [])];
          if (files.length) void startBulkImport(files);
        }}
      >
        <label htmlFor={inputId}>Files (.txt, .md, .html) or JSONL corpora</label>
        <input id={inputId} ref={inputRef} type="file" multiple accept={ACCEPT} disabled={running} />
        <p className="hint">
          A JSONL corpus has one article a line: {'{"id", "title", "url", "outlet", "date", "text"}'} (only
          text is required).
        </p>
        <div className="bulk-actions">
          <button type="submit" className="primary" disabled={running}>
            Import all
          </button>
          {running && (
            <button type="button" onClick={cancelBulkImport} disabled={state.phase !== 'importing'}>
              {state.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
            </button>
          )}
          {finished && (
            <button type="button" onClick={resetBulkImport}>
              Clear the report
            </button>
          )}
        </div>
      </form>
      {state.phase !== 'idle' && (
        <div className="bulk-progress">
          <progress
            aria-label="Articles imported"
            max={Math.max(state.total, 1)}
            value={Math.min(state.done, Math.max(state.total, 1))}
          />
          <p role="status" className="bulk-status">
            {bulkStatusText(state)}
          </p>
        </div>
      )}
      {state.failures.length > 0 && (
        <StatusMessage tone="error">
          <details open={state.failures.length <= 10}>
            <summary>
              {n(state.failures.length)} {state.failures.length === 1 ? 'article' : 'articles'} could not be
              imported
            </summary>
            <ul className="bulk-failures">
              {state.failures.slice(0, 500).map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list only grows; labels can repeat
                <li key={i}>
                  <strong>{f.label}</strong>: {f.reason}
                </li>
              ))}
            </ul>
            {state.failures.length > 500 && <p>…and {n(state.failures.length - 500)} more.</p>}
          </details>
        </StatusMessage>
      )}
    </section>
  );
}
