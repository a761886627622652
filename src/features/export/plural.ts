/** "1 claim", "2 claims", "1,200 rows": a count with its noun, in the export and backup messages. */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString()} ${n === 1 ? one : many}`;
