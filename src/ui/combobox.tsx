import { type KeyboardEvent, type Ref, useId, useState } from 'react';
import '@/ui/ui.css';

export type ComboboxOption = Readonly<{ id: string; label: string; hint?: string }>;

type Props = Readonly<{
  label: string;
  /** Hide the label visually (it stays the input's accessible name). */
  hideLabel?: boolean;
  value: string;
  onValueChange: (text: string) => void;
  options: readonly ComboboxOption[];
  onSelect: (option: ComboboxOption) => void;
  /** Enter with no option highlighted (free text, e.g. a new tag). */
  onSubmitText?: (text: string) => void;
  placeholder?: string;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Open the list on focus even with nothing typed. */
  openOnFocus?: boolean;
  emptyText?: string;
  invalid?: boolean;
  /** Off while the options it would offer are not known yet. */
  disabled?: boolean;
  /**
   * Undoes the change this box just made, for Ctrl+Z while the box is empty: the box was emptied
   * by the app, so its own typing has nothing to undo. Null when there is none.
   */
  undoLast?: (() => void) | null;
}>;

/**
 * An editable combobox with a list popup (WAI-ARIA APG pattern): type to filter, arrows to move,
 * Enter to choose, Escape to close the list. The caller filters `options`.
 */
export function Combobox({
  label,
  hideLabel,
  value,
  onValueChange,
  options,
  onSelect,
  onSubmitText,
  placeholder,
  describedBy,
  inputRef,
  openOnFocus,
  emptyText,
  invalid,
  disabled,
  undoLast,
}: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && (options.length > 0 || emptyText !== undefined);
  const activeOption = shown && active >= 0 ? options[active] : undefined;

  const choose = (option: ComboboxOption) => {
    setOpen(false);
    setActive(-1);
    onSelect(option);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const ctrlZ = (e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z';
    if (ctrlZ && undoLast && value === '') {
      e.preventDefault();
      undoLast();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : options.length - 1);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length === 0 ? -1 : (a + step + options.length) % options.length));
    } else if (e.key === 'Enter') {
      if (activeOption) {
        e.preventDefault();
        choose(activeOption);
      } else if (onSubmitText) {
        e.preventDefault();
        setOpen(false);
        onSubmitText(value);
      }
    } else if (e.key === 'Escape' && shown) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="combobox">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${activeOption.id}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        placeholder={placeholder}
        value={value}
        onChange={(e) => {
          onValueChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => openOnFocus && setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <div id={listId} role="listbox" aria-label={label} className="combobox-list" hidden={!shown}>
        {options.map((o, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keys (aria-activedescendant).
          <div
            key={o.id}
            tabIndex={-1}
            id={`${id}-opt-${o.id}`}
            role="option"
            aria-selected={i === active}
            className="combobox-option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(o)}
          >
            {o.label}
            {o.hint && <span className="hint">{o.hint}</span>}
          </div>
        ))}
        {options.length === 0 && emptyText && <div className="combobox-empty">{emptyText}</div>}
      </div>
    </div>
  );
}
