import {
  type ComponentType,
  type FulfilledReactPromise,
  type PendingReactPromise,
  type RejectedReactPromise,
  Suspense,
  use,
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

/** The screen a chunk exports, rendered at once when the chunk is in, else once it arrives (suspending). */
function ChunkScreen<M>({ chunk, pick }: Readonly<{ chunk: () => Chunk<M>; pick: (m: M) => ComponentType }>) {
  const Screen = pick(use(chunk()));
  return <Screen />;
}

/** A screen from its chunk, with the "Loading…" shown while the chunk is on its way. */
export function lazyScreen<M>(chunk: () => Chunk<M>, pick: (m: M) => ComponentType) {
  return (
    <Suspense
      fallback={
        <p className="route-loading" role="status">
          Loading…
        </p>
      }
    >
      <ChunkScreen chunk={chunk} pick={pick} />
    </Suspense>
  );
}
