import { memo, useEffect, useRef, useState } from 'react';
import type { ArticleId } from '@/core/model/types';

type ArticleOption = Readonly<{ id: ArticleId; title: string }>;

/** A compared article that is not in the library's list: in the trash (with its title), or not here at all. */
export type GoneArticle = Readonly<{ id: ArticleId; title: string; trashed: boolean }>;

type Props = Readonly<{
  articles: readonly ArticleOption[];
  /** The titles are not read yet (they are read after the matrix's first paint). */
  loading: boolean;
  chosen: readonly ArticleId[];
  /** The chosen articles in the trash, by id; null while they are read. */
  gone: ReadonlyMap<ArticleId, GoneArticle> | null;
  onChange: (ids: readonly ArticleId[]) => void;
  /** Brings an article in the trash back (with its claims). */
  onRestore: (id: ArticleId) => void;
}>;

/** Which articles are compared: their questions, their claims to place and the suggestions from them. */
export const ScopePicker = memo(function ScopePicker({
  articles,
  loading,
  chosen,
  gone,
  onChange,
  onRestore,
}: Props) {
  const section = useRef<HTMLElement>(null);
  // the keyboard stays here when an article is added: on the picker, or on the heading when the
  // picker goes (the last article added, or the titles loading again)
  const refocus = useRef(false);
  useEffect(() => {
    if (!refocus.current || loading) return;
    refocus.current = false;
    const active = document.activeElement;
    if (active && active !== document.body && section.current?.contains(active)) return;
    (
      section.current?.querySelector<HTMLElement>('#add-article') ?? section.current?.querySelector('h2')
    )?.focus();
  });
  if (loading)
    return (
      <section ref={section} className="panel compare-panel scope-picker" aria-labelledby="scope-heading">
        <h2 id="scope-heading" tabIndex={-1}>
          Articles
        </h2>
        <p className="hint">
          {chosen.length === 0
            ? 'Loading the library’s articles…'
            : `${chosen.length} article${chosen.length === 1 ? '' : 's'} compared; loading their titles…`}
        </p>
      </section>
    );
  const byId = new Map(articles.map((a) => [a.id, a]));
  const rest = articles.filter((a) => !chosen.includes(a.id));
  return (
    <section ref={section} className="panel compare-panel scope-picker" aria-labelledby="scope-heading">
      <h2 id="scope-heading" tabIndex={-1}>
        Articles
      </h2>
      {chosen.length === 0 ? (
        <p className="hint">No article chosen: the comparison shows the library’s latest questions.</p>
      ) : (
        <ul className="scope-list">
          {chosen.map((id) => {
            const live = byId.get(id);
            const trashed = live ? undefined : gone?.get(id);
            const title = live?.title ?? trashed?.title;
            return (
              <li key={id}>
                <span>
                  {live
                    ? live.title
                    : trashed
                      ? `“${trashed.title}” is in the trash`
                      : gone === null
                        ? 'Loading its title…'
                        : 'An article not in this library'}
                </span>
                {trashed ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={(e) => {
                      // the keyboard stays on the row: its Remove stays when Restore goes
                      e.currentTarget.parentElement?.querySelector<HTMLElement>('[data-remove]')?.focus();
                      onRestore(id);
                    }}
                    aria-label={`Restore “${trashed.title}” from the trash`}
                  >
                    Restore
                  </button>
                ) : null}
                <button
                  type="button"
                  className="link-button"
                  data-remove=""
                  onClick={() => {
                    refocus.current = true;
                    onChange(chosen.filter((c) => c !== id));
                  }}
                  aria-label={`Remove “${title ?? id}” from the comparison`}
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {rest.length > 0 ? (
        <AddArticle
          rest={rest}
          onAdd={(id) => {
            refocus.current = true;
            onChange([...chosen, id]);
          }}
        />
      ) : null}
    </section>
  );
});

/**
 * The article list. Chromium changes a closed select on each arrow key (and on type-ahead), firing
 * `change`: a keyboard choice only marks the article, which Enter or the Add button adds; a pointer
 * choice adds it at once.
 */
function AddArticle({
  rest,
  onAdd,
}: Readonly<{ rest: readonly ArticleOption[]; onAdd: (id: ArticleId) => void }>) {
  const [marked, setMarked] = useState<ArticleId | ''>('');
  const keyed = useRef(false);
  const title = rest.find((a) => a.id === marked)?.title;
  const add = (id: ArticleId) => {
    setMarked('');
    onAdd(id);
  };
  return (
    <div className="field">
      <label htmlFor="add-article">Add an article</label>
      <div className="add-article">
        <select
          id="add-article"
          value={title === undefined ? '' : marked}
          aria-describedby="add-article-hint"
          onMouseDown={() => {
            keyed.current = false;
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && title !== undefined) {
              e.preventDefault();
              add(marked as ArticleId);
            } else if (e.key !== 'Tab') keyed.current = true;
          }}
          onChange={(e) => {
            const id = e.target.value as ArticleId | '';
            if (!id) setMarked('');
            else if (keyed.current) setMarked(id);
            else add(id);
          }}
        >
          <option value="">Choose an article…</option>
          {rest.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
        {title !== undefined ? (
          <button
            type="button"
            className="small"
            aria-label={`Add “${title}”`}
            onClick={() => add(marked as ArticleId)}
          >
            Add
          </button>
        ) : null}
      </div>
      <p id="add-article-hint" className="hint">
        With the keyboard: arrows choose, Enter adds.
      </p>
    </div>
  );
}
