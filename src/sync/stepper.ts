import type { SyncTrace } from './types';

/** A clock for `trace`: each call tells it the time since the previous one under `name` (nothing without a trace). */
export function stepper(trace: SyncTrace | undefined): (name: string) => void {
  let mark = performance.now();
  return (name: string) => {
    if (!trace) return;
    const t = performance.now();
    trace(name, t - mark);
    mark = t;
  };
}
