import type { StateCreator } from 'zustand';
import type { UiState } from '@/stores/ui-store';

/** The service worker's news: whether the app shell is cached, and whether a newer one waits. */
export type AppStatusSlice = {
  offlineReady: boolean;
  updateReady: boolean;
  appCachedForOffline: () => void;
  appUpdateFound: () => void;
};

export const createAppStatusSlice: StateCreator<UiState, [], [], AppStatusSlice> = (set) => ({
  offlineReady: false,
  updateReady: false,
  appCachedForOffline: () => set({ offlineReady: true }),
  appUpdateFound: () => set({ updateReady: true }),
});
