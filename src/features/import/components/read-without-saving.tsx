import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { articleTitle } from '@/core/model/article-title';
import { kindLabel } from '@/core/review/kinds';
import { describeDbError } from '@/db/errors';
import { ImportRefused, readWithoutSaving } from '@/features/import/import-article';
import { StatusMessage } from '@/ui/status-message';

/** Paste an article and read its claims, held in this page only: for when storage is unavailable. */
export function ReadWithoutSaving() {
  const read = useMutation({ mutationFn: readWithoutSaving });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    read.mutate(String(new FormData(e.currentTarget).get('text') ?? ''));
  };
  const result = read.data;
  const speakers = new Map(result?.extraction.speakers.map((s) => [s.id, s.name]));
  const claims = result?.extraction.claims.filter((c) => c.kind !== 'unattributed') ?? [];
  return (
    <section className="import-panel" aria-labelledby="read-only-heading">
      <h2 id="read-only-heading">Read an article without saving</h2>
      <form onSubmit={onSubmit} aria-busy={read.isPending} noValidate>
        <label htmlFor="read-only-text">Article text (or HTML)</label>
        <textarea id="read-only-text" name="text" rows={7} spellCheck={false} />
        <div className="import-actions">
          <button type="submit" className="primary" disabled={read.isPending}>
            {read.isPending ? 'Finding the claims…' : 'Find the claims'}
          </button>
          <span className="hint">Nothing is saved: the claims are gone when you leave this page.</span>
        </div>
      </form>
      {read.error ? (
        <StatusMessage tone="error">
          {read.error instanceof ImportRefused ? read.error.message : describeDbError(read.error)}
        </StatusMessage>
      ) : null}
      {result ? (
        <section aria-labelledby="read-only-claims">
          <h3 id="read-only-claims">
            {articleTitle(result.title, result.text)}: {claims.length}{' '}
            {claims.length === 1 ? 'claim' : 'claims'} (not saved)
          </h3>
          <ol className="read-only-claims">
            {claims.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.speakerId === null ? 'Unknown speaker' : (speakers.get(c.speakerId) ?? 'Unknown')}
                </strong>{' '}
                ({kindLabel(c.kind)}): {c.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </section>
  );
}
