import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/**
 * The Claims screen's multi-selection, as claim ids, and the anchor a shift-click extends from.
 * Separate from the article screen's open claim (in the URL).
 */
export type TableSelectionSlice = {
  tableSelection: ReadonlySet<string>;
  tableAnchorId: string | null;
  tableRowToggled: (id: string) => void;
  /** Shift-click: the ids between the anchor and the clicked row (inclusive) join the selection. */
  tableRangeSelected: (ids: readonly string[], anchorId: string) => void;
  /** "Select all matching": the selection becomes exactly these ids. */
  tableSelectionReplaced: (ids: readonly string[]) => void;
  tableSelectionCleared: () => void;
};

export const createTableSelectionSlice: StateCreator<UiState, [], [], TableSelectionSlice> = (set) => ({
  tableSelection: new Set(),
  tableAnchorId: null,
  tableRowToggled: (id) =>
    set((s) => {
      const next = new Set(s.tableSelection);
      if (!next.delete(id)) next.add(id);
      return { tableSelection: next, tableAnchorId: id };
    }),
  tableRangeSelected: (ids, anchorId) =>
    set((s) => {
      const next = new Set(s.tableSelection);
      for (const id of ids) next.add(id);
      return { tableSelection: next, tableAnchorId: anchorId };
    }),
  tableSelectionReplaced: (ids) => set({ tableSelection: new Set(ids), tableAnchorId: null }),
  tableSelectionCleared: () => set({ tableSelection: new Set(), tableAnchorId: null }),
});
