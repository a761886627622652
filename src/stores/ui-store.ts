import { create } from 'zustand';
import { type AppStatusSlice, createAppStatusSlice } from './app-status-slice';
import { createTableSelectionSlice, type TableSelectionSlice } from './table-selection-slice';

/**
 * UI-only state, as ids and flags; never rows from the database. The open claim is not here: it
 * lives in the URL (`selected-claim.ts`).
 */
export type UiState = AppStatusSlice & TableSelectionSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createAppStatusSlice(...a),
  ...createTableSelectionSlice(...a),
}));

export const useOfflineReady = () => useUiStore((s) => s.offlineReady);
export const useUpdateReady = () => useUiStore((s) => s.updateReady);
export const useTableSelection = () => useUiStore((s) => s.tableSelection);
export const useTableAnchorId = () => useUiStore((s) => s.tableAnchorId);
export const useTableRowToggled = () => useUiStore((s) => s.tableRowToggled);
export const useTableRangeSelected = () => useUiStore((s) => s.tableRangeSelected);
export const useTableSelectionReplaced = () => useUiStore((s) => s.tableSelectionReplaced);
export const useTableSelectionCleared = () => useUiStore((s) => s.tableSelectionCleared);
