import type { Line } from '../text/lines';

const TURN = /^(\p{Lu}[\p{Lu} .’'-]*?)(?:\s*,[^:]{0,40}|\s*\([^)]{0,40}\))?:\s+(\S.*)$/su;

/**
 * The surname of a transcript's unlabelled host ("DEV SHARMA: …" with no ", HOST" and no cast line): the speaker of
 * the first turn, when at least two of their turns and at least half hold a question, and nobody asks more.
 */
export function transcriptHost(lines: readonly Line[]): string | null {
  const asks = new Map<string, { turns: number; questions: number }>();
  let first: string | null = null;
  for (const l of lines) {
    const m = TURN.exec(l.text);
    if (!m) continue;
    const key = m[1]!.trim().split(/\s+/).at(-1)!;
    first ??= key;
    const a = asks.get(key) ?? { turns: 0, questions: 0 };
    a.turns++;
    if (m[2]!.includes('?')) a.questions++;
    asks.set(key, a);
  }
  const host = first ? asks.get(first) : undefined;
  if (!first || !host || host.questions < 2 || host.questions * 2 < host.turns) return null;
  return [...asks].every(([k, a]) => k === first || a.questions < host.questions) ? first : null;
}
