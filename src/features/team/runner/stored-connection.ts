/** The team connection this device remembers (localStorage; never a password). */
import type { TeamConnection, TeamSlice } from '@/features/team/team-types';

export const CONNECTION_KEY = 'claimdesk.team.connection';
export const DEVICE_KEY = 'claimdesk.team.device';

function readSlice(value: unknown): TeamSlice | undefined {
  const slice = value as Partial<TeamSlice> | undefined;
  if (!slice || !Array.isArray(slice.articleIds) || typeof slice.label !== 'string') return undefined;
  const strings = (xs: unknown) =>
    Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string') : [];
  const c = slice.criteria as Record<string, unknown> | undefined;
  const criteria =
    c && typeof c === 'object'
      ? Object.fromEntries(
          (['tag', 'publishedFrom', 'publishedTo'] as const).flatMap((k) =>
            typeof c[k] === 'string' ? [[k, c[k]]] : [],
          ),
        )
      : undefined;
  return {
    articleIds: strings(slice.articleIds),
    label: slice.label,
    ...(criteria ? { criteria, excluded: strings(slice.excluded) } : {}),
  };
}

export function readConnection(storage: Pick<Storage, 'getItem'>): TeamConnection | null {
  try {
    const raw = storage.getItem(CONNECTION_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<TeamConnection>;
    if (typeof value.url !== 'string' || typeof value.database !== 'string' || typeof value.name !== 'string')
      return null;
    const role =
      value.role === 'admin' || value.role === 'member' || value.role === 'viewer' ? value.role : undefined;
    const slice = readSlice(value.slice);
    return {
      url: value.url,
      database: value.database,
      name: value.name,
      ...(role ? { role } : {}),
      ...(slice ? { slice } : {}),
    };
  } catch {
    return null;
  }
}
