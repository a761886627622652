/**
 * Step timings of the compare and profile reads, for `bench/compare` (which sets a recorder) to
 * show where a read's time goes. Without a recorder a step is just its own work.
 */
export type StepRecorder = (step: string, ms: number, rows: number) => void;

let recorder: StepRecorder | null = null;

export function recordReadSteps(next: StepRecorder | null): void {
  recorder = next;
}

/** Runs one step of a read; `rows` says how many rows or keys it read. */
export async function step<T>(name: string, run: () => Promise<T>, rows?: (value: T) => number): Promise<T> {
  if (!recorder) return run();
  const t = performance.now();
  const value = await run();
  recorder(name, performance.now() - t, rows ? rows(value) : Array.isArray(value) ? value.length : 1);
  return value;
}
