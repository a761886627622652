import { useMemo, useRef } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: any function's parameters, forwarded as they are.
type Handlers = Record<string, (...args: any[]) => unknown>;

/**
 * The same functions on every render, each calling the latest one given: a memoised child that takes
 * them (the claim panel) renders again only when its data changes, not whenever its parent does.
 * Call them from events and effects, not while rendering.
 */
export function useStableHandlers<T extends Handlers>(handlers: T): T {
  const latest = useRef(handlers);
  latest.current = handlers;
  // biome-ignore lint/correctness/useExhaustiveDependencies: made once; the names do not change.
  return useMemo(
    () =>
      Object.fromEntries(
        Object.keys(handlers).map((name) => [name, (...args: unknown[]) => latest.current[name]?.(...args)]),
      ) as T,
    [],
  );
}
