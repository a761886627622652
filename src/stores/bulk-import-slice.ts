import type { StateCreator } from 'zustand';
import type { UiState } from '@/stores/ui-store';

/**
 * Whether a bulk import is writing batches: the freshness bridge then gathers the queries they make
 * out of date and invalidates them once per window (the import's own progress bar gives the counts
 * meanwhile).
 */
export type BulkImportSlice = {
  bulkImportRunning: boolean;
  bulkImportRunningChanged: (running: boolean) => void;
};

export const createBulkImportSlice: StateCreator<UiState, [], [], BulkImportSlice> = (set) => ({
  bulkImportRunning: false,
  bulkImportRunningChanged: (running) => set({ bulkImportRunning: running }),
});
