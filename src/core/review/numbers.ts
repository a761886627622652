type Numbered = Readonly<{ id: string; start: number; createdAt: number }>;

/**
 * Claim numbers that do not shift when a claim is added: claims are numbered in the order they were
 * made (an import makes its claims together, numbered in reading order), so a claim added by hand
 * or split off takes the next number instead of renumbering the claims after it.
 */
export function claimNumbers(claims: readonly Numbered[]): ReadonlyMap<string, number> {
  const order = [...claims].sort((a, b) => a.createdAt - b.createdAt || a.start - b.start);
  return new Map(order.map((c, i) => [c.id, i + 1]));
}
