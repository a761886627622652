import { type SelectHTMLAttributes, useRef, useState } from 'react';

/** Keys that open the list: the choice made in it (its own keys reach no page) is as deliberate as a click. */
const opensList = (e: Readonly<{ key: string; altKey: boolean }>) =>
  e.key === 'F4' || (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp'));

type Props<T extends string> = Readonly<
  {
    /** The stored value ('' for none of the options, e.g. parts that differ). */
    value: T | '';
    /** Stores a value other than the stored one. */
    onCommit: (value: T) => void;
  } & Omit<
    SelectHTMLAttributes<HTMLSelectElement>,
    'value' | 'defaultValue' | 'onChange' | 'onKeyDown' | 'onBlur' | 'onPointerDown'
  >
>;

/**
 * A native select whose change is a stored write. Chromium changes a closed select on each arrow
 * and type-ahead key, so a keyboard change is only shown (pending) until Enter or until the focus
 * leaves; Escape puts the stored value back. A pointer choice, or one made in the list opened with
 * Alt+arrow or F4, is stored at once.
 */
export function StoredSelect<T extends string>({ value, onCommit, children, ...select }: Props<T>) {
  const [pending, setPending] = useState<T | null>(null);
  // refs, not state: a blur that follows Enter in the same tick must see the value already committed
  const pendingRef = useRef<T | null>(null);
  const keyed = useRef(false);
  const mark = (next: T | null) => {
    pendingRef.current = next;
    setPending(next);
  };
  const commit = (next: T) => {
    mark(null);
    if (next !== value) onCommit(next);
  };
  return (
    <select
      {...select}
      value={pending ?? value}
      data-pending={pending === null ? undefined : ''}
      onPointerDown={() => {
        keyed.current = false;
      }}
      onKeyDown={(e) => {
        const shown = pendingRef.current;
        if (e.key === 'Enter' && shown !== null) {
          e.preventDefault();
          commit(shown);
        } else if (e.key === 'Escape' && shown !== null) {
          e.preventDefault();
          mark(null);
        } else if (e.key !== 'Tab') keyed.current = !opensList(e);
      }}
      onChange={(e) => {
        const next = e.target.value as T;
        if (keyed.current) mark(next);
        else commit(next);
      }}
      onBlur={() => {
        const shown = pendingRef.current;
        if (shown !== null) commit(shown);
      }}
    >
      {children}
    </select>
  );
}
