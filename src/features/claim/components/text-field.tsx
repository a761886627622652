import { useEffect, useId, useRef, useState } from 'react';
import { checkNoteLength } from '@/core/review/limits';

type Props = Readonly<{
  label: string;
  /** The stored value; a change from elsewhere replaces an untouched draft and is flagged over an edited one. */
  value: string;
  /** The stored row's version (`updatedAt`); the one seen when editing began is passed to `onSave`. */
  version: number;
  /** Resolves with the version the save wrote, if known: typing on during a save starts from it. */
  onSave: (text: string, versionAtStart: number) => Promise<unknown>;
  maxLength: number;
  rows?: number;
  placeholder?: string;
  hint?: string;
}>;

type Status = 'saved' | 'dirty' | 'saving' | 'error';
const format = new Intl.NumberFormat();

/**
 * A text area saved as you pause (and when you leave it). Long text is fine: the draft lives in the
 * textarea's own state and is written once per pause, not per keystroke. Over the limit it is kept
 * on screen, not saved, with the reason.
 */
export function TextField({ label, value, version, onSave, maxLength, rows = 3, placeholder, hint }: Props) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [status, setStatus] = useState<Status>('saved');
  const [error, setError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<string | null>(null);
  // The stored text as this field knows it (what the prop said, or what it saved since), and the
  // last value the prop brought: its own save coming back is not a change from elsewhere.
  const base = useRef(value);
  const seen = useRef(value);
  // Typed and not yet saved: only then may a pause, a blur or leaving write. A stored value taken into
  // the draft is not the person's, and can be one render away from the textarea when the panel closes.
  const edited = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ draft, onSave });
  latest.current = { draft, onSave };
  const startedAt = useRef<number | null>(null);
  const currentVersion = useRef(version);
  currentVersion.current = version;
  // One save at a time: a blur while the pause's save is writing waits for it, then finds nothing left.
  // Two at once wrote the text twice, and the second took the first for another tab's change.
  const saving = useRef<Promise<void>>(Promise.resolve());

  // The stored value changed (another tab, an undo): take it unless the person is mid-edit.
  useEffect(() => {
    if (value === seen.current) return;
    seen.current = value;
    if (value === base.current) return;
    base.current = value;
    if (status === 'dirty' || status === 'error') {
      if (value !== latest.current.draft) setTheirs(value);
    } else {
      edited.current = false;
      setDraft(value);
    }
  }, [value, status]);

  const tooLong = draft.length > maxLength;

  const save = () => {
    clearTimeout(timer.current);
    saving.current = saving.current.then(writeDraft);
    return saving.current;
  };

  const writeDraft = async () => {
    const text = latest.current.draft;
    if (!edited.current || text.length > maxLength || text === base.current) {
      if (!edited.current || text === base.current) setStatus('saved');
      return;
    }
    setStatus('saving');
    try {
      const written = await latest.current.onSave(text, startedAt.current ?? currentVersion.current);
      base.current = text;
      const typedOn = latest.current.draft !== text;
      if (!typedOn) edited.current = false;
      startedAt.current = typedOn && typeof written === 'number' ? written : null;
      setTheirs(null);
      setError(null);
      setStatus(typedOn ? 'dirty' : 'saved');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStatus('error');
    }
  };

  // Leaving (another claim, closing the panel) saves what was typed.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      const { draft: text, onSave: write } = latest.current;
      void saving.current.then(() => {
        if (edited.current && text !== base.current && text.length <= maxLength)
          return write(text, startedAt.current ?? currentVersion.current).catch(() => {});
      });
    },
    [maxLength],
  );

  const statusText = tooLong
    ? `Not saved. ${checkNoteLength(draft, label, maxLength)}`
    : status === 'saving'
      ? 'Saving…'
      : status === 'dirty'
        ? 'Unsaved changes'
        : status === 'error'
          ? `Not saved: ${error}`
          : draft.length > 2000
            ? `Saved · ${format.format(draft.length)} characters`
            : 'Saved';

  return (
    <div className="text-field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <textarea
        id={id}
        rows={rows}
        value={draft}
        placeholder={placeholder}
        aria-invalid={tooLong || status === 'error' || undefined}
        aria-describedby={`${id}-status`}
        onChange={(e) => {
          setDraft(e.target.value);
          edited.current = true;
          setStatus('dirty');
          startedAt.current ??= currentVersion.current;
          clearTimeout(timer.current);
          timer.current = setTimeout(save, 800);
        }}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <p
        id={`${id}-status`}
        className={`field-status${tooLong || status === 'error' ? ' field-error' : ''}`}
        role={tooLong ? 'alert' : undefined}
      >
        {statusText}
      </p>
      {theirs !== null && (
        <div className="conflict" role="alert">
          Changed in another tab or by undo while you were editing.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => {
              edited.current = false;
              setDraft(theirs);
              setTheirs(null);
              setStatus('saved');
            }}
          >
            Use that version
          </button>{' '}
          or keep yours (saving it will replace that version; history keeps both).
        </div>
      )}
    </div>
  );
}
