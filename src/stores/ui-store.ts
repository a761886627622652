import { create } from 'zustand';
import { type AppStatusSlice, createAppStatusSlice } from './app-status-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createTableSelectionSlice, type TableSelectionSlice } from './table-selection-slice';

/** UI-only state, as ids and flags; never rows from the database. */
export type UiState = SelectionSlice & AppStatusSlice & TableSelectionSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createSelectionSlice(...a),
  ...createAppStatusSlice(...a),
  ...createTableSelectionSlice(...a),
}));

export const useSelectedClaimId = () => useUiStore((s) => s.selectedClaimId);
export const useSelectionOrigin = () => useUiStore((s) => s.selectionOrigin);
export const useClaimSelected = () => useUiStore((s) => s.claimSelected);
export const useSelectionCleared = () => useUiStore((s) => s.selectionCleared);
export const useOfflineReady = () => useUiStore((s) => s.offlineReady);
export const useUpdateReady = () => useUiStore((s) => s.updateReady);
export const useTableSelection = () => useUiStore((s) => s.tableSelection);
export const useTableAnchorId = () => useUiStore((s) => s.tableAnchorId);
export const useTableRowToggled = () => useUiStore((s) => s.tableRowToggled);
export const useTableRangeSelected = () => useUiStore((s) => s.tableRangeSelected);
export const useTableSelectionReplaced = () => useUiStore((s) => s.tableSelectionReplaced);
export const useTableSelectionCleared = () => useUiStore((s) => s.tableSelectionCleared);
