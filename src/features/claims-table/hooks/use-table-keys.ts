import { canWriteNow } from '@/stores/can-write';
import { defineKeymap, useKeymap } from '@/ui/shortcuts';
import { announce } from '@/ui/toast';

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

/** The Claims screen's keys, written once: the `?` help lists them even before the screen opens. */
const TABLE_KEYMAP = defineKeymap('Claims', {
  next: { keys: 'j', description: 'Next claim', match: ['j', 'ArrowDown'] },
  previous: { keys: 'k', description: 'Previous claim', match: ['k', 'ArrowUp'] },
  toggle: {
    keys: 'x / Space',
    description: 'Select or unselect the focused claim (Shift+click selects a range)',
    match: ['x', ' '],
  },
  open: { keys: 'Enter', description: 'Open the focused claim in its article', match: ['Enter'] },
  search: { keys: '/', description: 'Search claims', match: ['/'] },
  verdict: {
    keys: '1–9',
    description: 'Set the verdict of the selected claims (or the focused one)',
    match: DIGITS,
  },
  clear: { keys: 'Esc', description: 'Clear the selection', match: ['Escape'] },
  // Ctrl+Z / Ctrl+Shift+Z are the shell's (UndoControls): one batch per bulk action, one step.
});

/** Binds the Claims screen's keys while it is open. */
export function useTableKeys(a: TableKeyActions) {
  const rows = () => a.count > 0 && noDialog();
  const onRow = () => rows() && !onControl();
  useKeymap(TABLE_KEYMAP, {
    next: { run: () => a.move(1), enabled: rows },
    previous: { run: () => a.move(-1), enabled: rows },
    toggle: { run: a.toggleFocused, enabled: onRow },
    open: { run: a.openFocused, enabled: onRow },
    search: { run: a.focusSearch, enabled: noDialog },
    verdict: {
      run: (e) => {
        const allowed = canWriteNow();
        if (allowed.canWrite) a.verdictDigit(e.key);
        else announce(allowed.reason);
      },
      enabled: rows,
    },
    clear: { run: a.clearSelection, enabled: () => a.hasSelection && noDialog() },
  });
}
