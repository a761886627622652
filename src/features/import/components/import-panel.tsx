import { type FormEvent, type SyntheticEvent, useRef, useState } from 'react';
import { MAX_IMPORT_BYTES } from '@/core/import/limits';
import { ImportStatus } from '@/features/import/components/import-status';
import { useFileDrop } from '@/features/import/hooks/use-file-drop';
import { useImportArticle } from '@/features/import/hooks/use-import-article';
import type { ImportSource, ImportStage } from '@/features/import/import-article';
import { ImportRefused } from '@/features/import/import-refused';
import { overImportLimit, textAfterPaste } from '@/features/import/paste-size';
import { canWriteNow, useCanWrite } from '@/stores/can-write';
import { showToast } from '@/ui/toast';

type Props = Readonly<{ articleHref: (id: string) => string }>;

const ACCEPT = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';

/** Import by paste, by file picker, or by dropping a file anywhere on the page. */
export function ImportPanel({ articleHref }: Props) {
  const importArticle = useImportArticle();
  const [stage, setStage] = useState<ImportStage | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Files dropped together beyond the first: named in the result, so none vanishes unmentioned.
  const [skipped, setSkipped] = useState<readonly string[]>([]);
  // A paste over the import limit, refused before it reached the text box.
  const [refused, setRefused] = useState<ImportRefused | null>(null);
  const { canWrite, reason } = useCanWrite();
  const run = (source: ImportSource, notImported: readonly string[] = []) => {
    if (importArticle.isPending) return; // one at a time: the controls stay focusable while busy
    const allowed = canWriteNow();
    if (!allowed.canWrite) return showToast(allowed.reason);
    setRefused(null);
    setSkipped(notImported);
    importArticle.mutate(
      { source, onStage: setStage },
      {
        onSettled: () => setStage(null),
        onSuccess: () => formRef.current?.reset(),
      },
    );
  };
  const dragging = useFileDrop(([file, ...rest]) => {
    if (file)
      run(
        { kind: 'file', file },
        rest.map((f) => f.name),
      );
  });

  /** Text about to land in the box (a paste, or text dragged in): refused when over the limit. */
  const refuseOver = (e: SyntheticEvent, text: string) => {
    if (!overImportLimit(text)) return setRefused(null);
    e.preventDefault();
    // the sentence a file of that size gets (validate.ts loads with the import code, not the app)
    void import('@/core/import/validate').then(({ checkTextSize }) => {
      const checked = checkTextSize(text);
      if (!checked.ok) setRefused(new ImportRefused(checked.problem));
    });
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    run({
      kind: 'paste',
      text: String(form.get('text') ?? ''),
      title: String(form.get('title') ?? ''),
      url: String(form.get('url') ?? ''),
    });
  };

  const busy = importArticle.isPending;
  return (
    <section className="import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">Import an article</h2>
      {!canWrite && <p className="hint">{reason}</p>}
      <form ref={formRef} onSubmit={onSubmit} aria-busy={busy} noValidate>
        <fieldset className="writes-fieldset" disabled={!canWrite}>
          <label htmlFor="import-text">Article text (or HTML)</label>
          <textarea
            id="import-text"
            name="text"
            rows={7}
            spellCheck={false}
            placeholder="Paste the article here: headline, then the body. Ctrl+Enter imports it."
            onPaste={(e) =>
              refuseOver(e, textAfterPaste(e.currentTarget, e.clipboardData.getData('text/plain')))
            }
            onDrop={(e) => {
              const dropped = e.dataTransfer.getData('text/plain');
              if (dropped) refuseOver(e, e.currentTarget.value + dropped);
            }}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }}
          />
          <div className="import-fields">
            <div className="field">
              <label htmlFor="import-title">Title (optional)</label>
              <input id="import-title" name="title" type="text" autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="import-url">Link to the original (optional)</label>
              <input id="import-url" name="url" type="url" inputMode="url" placeholder="https://…" />
            </div>
          </div>
          <div className="import-actions">
            {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page */}
            <button type="submit" className="primary" aria-disabled={busy}>
              {busy ? 'Importing…' : 'Import'}
            </button>
            <label className="file-button">
              Import a file
              <input
                type="file"
                accept={ACCEPT}
                aria-disabled={busy}
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (file) run({ kind: 'file', file });
                }}
              />
            </label>
            <span className="hint">
              .txt, .md or .html, up to {MAX_IMPORT_BYTES / 1_000_000} MB — or drop a file on the page.
            </span>
          </div>
        </fieldset>
      </form>
      <ImportStatus
        stage={stage}
        outcome={importArticle.data}
        error={refused ?? importArticle.error}
        articleHref={articleHref}
        skipped={skipped}
      />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          Drop the file to import it
        </div>
      )}
    </section>
  );
}
