import type { StateCreator } from 'zustand';
import type { UiState } from '@/stores/ui-store';

export type TeamRoleFlag = 'admin' | 'member' | 'viewer';

/**
 * What team sync tells the screens: the role the team's server gives this person (null: no team,
 * or not known yet, and everything can be written) and whether a catch-up is under way.
 */
export type TeamSlice = {
  teamRole: TeamRoleFlag | null;
  teamCatchingUp: boolean;
  teamRoleReported: (role: TeamRoleFlag | null) => void;
  teamCatchUpChanged: (catchingUp: boolean) => void;
};

export const createTeamSlice: StateCreator<UiState, [], [], TeamSlice> = (set) => ({
  teamRole: null,
  teamCatchingUp: false,
  teamRoleReported: (role) => set({ teamRole: role }),
  teamCatchUpChanged: (catchingUp) => set({ teamCatchingUp: catchingUp }),
});
