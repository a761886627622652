import { useUiStore } from '@/stores/ui-store';

export type CanWrite = Readonly<{ canWrite: true; reason: null } | { canWrite: false; reason: string }>;

const WRITER: CanWrite = { canWrite: true, reason: null };
export const VIEWER_REASON =
  'You are a viewer on this team: you can read everything, but only members and admins can change it.';
const VIEWER: CanWrite = { canWrite: false, reason: VIEWER_REASON };

/**
 * The one place that decides whether this person may change the library: a team viewer may not
 * (the team's server refuses their writes too). Without a team, everything can be written.
 * Every write action (verdict, sources, tags, corrections, import, bulk actions) asks this hook.
 */
export function useCanWrite(): CanWrite {
  return useUiStore((s) => (s.teamRole === 'viewer' ? VIEWER : WRITER));
}

/** The same answer outside React (keyboard shortcuts, handlers that run later). */
export const canWriteNow = (): CanWrite => (useUiStore.getState().teamRole === 'viewer' ? VIEWER : WRITER);
