import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** Where a selection came from, so each view knows whether to move focus or only scroll. */
export type SelectionOrigin = 'text' | 'list' | 'keyboard';

export type SelectionSlice = {
  selectedClaimId: string | null;
  selectionOrigin: SelectionOrigin | null;
  claimSelected: (id: string, origin: SelectionOrigin) => void;
  selectionCleared: () => void;
};

export const createSelectionSlice: StateCreator<UiState, [], [], SelectionSlice> = (set) => ({
  selectedClaimId: null,
  selectionOrigin: null,
  claimSelected: (id, origin) => set({ selectedClaimId: id, selectionOrigin: origin }),
  selectionCleared: () => set({ selectedClaimId: null, selectionOrigin: null }),
});
