/** Fields that change on every write and say nothing about what the user changed. */
const IGNORED = new Set(['updatedAt']);

export type RowDiff = Readonly<{ from: Record<string, unknown>; to: Record<string, unknown> }>;

export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/**
 * The fields `patch` would change in `before`: their old values in `from`, new ones in `to`
 * (a field absent before is `undefined` in `from`). Null when nothing changes. Enough to undo and redo.
 */
export function diffRow(
  before: Readonly<Record<string, unknown>>,
  patch: Readonly<Record<string, unknown>>,
): RowDiff | null {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (IGNORED.has(key) || value === undefined) continue;
    if (sameValue(before[key], value)) continue;
    from[key] = before[key];
    to[key] = value;
    changed = true;
  }
  return changed ? { from, to } : null;
}
