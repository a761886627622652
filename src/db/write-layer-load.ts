export type WriteLayer = typeof import('./write-layer');

let layer: WriteLayer | undefined;
let loading: Promise<WriteLayer> | undefined;

/** Loads the write layer once (again after a failed load, e.g. a chunk the network lost). */
export function loadWriteLayer(): Promise<WriteLayer> {
  loading ??= import('./write-layer').then(
    (m) => (layer = m),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** For a bundle that holds the write layer anyway (a worker's): its databases open without waiting for a load. */
export function provideWriteLayer(provided: WriteLayer): void {
  layer = provided;
  loading ??= Promise.resolve(provided);
}

/** The write layer if it is loaded or provided. */
export const providedWriteLayer = (): WriteLayer | undefined => layer;

/** The loaded write layer, for the schema's upgrade steps (which run only in an open, after the load). */
export function loadedWriteLayer(): WriteLayer {
  if (!layer)
    throw new Error('The database write layer is not loaded: open the database after loadWriteLayer().');
  return layer;
}
