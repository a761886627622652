import { create } from 'zustand';
import { type AppStatusSlice, createAppStatusSlice } from '@/stores/app-status-slice';
import { type BulkImportSlice, createBulkImportSlice } from '@/stores/bulk-import-slice';
import { createTableSelectionSlice, type TableSelectionSlice } from '@/stores/table-selection-slice';
import { createTeamSlice, type TeamSlice } from '@/stores/team-slice';

/**
 * UI-only state, as ids and flags; never rows from the database. The open claim is not here: it
 * lives in the URL (`selected-claim.ts`).
 */
export type UiState = AppStatusSlice & TableSelectionSlice & TeamSlice & BulkImportSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createAppStatusSlice(...a),
  ...createTableSelectionSlice(...a),
  ...createTeamSlice(...a),
  ...createBulkImportSlice(...a),
}));

export const useOfflineReady = () => useUiStore((s) => s.offlineReady);
export const useUpdateReady = () => useUiStore((s) => s.updateReady);
export const useTableSelection = () => useUiStore((s) => s.tableSelection);
export const useTableAnchorId = () => useUiStore((s) => s.tableAnchorId);
export const useTableRowToggled = () => useUiStore((s) => s.tableRowToggled);
export const useTableRangeSelected = () => useUiStore((s) => s.tableRangeSelected);
export const useTableSelectionReplaced = () => useUiStore((s) => s.tableSelectionReplaced);
export const useTableSelectionCleared = () => useUiStore((s) => s.tableSelectionCleared);
export const useTeamCatchingUp = () => useUiStore((s) => s.teamCatchingUp);
