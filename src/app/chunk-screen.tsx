import {
  type ComponentType,
  type FulfilledReactPromise,
  type PendingReactPromise,
  type RejectedReactPromise,
  useEffect,
  useReducer,
} from 'react';

/**
 * A screen's chunk, imported once. Its promise carries its outcome once settled (`status` and
 * `value`, as React's `use` reads them), so a screen whose chunk is already in (the idle prefetch,
 * a link's hover) renders in the navigation's own pass. `lazy` suspends on its first render in a
 * page even then (an import of a loaded module still answers a task later): the route's fallback
 * showed, and React then held the screen back for its 300 ms reveal throttle before it mounted and
 * asked for its data.
 */
export type Chunk<M> = PendingReactPromise<M> | FulfilledReactPromise<M> | RejectedReactPromise<M>;

export function chunkOf<M>(load: () => Promise<M>): () => Chunk<M> {
  let chunk: Chunk<M> | null = null;
  return () => {
    if (chunk) return chunk;
    const loading = Object.assign(load(), { status: 'pending' as const });
    const settled = loading as unknown as Record<string, unknown>;
    loading.then(
      (value) => Object.assign(settled, { status: 'fulfilled', value }),
      (reason: unknown) => Object.assign(settled, { status: 'rejected', reason }),
    );
    chunk = loading;
    return loading;
  };
}

/** The screen a chunk exports, rendered at once when the chunk is in, else the "Loading…" until it arrives (`useChunk`). */
function ChunkScreen<M>({ chunk, pick }: Readonly<{ chunk: () => Chunk<M>; pick: (m: M) => ComponentType }>) {
  const module = useChunk(chunk());
  if (!module) return <RouteLoading />;
  const Screen = pick(module);
  return <Screen />;
}

/** A screen from its chunk, with the "Loading…" shown while the chunk is on its way (`useChunk`: no Suspense). */
export function lazyScreen<M>(chunk: () => Chunk<M>, pick: (m: M) => ComponentType) {
  return <ChunkScreen chunk={chunk} pick={pick} />;
}

/**
 * The chunk's module once it is in, else null (the caller shows its own "Loading…"), rendering again
 * when it arrives. No Suspense: a screen revealed after a fallback waits for React's reveal throttle
 * (300 ms after the fallback showed), so a navigation made before the idle prefetch had the chunk
 * in (a click right after the Library's first rows) showed its screen ~300 ms after the fallback
 * whatever its reads took.
 */
export function useChunk<M>(chunk: Chunk<M>): M | null {
  const [, arrived] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (chunk.status !== 'pending') return;
    let live = true;
    const again = () => {
      if (live) arrived();
    };
    chunk.then(again, again);
    return () => {
      live = false;
    };
  }, [chunk]);
  if (chunk.status === 'fulfilled') return chunk.value;
  if (chunk.status === 'rejected') throw chunk.reason;
  return null;
}

/** The same "Loading…" as `lazyScreen`'s, for a screen read with `useChunk`. */
export const RouteLoading = () => (
  <p className="route-loading" role="status">
    Loading…
  </p>
);
