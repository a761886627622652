/** The Claims screen's keys, as data: the handler below and the shared `?` help list read the same table. */
export const TABLE_SHORTCUTS = [
  { keys: ['j'], description: 'Next claim' },
  { keys: ['k'], description: 'Previous claim' },
  { keys: ['x', 'Space'], description: 'Select or unselect the focused claim' },
  { keys: ['Shift+click'], description: 'Select a range of claims' },
  { keys: ['Enter'], description: 'Open the focused claim in its article' },
  { keys: ['/'], description: 'Search claims' },
  { keys: ['1–9'], description: 'Set the verdict of the selected claims (or the focused one)' },
  { keys: ['Ctrl+Z'], description: 'Undo the last change' },
  { keys: ['Esc'], description: 'Clear the selection' },
] as const;
