import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type Ref, useId, useMemo, useRef, useState } from 'react';
import {
  type ClaimId,
  type EvidenceRelation,
  SOURCE_TYPES,
  type Source,
  type SourceType,
} from '@/core/model/types';
import { checkSourceUrl } from '@/core/review/urls';
import { describeDbError } from '@/db/errors';
import { sourceQueries } from '@/db/queries';
import { RELATION_LABELS } from '@/features/claim/components/sources/evidence-list';
import { useAttachSource } from '@/features/claim/hooks/use-source-mutations';
import { readableUrl, sourceLabel } from '@/features/claim/source-label';
import { Combobox } from '@/ui/combobox';
import { announce } from '@/ui/toast';

type Props = Readonly<{
  claimId: ClaimId;
  urlRef?: Ref<HTMLInputElement>;
  onDone: (attached: boolean) => void;
}>;

const NO_SOURCES: readonly Source[] = [];

function matches(source: Source, q: string) {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return [source.title, source.url, source.publisher].some((f) => f.toLowerCase().includes(needle));
}

/** Attach a new source or one already in the library, with its relation, quoted passage and note. */
export function AddSourceForm({ claimId, urlRef, onDone }: Props) {
  const id = useId();
  const [mode, setMode] = useState<'new' | 'library'>('new');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [publisher, setPublisher] = useState('');
  const [date, setDate] = useState('');
  const [type, setType] = useState<SourceType>('news report');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Source | null>(null);
  const [relation, setRelation] = useState<EvidenceRelation>('supports');
  const [passage, setPassage] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const localUrlRef = useRef<HTMLInputElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const attach = useAttachSource();
  const library = useQuery({ ...sourceQueries.list(), enabled: mode === 'library' }).data ?? NO_SOURCES;
  const options = useMemo(
    () =>
      library
        .filter((s) => matches(s, search))
        .slice(0, 8)
        .map((s) => ({
          id: s.id,
          label: sourceLabel(s),
          hint: [s.publisher, readableUrl(s.url)].filter(Boolean).join(' · '),
        })),
    [library, search],
  );

  const setUrlRefs = (el: HTMLInputElement | null) => {
    localUrlRef.current = el;
    if (typeof urlRef === 'function') urlRef(el);
    else if (urlRef) (urlRef as { current: HTMLInputElement | null }).current = el;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    let source: Parameters<typeof attach.mutate>[0]['source'];
    if (mode === 'new') {
      const check = checkSourceUrl(url);
      if (!check.ok) {
        setError(check.reason);
        localUrlRef.current?.focus();
        return;
      }
      source = { url: check.url, title, publisher, date: date || null, type };
    } else {
      if (!picked) {
        setError('Choose a source from the library, or switch to “New source”.');
        searchRef.current?.focus();
        return;
      }
      source = picked.id;
    }
    setError(null);
    attach.mutate(
      { claimId, source, link: { relation, passage: passage.trim(), note: note.trim() } },
      {
        onSuccess: ({ source: saved }) => {
          announce(`Source attached: ${saved.title}, ${RELATION_LABELS[relation].toLowerCase()}.`);
          onDone(true);
        },
        onError: (err) => setError(describeDbError(err)),
      },
    );
  };

  return (
    <form className="add-source" noValidate onSubmit={submit} aria-label="Add a source">
      <fieldset className="segmented">
        <legend className="visually-hidden">Where the source comes from</legend>
        <label>
          <input type="radio" name={`${id}-mode`} checked={mode === 'new'} onChange={() => setMode('new')} />{' '}
          New source
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={mode === 'library'}
            onChange={() => setMode('library')}
          />{' '}
          From the library
        </label>
      </fieldset>

      {mode === 'new' ? (
        <div className="source-fields">
          <div className="field wide">
            <label htmlFor={`${id}-url`}>Address (URL)</label>
            <input
              ref={setUrlRefs}
              id={`${id}-url`}
              type="url"
              inputMode="url"
              placeholder="https://…"
              value={url}
              aria-invalid={error !== null || undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => {
                setUrl(e.target.value);
                setError(null);
              }}
            />
          </div>
          <div className="field wide">
            <label htmlFor={`${id}-title`}>Title</label>
            <input id={`${id}-title`} type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-publisher`}>Publisher</label>
            <input
              id={`${id}-publisher`}
              type="text"
              value={publisher}
              onChange={(e) => setPublisher(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-date`}>Date</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-type`}>Type</label>
            <select id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value as SourceType)}>
              {SOURCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
        </div>
      ) : (
        <div className="source-fields">
          <div className="field wide">
            <Combobox
              label="Search the library"
              value={search}
              onValueChange={(v) => {
                setSearch(v);
                setPicked(null);
                setError(null);
              }}
              options={options}
              onSelect={(o) => {
                const s = library.find((x) => x.id === o.id) ?? null;
                setPicked(s);
                setSearch(s?.title ?? '');
              }}
              inputRef={searchRef}
              openOnFocus
              placeholder="Title, address or publisher"
              emptyText={library.length === 0 ? 'No sources in the library yet.' : 'No source matches.'}
            />
            {picked && <p className="hint">Chosen: {picked.title}</p>}
          </div>
        </div>
      )}

      <fieldset className="segmented">
        <legend>The source…</legend>
        {(Object.keys(RELATION_LABELS) as EvidenceRelation[]).map((r) => (
          <label key={r}>
            <input
              type="radio"
              name={`${id}-relation`}
              checked={relation === r}
              onChange={() => setRelation(r)}
            />{' '}
            {r === 'context' ? 'Gives context' : RELATION_LABELS[r]}
          </label>
        ))}
      </fieldset>
      <div className="field wide">
        <label htmlFor={`${id}-passage`}>Quoted passage</label>
        <textarea
          id={`${id}-passage`}
          rows={2}
          value={passage}
          onChange={(e) => setPassage(e.target.value)}
          placeholder="The words in the source that bear on the claim"
        />
      </div>
      <div className="field wide">
        <label htmlFor={`${id}-note`}>Note on this source</label>
        <input id={`${id}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {error && (
        <p id={`${id}-error`} className="field-status field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={attach.isPending}>
          Attach source
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
