import { useId, useState } from 'react';
import { normalizeTag, suggestTags, withTag } from '@/core/review/tags';
import { useUsedTags } from '@/features/claim/hooks/use-claim-data';
import { Combobox } from '@/ui/combobox';
import { undoBatch } from '@/ui/undo-toast';

type Props = Readonly<{
  tags: readonly string[];
  /**
   * Adds / removes one tag on the claim as stored (not as last rendered). `onAdd` may give the
   * history batch it wrote, for Ctrl+Z in the emptied box.
   */
  onAdd: (tag: string) => Promise<string | null> | undefined;
  onRemove: (tag: string) => void;
  inputRef?: React.Ref<HTMLInputElement>;
}>;

const NO_TAGS: ReadonlyMap<string, number> = new Map();

/** Tags as removable chips, and a field that completes from the tags already used in the library. */
export function TagEditor({ tags, onAdd, onRemove, inputRef }: Props) {
  const used = useUsedTags().data ?? NO_TAGS;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The tag this box just added, for Ctrl+Z in it until something is typed there.
  const [made, setMade] = useState<string | null>(null);
  const errorId = useId();
  const suggestions = suggestTags(used, text, tags).map((t) => ({
    id: t,
    label: t,
    hint: `${used.get(t) ?? 0} ${used.get(t) === 1 ? 'claim' : 'claims'}`,
  }));

  const add = (raw: string) => {
    if (raw === '') return;
    const tag = normalizeTag(raw);
    if (!tag) {
      setError('A tag needs at least one letter or digit; spaces alone are not a tag.');
      return;
    }
    setError(null);
    setText('');
    if (withTag(tags, tag) === tags) {
      setError(`“${tag}” is already on this claim.`);
      return;
    }
    void onAdd(tag)?.then((batchId) => setMade(batchId));
  };
  const undoLast =
    made === null
      ? null
      : () => {
          setMade(null);
          void undoBatch(made);
        };

  return (
    <div className="tag-editor">
      {tags.length > 0 ? (
        <ul className="tag-chips" aria-label="Tags on this claim">
          {tags.map((t) => (
            <li key={t} className="tag-chip">
              {t}
              <button type="button" aria-label={`Remove tag ${t}`} onClick={() => onRemove(t)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">No tags yet.</p>
      )}
      <Combobox
        label="Add a tag"
        value={text}
        onValueChange={(v) => {
          setText(v);
          setError(null);
          setMade(null);
        }}
        undoLast={undoLast}
        options={suggestions}
        onSelect={(o) => add(o.id)}
        onSubmitText={add}
        placeholder="Type a tag, Enter to add"
        inputRef={inputRef}
        describedBy={error ? errorId : undefined}
        invalid={error !== null}
      />
      {error && (
        <p id={errorId} className="field-status field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
