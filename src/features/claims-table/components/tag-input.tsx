import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { normalizeTag, suggestTags } from '@/core/review/tags';
import { claimQueries } from '@/db/queries';

type Props = Readonly<{
  label: string;
  submitLabel: string;
  disabled?: boolean;
  onSubmit: (tag: string) => void;
  inputRef?: React.Ref<HTMLInputElement>;
}>;

const NO_TAGS: ReadonlyMap<string, number> = new Map();

/** A tag field completing from the tags already used in the library (read once it is focused); a blank tag is refused with a message. */
export function TagInput({ label, submitLabel, disabled, onSubmit, inputRef }: Props) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The library's tags (its summary row) are read when the field is first focused: the Claims
  // screen's bulk bar mounts with its first rows, and this read then queued beside theirs.
  const [wanted, setWanted] = useState(false);
  const counts = useQuery({ ...claimQueries.tagCounts(), enabled: wanted }).data ?? NO_TAGS;
  const suggestions = suggestTags(counts, value, []);
  const submit = () => {
    const tag = normalizeTag(value);
    if (!tag) return setError('Type a tag first (spaces alone are not a tag).');
    setError(null);
    onSubmit(tag);
    setValue('');
  };
  return (
    <form
      className="tag-input"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        list={`${id}-list`}
        value={value}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
        onFocus={() => setWanted(true)}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
      />
      <datalist id={`${id}-list`}>
        {suggestions.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="submit" disabled={disabled}>
        {submitLabel}
      </button>
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
