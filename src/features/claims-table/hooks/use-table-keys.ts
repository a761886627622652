import { describeShortcuts, useShortcuts } from '@/ui/shortcuts';

export type TableKeyActions = Readonly<{
  count: number;
  hasSelection: boolean;
  move: (delta: 1 | -1) => void;
  toggleFocused: () => void;
  openFocused: () => void;
  verdictDigit: (digit: string) => void;
  focusSearch: () => void;
  clearSelection: () => void;
}>;

/** Space and Enter belong to a focused button, link or checkbox; elsewhere they act on the row. */
const onControl = () => {
  const el = document.activeElement;
  return (
    el instanceof HTMLElement &&
    (['BUTTON', 'A', 'SUMMARY', 'INPUT'].includes(el.tagName) || el.isContentEditable)
  );
};

/** A modal dialog (a confirmation, the ? list) owns the keyboard while it is open. */
const noDialog = () => document.querySelector('dialog[open]') === null;

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The Claims screen's keys, registered in the shared registry so `?` lists them. */
export function useTableKeys(a: TableKeyActions) {
  const rows = () => a.count > 0 && noDialog();
  useShortcuts('Claims', [
    { keys: 'j', description: 'Next claim', match: ['j', 'ArrowDown'], run: () => a.move(1), enabled: rows },
    {
      keys: 'k',
      description: 'Previous claim',
      match: ['k', 'ArrowUp'],
      run: () => a.move(-1),
      enabled: rows,
    },
    {
      keys: 'x / Space',
      description: 'Select or unselect the focused claim (Shift+click selects a range)',
      match: ['x', ' '],
      run: a.toggleFocused,
      enabled: () => rows() && !onControl(),
    },
    {
      keys: 'Enter',
      description: 'Open the focused claim in its article',
      match: ['Enter'],
      run: a.openFocused,
      enabled: () => rows() && !onControl(),
    },
    { keys: '/', description: 'Search claims', match: ['/'], run: a.focusSearch, enabled: noDialog },
    {
      keys: '1–9',
      description: 'Set the verdict of the selected claims (or the focused one)',
      match: DIGITS,
      run: (e) => a.verdictDigit(e.key),
      enabled: rows,
    },
    {
      keys: 'Esc',
      description: 'Clear the selection',
      match: ['Escape'],
      run: a.clearSelection,
      enabled: () => a.hasSelection && noDialog(),
    },
    // Ctrl+Z / Ctrl+Shift+Z are the shell's (UndoControls): one batch per bulk action, one step.
  ]);
}

// Listed by `?` on every screen, even before the Claims screen has been opened.
describeShortcuts('Claims', [
  { keys: 'j', description: 'Next claim' },
  { keys: 'k', description: 'Previous claim' },
  { keys: 'x / Space', description: 'Select or unselect the focused claim (Shift+click selects a range)' },
  { keys: 'Enter', description: 'Open the focused claim in its article' },
  { keys: '/', description: 'Search claims' },
  { keys: '1–9', description: 'Set the verdict of the selected claims (or the focused one)' },
  { keys: 'Esc', description: 'Clear the selection' },
]);
