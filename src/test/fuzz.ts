/** How many runs a property test makes: a few in `npm test`, many in `npm run fuzz` (FUZZ_RUNS). */
export function fuzzRuns(fast: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fast;
}

/** For slow properties: the fuzz count divided by `share` (at least `fast`). */
export function fuzzRunsScaled(fast: number, share: number): number {
  return Math.max(fast, Math.round(fuzzRuns(fast) / share));
}

/** A test timeout that grows with the fuzz count (the fast count fits well inside it). */
export const fuzzTimeout = (): number => (process.env.FUZZ_RUNS ? 1_800_000 : 120_000);
