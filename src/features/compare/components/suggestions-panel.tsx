import { useEffect, useId, useRef, useState } from 'react';
import type { QuestionSuggestion } from '@/core/compare/suggest';

type Props = Readonly<{
  /** null while they are being made. */
  suggestions: readonly QuestionSuggestion[] | null;
  speakerName: (id: string) => string;
  onAccept: (suggestion: QuestionSuggestion, wording: string) => void;
  onReject: (suggestion: QuestionSuggestion) => void;
  busy: boolean;
}>;

function SuggestionItem({
  suggestion,
  speakerName,
  onAccept,
  onReject,
  busy,
}: Readonly<{ suggestion: QuestionSuggestion } & Omit<Props, 'suggestions'>>) {
  const [wording, setWording] = useState(suggestion.wording);
  const id = useId();
  return (
    <li className="suggestion">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (wording.trim()) onAccept(suggestion, wording);
        }}
      >
        <label htmlFor={id}>Suggested question</label>
        <textarea id={id} rows={2} value={wording} onChange={(e) => setWording(e.target.value)} />
        <p className="hint">
          {suggestion.claimIds.length} claims by {suggestion.speakerIds.map(speakerName).join(', ')} share “
          {suggestion.terms.join('”, “')}”.
        </p>
        <div className="suggestion-actions">
          <button type="submit" className="primary" disabled={busy || !wording.trim()}>
            Accept
          </button>
          <button type="button" onClick={() => onReject(suggestion)} disabled={busy}>
            Reject
          </button>
        </div>
      </form>
    </li>
  );
}

/** Candidate questions from claims of different speakers that share terms: accept (perhaps edited) or reject. */
export function SuggestionsPanel(props: Props) {
  const section = useRef<HTMLElement>(null);
  // where the keyboard goes when the suggestion it was on is accepted or rejected (and goes): the
  // one that takes its place, else the heading
  const handled = useRef<number | null>(null);
  const { suggestions } = props;
  useEffect(() => {
    const at = handled.current;
    if (at === null || suggestions === null) return;
    const active = document.activeElement;
    const lost = !active || active === document.body || !active.isConnected;
    const item = section.current?.querySelectorAll<HTMLElement>('.suggestion textarea');
    if (!lost && !(active instanceof HTMLButtonElement && active.disabled)) return;
    handled.current = null;
    const next = item && item.length > 0 ? item[Math.min(at, item.length - 1)] : null;
    (next ?? section.current?.querySelector<HTMLElement>('h2'))?.focus();
  }, [suggestions]);
  const onAccept = (s: QuestionSuggestion, wording: string) => {
    handled.current = suggestions?.indexOf(s) ?? null;
    props.onAccept(s, wording);
  };
  const onReject = (s: QuestionSuggestion) => {
    handled.current = suggestions?.indexOf(s) ?? null;
    props.onReject(s);
  };
  return (
    <section ref={section} className="panel compare-panel suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading" tabIndex={-1}>
        Suggested questions
      </h2>
      {props.suggestions === null ? (
        <p className="hint" role="status">
          Looking for questions in these claims…
        </p>
      ) : props.suggestions.length === 0 ? (
        <p className="hint">No suggestions: no claims of different speakers share enough terms here.</p>
      ) : (
        <ul className="suggestion-list">
          {props.suggestions.map((s) => (
            <SuggestionItem key={s.id} {...props} onAccept={onAccept} onReject={onReject} suggestion={s} />
          ))}
        </ul>
      )}
    </section>
  );
}
