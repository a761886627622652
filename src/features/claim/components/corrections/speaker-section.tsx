import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, type Ref, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { speakerKey } from '@/core/model/speaker-key';
import type { Claim, Speaker, SpeakerId } from '@/core/model/types';
import { lastChangeIn } from '@/core/review/undo';
import { reassignToNewSpeaker } from '@/db/corrections';
import { describeDbError } from '@/db/errors';
import { historyOfRow } from '@/db/history-read';
import { claimQueries } from '@/db/queries';
import { type ConflictNotice, noticeOf } from '@/features/claim/conflict';
import { useLibrarySpeakers } from '@/features/claim/hooks/use-claim-data';
import {
  useMergeSpeakers,
  useRenameSpeaker,
  useSetSpeaker,
} from '@/features/claim/hooks/use-claim-mutations';
import { Combobox, type ComboboxOption } from '@/ui/combobox';
import { ConfirmDialog } from '@/ui/confirm-dialog';
import { showToast } from '@/ui/toast';
import { showUndoToast, undoBatch } from '@/ui/undo-toast';

const NEW = '__new__';
const NO_SPEAKERS: readonly Speaker[] = [];
const NONE = '__none__';

type Props = Readonly<{
  claim: Claim;
  pickerRef?: Ref<HTMLInputElement>;
  onConflict: (notice: ConflictNotice) => void;
  speakerHref?: (speakerId: string) => string;
}>;

function speakerOptions(
  speakers: readonly Speaker[],
  current: SpeakerId | null,
  typed: string,
): ComboboxOption[] {
  const q = typed.trim().toLowerCase();
  const found = speakers
    .filter((s) => s.id !== current)
    .filter(
      (s) => !q || s.name.toLowerCase().includes(q) || s.aliases.some((a) => a.toLowerCase().includes(q)),
    )
    .slice(0, 12)
    .map((s) => ({ id: s.id, label: s.name, hint: s.role ?? undefined }));
  const key = speakerKey(typed);
  const exact = speakers.some((s) => s.key === key);
  const extra: ComboboxOption[] = [];
  if (typed.trim() && !exact)
    extra.push({ id: NEW, label: `New speaker “${typed.trim()}”`, hint: 'Create and assign' });
  if (current !== null && !q)
    extra.push({ id: NONE, label: 'No speaker', hint: 'The article’s own statement' });
  return [...found, ...extra];
}

/** The claim's speaker with role; reassign in two clicks, rename, or merge another speaker into it. */
export function SpeakerSection({ claim, pickerRef, onConflict, speakerHref }: Props) {
  const id = useId();
  const library = useLibrarySpeakers();
  // Until the library's speakers are in, a claim's speaker is not known, and neither is which typed name is new.
  const speakers = library.data ?? NO_SPEAKERS;
  const speaker = speakers.find((s) => s.id === claim.speakerId) ?? null;
  const [typed, setTyped] = useState('');
  // The reassignment this box just made, for Ctrl+Z in it until something is typed there.
  const [made, setMade] = useState<Readonly<{ claimId: string; batchId: string }> | null>(null);
  const [mode, setMode] = useState<'view' | 'rename' | 'merge'>('view');
  // The button that opened a form takes the focus back when it closes (Save, Merge or Cancel): it
  // was on a control that goes away, and would fall to the page.
  const opener = useRef<'rename' | 'merge' | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const mergeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (mode !== 'view' || opener.current === null) return;
    (opener.current === 'rename' ? renameButton : mergeButton).current?.focus();
    opener.current = null;
  }, [mode]);
  const open = (form: 'rename' | 'merge') => {
    opener.current = form;
    setMode(form);
  };
  const setSpeaker = useSetSpeaker();
  const createAndAssign = useMutation({
    mutationFn: (name: string) => reassignToNewSpeaker(claim.id, name),
  });
  const options = useMemo(
    () => speakerOptions(speakers, claim.speakerId, typed),
    [speakers, claim.speakerId, typed],
  );

  const onReassigned = (name: string, batchId: string) => {
    setTyped('');
    setMade({ claimId: claim.id, batchId });
    showUndoToast(`Claim reassigned to ${name}`, batchId);
  };
  const undoLast =
    made?.claimId === claim.id
      ? () => {
          setMade(null);
          void undoBatch(made.batchId);
        }
      : null;
  const onError = (e: unknown) => showToast(describeDbError(e), { tone: 'error' });

  const choose = (o: ComboboxOption) => {
    if (o.id === NEW) {
      const name = typed.trim();
      createAndAssign.mutate(name, {
        // The repository makes the batch: the claim's own latest change is it.
        onSuccess: async (s) => {
          const batchId = lastChangeIn(await historyOfRow('claims', claim.id));
          if (batchId) onReassigned(s.name, batchId);
        },
        onError,
      });
      return;
    }
    const target = o.id === NONE ? null : (o.id as SpeakerId);
    setSpeaker.mutate(
      { id: claim.id, speakerId: target, expectedUpdatedAt: claim.updatedAt },
      {
        onSuccess: (result) => {
          const notice = noticeOf(result);
          if (notice) onConflict(notice);
          onReassigned(o.id === NONE ? 'no speaker' : o.label, result.batchId);
        },
        onError,
      },
    );
  };

  return (
    <div className="speaker-section">
      <p className="speaker-line">
        {speaker ? (
          <>
            <strong>
              {speakerHref ? <Link to={speakerHref(speaker.id)}>{speaker.name}</Link> : speaker.name}
            </strong>
            {speaker.role && <span className="speaker-role-text">, {speaker.role}</span>}
            <span className="hint"> · {speaker.type}</span>
          </>
        ) : (
          <SpeakerUnknown claim={claim} library={library} />
        )}
      </p>
      {speaker && speaker.aliases.length > 1 && <Aliases speaker={speaker} />}
      <Combobox
        label="Reassign to"
        value={typed}
        onValueChange={(t) => {
          setTyped(t);
          setMade(null);
        }}
        undoLast={undoLast}
        options={options}
        onSelect={choose}
        onSubmitText={(t) => {
          const first = options[0];
          if (t.trim() && first) choose(first);
        }}
        placeholder="Choose or type a new name"
        inputRef={pickerRef}
        openOnFocus
        emptyText="No other speakers yet: type a name to create one."
        disabled={library.data === undefined}
      />
      {speaker && mode === 'view' && (
        <div className="inline-actions">
          <button type="button" className="small" ref={renameButton} onClick={() => open('rename')}>
            Rename speaker…
          </button>
          <button type="button" className="small" ref={mergeButton} onClick={() => open('merge')}>
            Merge another speaker into this one…
          </button>
        </div>
      )}
      {speaker && mode === 'rename' && <RenameSpeaker speaker={speaker} onDone={() => setMode('view')} />}
      {speaker && mode === 'merge' && (
        <MergeSpeaker keep={speaker} speakers={speakers} onDone={() => setMode('view')} formId={id} />
      )}
    </div>
  );
}

