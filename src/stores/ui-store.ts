import { create } from 'zustand';
import { type AppStatusSlice, createAppStatusSlice } from './app-status-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

/** UI-only state, as ids and flags; never rows from the database. */
export type UiState = SelectionSlice & AppStatusSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createSelectionSlice(...a),
  ...createAppStatusSlice(...a),
}));

export const useSelectedClaimId = () => useUiStore((s) => s.selectedClaimId);
export const useSelectionOrigin = () => useUiStore((s) => s.selectionOrigin);
export const useClaimSelected = () => useUiStore((s) => s.claimSelected);
export const useSelectionCleared = () => useUiStore((s) => s.selectionCleared);
export const useOfflineReady = () => useUiStore((s) => s.offlineReady);
export const useUpdateReady = () => useUiStore((s) => s.updateReady);
