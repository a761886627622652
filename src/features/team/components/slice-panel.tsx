import { useId, useState } from 'react';
import { dateProblem, sliceLabel } from '@/features/team/slice-label';
import { useTeamSync } from '@/features/team/team-sync-context';
import type { SliceCriteria, SliceMatches, TeamConnection } from '@/features/team/team-types';
import { StatusMessage } from '@/ui/status-message';
import { announce } from '@/ui/toast';

const count = new Intl.NumberFormat();
const articles = (n: number) => `${count.format(n)} article${n === 1 ? '' : 's'}`;

/**
 * Part of the team library: find articles on the team's server (by a tag their claims carry, a
 * publication date range, or all of them), tick the ones to keep, and sync only those (with every
 * speaker and source). Articles already in this browser stay when fewer are chosen.
 */
export function SlicePanel({
  connection,
  joined = 0,
}: Readonly<{
  connection: TeamConnection;
  /** Articles the slice's search found since it was chosen (the engine syncs them too). */
  joined?: number;
}>) {
  const sync = useTeamSync();
  const base = useId();
  const [tag, setTag] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [searched, setSearched] = useState<SliceCriteria | null>(null);
  const [found, setFound] = useState<SliceMatches | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const current = connection.slice;
  const problem = dateProblem(from, to);

  const find = async () => {
    if (problem) return;
    const criteria: SliceCriteria = {
      ...(tag.trim() ? { tag: tag.trim() } : {}),
      ...(from ? { publishedFrom: from } : {}),
      ...(to ? { publishedTo: to } : {}),
    };
    setBusy(true);
    setFailure(null);
    try {
      const matches = await sync.findArticles(criteria);
      setFound(matches);
      setSearched(criteria);
      setChosen(new Set(matches.articles.map((a) => a.id)));
    } catch (e) {
      setFailure(
        `The team server could not list its articles: ${e instanceof Error ? e.message : String(e)}`,
      );
    } finally {
      setBusy(false);
    }
  };

  const apply = () => {
    if (!found || !searched || chosen.size === 0) return;
    const ids = found.articles.filter((a) => chosen.has(a.id)).map((a) => a.id);
    const label = sliceLabel(searched, ids.length !== found.articles.length);
    const excluded = found.articles.filter((a) => !chosen.has(a.id)).map((a) => a.id);
    // a list cut at its limit cannot tell new articles from unlisted ones: no search kept then
    sync.setSlice(
      found.truncated ? { articleIds: ids, label } : { articleIds: ids, label, criteria: searched, excluded },
    );
    setFound(null);
    announce(`This browser now syncs ${articles(ids.length)} of the team library.`);
  };

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  return (
    <section aria-labelledby={`${base}-heading`} className="team-card team-slice">
      <h2 id={`${base}-heading`}>What this browser syncs</h2>
      <p data-testid="team-slice-current">
        {current
          ? current.articleIds.length === 0
            ? 'No articles yet: choose the ones to sync below. Speakers and sources are synced whole.'
            : `Part of the team library: ${articles(current.articleIds.length + joined)} (${current.label}${joined > 0 ? `; ${count.format(joined)} found by its search since` : ''}), with every speaker and source.`
          : 'The whole team library.'}
      </p>
      <p className="hint">
        A large team library need not fit this browser: sync only the articles you work on. Articles already
        here stay when you choose fewer.
      </p>
      <form
        className="slice-find"
        noValidate
        aria-busy={busy || undefined}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void find();
        }}
      >
        <fieldset>
          <legend>Find articles on the team server</legend>
          <div className="slice-fields">
            <div className="field">
              <label htmlFor={`${base}-tag`}>Tag on their claims</label>
              <input
                id={`${base}-tag`}
                type="text"
                value={tag}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={`${base}-tag-hint`}
                onChange={(e) => setTag(e.target.value)}
              />
              <span id={`${base}-tag-hint`} className="hint">
                Optional, e.g. budget.
              </span>
            </div>
            <div className="field">
              <label htmlFor={`${base}-from`}>Published from</label>
              <input id={`${base}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${base}-to`}>Published up to</label>
              <input
                id={`${base}-to`}
                type="date"
                value={to}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${base}-date-problem` : undefined}
                onChange={(e) => setTo(e.target.value)}
              />
              {problem && (
                <span id={`${base}-date-problem`} className="field-error">
                  {problem}
                </span>
              )}
            </div>
          </div>
          <button type="submit" disabled={busy}>
            {busy ? 'Finding articles…' : 'Find articles'}
          </button>
        </fieldset>
      </form>
      {failure && <StatusMessage tone="error">{failure}</StatusMessage>}
      {found && (
        <div className="slice-results">
          <StatusMessage tone="info">
            {found.articles.length === 0
              ? 'No articles on the team server match.'
              : `${articles(found.articles.length)} found${found.truncated ? ' (only the first ones are listed: narrow the search)' : ''}.`}
          </StatusMessage>
          {found.articles.length > 0 && (
            <fieldset>
              <legend>Articles to sync</legend>
              <div className="inline-actions">
                <button type="button" onClick={() => setChosen(new Set(found.articles.map((a) => a.id)))}>
                  Select all
                </button>
                <button type="button" onClick={() => setChosen(new Set())}>
                  Select none
                </button>
              </div>
              <ul className="slice-list">
                {found.articles.map((a) => (
                  <li key={a.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(a.id)}
                        onChange={(e) => toggle(a.id, e.target.checked)}
                      />
                      <span className="slice-title">{a.title}</span>
                      {a.publishedAt && <span className="hint"> · {a.publishedAt.slice(0, 10)}</span>}
                    </label>
                  </li>
                ))}
              </ul>
              <button type="button" className="primary" disabled={chosen.size === 0} onClick={apply}>
                {chosen.size === 0
                  ? 'Choose at least one article'
                  : `Sync only these ${articles(chosen.size)}`}
              </button>
            </fieldset>
          )}
        </div>
      )}
      {current && (
        <div className="inline-actions">
          <button
            type="button"
            onClick={() => {
              sync.setSlice(null);
              announce('This browser now syncs the whole team library.');
            }}
          >
            Sync the whole library
          </button>
        </div>
      )}
    </section>
  );
}
