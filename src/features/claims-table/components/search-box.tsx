import { useEffect, useState } from 'react';

type Props = Readonly<{
  value: string;
  onSearch: (q: string) => void;
  inputRef: React.Ref<HTMLInputElement>;
}>;

const DELAY_MS = 250;

/** The full-text search field; typing settles for a moment before the URL (and the query) changes. */
export function SearchBox({ value, onSearch, inputRef }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value.trim()) return;
    const t = setTimeout(() => onSearch(text.trim()), DELAY_MS);
    return () => clearTimeout(t);
  }, [text, value, onSearch]);
  return (
    <search className="claims-search">
      <label htmlFor="claims-search">Search claims</label>
      <input
        id="claims-search"
        ref={inputRef}
        type="search"
        value={text}
        placeholder="Claim text, speaker, source title or note"
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onSearch(text.trim());
          if (e.key === 'Escape' && !text) e.currentTarget.blur();
        }}
      />
      <span className="hint">
        Press <kbd>/</kbd> to search
      </span>
    </search>
  );
}