/** The speaker line when the library's speakers do not name the claim's speaker (yet). */
function SpeakerUnknown({
  claim,
  library,
}: Readonly<{ claim: Claim; library: ReturnType<typeof useLibrarySpeakers> }>) {
  if (claim.speakerId === null) return <strong>No speaker</strong>;
  if (library.error)
    return <span role="alert">Could not read the speakers: {describeDbError(library.error)}</span>;
  if (library.data === undefined) return <span className="hint">Loading the speaker…</span>;
  return (
    <>
      <strong>Unknown speaker</strong>
      <span className="hint"> · not in this library’s speakers</span>
    </>
  );
}

/** A speaker's other names; a long list is folded after three. */
function Aliases({ speaker }: Readonly<{ speaker: Speaker }>) {
  const [all, setAll] = useState(false);
  const others = speaker.aliases.filter((a) => a !== speaker.name);
  const shown = all ? others : others.slice(0, 3);
  return (
    <p className="hint">
      Also called: {shown.join(', ')}
      {others.length > 3 && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={() => setAll((v) => !v)}>
            {all ? 'fewer' : `and ${others.length - 3} more`}
          </button>
        </>
      )}
    </p>
  );
}

function RenameSpeaker({ speaker, onDone }: Readonly<{ speaker: Speaker; onDone: () => void }>) {
  const id = useId();
  const [name, setName] = useState(speaker.name);
  const [role, setRole] = useState(speaker.role ?? '');
  const [error, setError] = useState<string | null>(null);
  const rename = useRenameSpeaker();
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => nameField.current?.select(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('A speaker needs a name.');
    rename.mutate(
      { id: speaker.id, name, role: role.trim() || null },
      {
        onSuccess: (s) => {
          showToast(`Speaker renamed to ${s.name}`);
          onDone();
        },
        onError: (err) => setError(describeDbError(err)),
      },
    );
  };
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Rename speaker">
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          ref={nameField}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>Role</label>
        <input id={`${id}-role`} type="text" value={role} onChange={(e) => setRole(e.target.value)} />
      </div>
      {error && (
        <p className="field-status field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function MergeSpeaker({
  keep,
  speakers,
  onDone,
  formId,
}: Readonly<{ keep: Speaker; speakers: readonly Speaker[]; onDone: () => void; formId: string }>) {
  const [typed, setTyped] = useState('');
  const [other, setOther] = useState<Speaker | null>(null);
  const merge = useMergeSpeakers();
  const otherClaims = useQuery({
    ...claimQueries.bySpeaker(other?.id ?? ('' as SpeakerId)),
    enabled: other !== null,
  });
  const options = speakerOptions(speakers, keep.id, typed).filter((o) => o.id !== NEW && o.id !== NONE);
  const n = otherClaims.data?.length ?? 0;
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => picker.current?.focus(), []);
  return (
    <div className="inline-form" id={`${formId}-merge`}>
      <Combobox
        inputRef={picker}
        label={`Merge into ${keep.name}`}
        value={typed}
        onValueChange={setTyped}
        options={options}
        onSelect={(o) => setOther(speakers.find((s) => s.id === o.id) ?? null)}
        openOnFocus
        placeholder="The speaker to fold in"
        emptyText="No other speakers."
      />
      <div className="form-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <ConfirmDialog
        open={other !== null}
        title={`Merge ${other?.name ?? ''} into ${keep.name}?`}
        description={
          <p>
            {other?.name}’s {n} {n === 1 ? 'claim moves' : 'claims move'} to {keep.name}, and its names become{' '}
            {keep.name}’s aliases. You can undo this.
          </p>
        }
        confirmLabel="Merge"
        onCancel={() => setOther(null)}
        onConfirm={() => {
          if (!other) return;
          merge.mutate(
            { keepId: keep.id, otherId: other.id },
            {
              onSuccess: (batchId) => {
                showUndoToast(`Merged ${other.name} into ${keep.name}`, batchId);
                onDone();
              },
              onError: (e) => showToast(describeDbError(e), { tone: 'error' }),
            },
          );
          setOther(null);
        }}
      />
    </div>
  );
}
