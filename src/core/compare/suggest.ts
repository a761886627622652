import { type Term, type TermKind, termsOf } from './terms';
import { sameWording, wordingFor } from './wording';

export type SuggestClaim = Readonly<{ id: string; speakerId: string | null; text: string }>;

export type QuestionSuggestion = Readonly<{
  /** Stable for the same claims, so a rejection can be remembered. */
  id: string;
  claimIds: readonly string[];
  speakerIds: readonly string[];
  /** The terms the group's speakers share, most telling first (as written). */
  terms: readonly string[];
  wording: string;
  /** How strongly the claims hang together (mean similarity across speakers), 0..1. */
  score: number;
}>;

export type SuggestOptions = Readonly<{
  /** Smallest average similarity at which two groups join (cosine of TF-IDF vectors). */
  threshold?: number;
  /** At most this many claims are compared (the cost grows with the cube of it). */
  maxClaims?: number;
  /** At most this many suggestions, best first. */
  limit?: number;
}>;

// Names and numbers say more about the matter than a common word does; phrases more than words.
const KIND_WEIGHT: Readonly<Record<TermKind, number>> = { entity: 1.4, number: 1.6, phrase: 1.3, word: 1 };

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector, normA: number, normB: number): number {
  if (normA === 0 || normB === 0) return 0;
  let dot = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const [k, w] of small) {
    const v = large.get(k);
    if (v !== undefined) dot += w * v;
  }
  return dot / (normA * normB);
}

function hashIds(ids: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of ids.join('\u0000')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `sg-${h.toString(36)}-${ids.length}`;
}

const containsWords = (outer: string, inner: string) =>
  ` ${outer.toLowerCase()} `.includes(` ${inner.toLowerCase()} `);

/** "child sexual" and "sexual exploitation" → "child sexual exploitation". */
function joinOverlaps(phrases: readonly string[]): string[] {
  const out = [...phrases];
  for (let i = 0; i < out.length; i++)
    for (let j = 0; j < out.length; j++) {
      if (i === j) continue;
      const a = out[i]!.split(' ');
      const b = out[j]!.split(' ');
      if (a.length > 1 && b.length > 1 && a.at(-1)!.toLowerCase() === b[0]!.toLowerCase()) {
        out[i] = [...a, ...b.slice(1)].join(' ');
        out.splice(j, 1);
        i = -1;
        break;
      }
    }
  return out;
}

type Similarities = Readonly<{
  vectors: readonly Vector[];
  idf: (key: string) => number;
  /** Each term's kind and the way it is most often written (the longer on a tie). */
  surfaces: ReadonlyMap<string, Term>;
  /** Pairwise cosine similarity of the texts' TF-IDF vectors. */
  sim: readonly (readonly number[])[];
}>;

/** TF-IDF vectors of texts' terms (smoothed idf, weighted by kind) and their pairwise similarity. */
export function similarities(texts: readonly string[]): Similarities {
  const n = texts.length;
  const termLists = texts.map(termsOf);
  const df = new Map<string, number>();
  const surfaces = new Map<string, Term>();
  const surfaceCounts = new Map<string, Map<string, number>>();
  for (const terms of termLists)
    for (const t of terms) {
      df.set(t.key, (df.get(t.key) ?? 0) + 1);
      const counts = surfaceCounts.get(t.key) ?? new Map<string, number>();
      counts.set(t.surface, (counts.get(t.surface) ?? 0) + 1);
      surfaceCounts.set(t.key, counts);
      const known = surfaces.get(t.key);
      const [c, k] = [counts.get(t.surface)!, known ? counts.get(known.surface)! : 0];
      if (!known || c > k || (c === k && t.surface.length > known.surface.length)) surfaces.set(t.key, t);
    }
  const idf = (key: string) => Math.log(1 + n / (df.get(key) ?? n));
  const vectors = termLists.map((terms) => {
    const v: Vector = new Map();
    // a term in one text links it to nothing; left in, it only dilutes the similarity (min df 2)
    for (const t of terms) if (df.get(t.key)! >= 2) v.set(t.key, idf(t.key) * KIND_WEIGHT[t.kind]);
    return v;
  });
  const norms = vectors.map((v) => Math.sqrt([...v.values()].reduce((s, w) => s + w * w, 0)));
  const sim = vectors.map((a, i) =>
    vectors.map((b, j) => (i === j ? 1 : cosine(a, b, norms[i]!, norms[j]!))),
  );
  return { vectors, idf, surfaces, sim };
}

/**
 * Groups claims of different speakers that share key terms, names or numbers: each claim becomes a
 * TF-IDF vector of its terms (`termsOf`), and groups are joined bottom-up while their average
 * pairwise cosine similarity stays at or above `threshold` (average linkage, so one shared word
 * does not chain unrelated claims together). Groups with claims of at least two speakers are
 * offered, each with the terms its speakers share and a question worded from them.
 */
export function suggestQuestions(
  claims: readonly SuggestClaim[],
  { threshold = 0.2, maxClaims = 400, limit = 20 }: SuggestOptions = {},
): QuestionSuggestion[] {
  const items = claims.filter((c) => c.speakerId !== null).slice(0, maxClaims);
  if (items.length < 2) return [];
  const { vectors, idf, surfaces, sim } = similarities(items.map((c) => c.text));
  // Average linkage over pairs of claims by different speakers only: a speaker's own claims are
  // alike in wording, and letting that count would group one speaker's claims with each other.
  const speakerOf = (i: number) => items[i]!.speakerId;
  let clusters: number[][] = items.map((_, i) => [i]);
  const crossSum = sim.map((row, i) => row.map((v, j) => (speakerOf(i) !== speakerOf(j) ? v : 0)));
  const crossCount = items.map((_, i) => items.map((__, j) => (speakerOf(i) !== speakerOf(j) ? 1 : 0)));
  for (;;) {
    let best = Number.NEGATIVE_INFINITY;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < clusters.length; i++)
      for (let j = i + 1; j < clusters.length; j++) {
        const count = crossCount[i]![j]!;
        if (count === 0) continue;
        const avg = crossSum[i]![j]! / count;
        if (avg > best) [best, bi, bj] = [avg, i, j];
      }
    if (bi < 0 || best < threshold) break;
    for (const m of [crossSum, crossCount]) {
      for (let k = 0; k < clusters.length; k++) {
        const v = m[bi]![k]! + m[bj]![k]!;
        m[bi]![k] = v;
        m[k]![bi] = v;
      }
      m.splice(bj, 1);
      for (const row of m) row.splice(bj, 1);
    }
    // pairs inside the merged cluster no longer link it to anything
    crossSum[bi]![bi] = 0;
    crossCount[bi]![bi] = 0;
    clusters[bi] = [...clusters[bi]!, ...clusters[bj]!];
    clusters = clusters.filter((_, k) => k !== bj);
  }

  const out: QuestionSuggestion[] = [];
  for (const members of clusters) {
    const speakers = [...new Set(members.map((i) => items[i]!.speakerId!))];
    if (speakers.length < 2) continue;
    let cross = 0;
    let pairs = 0;
    for (const a of members)
      for (const b of members)
        if (a < b && items[a]!.speakerId !== items[b]!.speakerId) {
          cross += sim[a]![b]!;
          pairs++;
        }
    const terms = sharedTerms(members.map((i) => ({ speakerId: items[i]!.speakerId!, vector: vectors[i]! })));
    // a group whose speakers share only an adjective or a verb ("suspicious") is no question
    const wording = wordingFor(
      terms,
      members.map((i) => items[i]!.text),
    );
    if (wording === null) continue;
    const claimIds = members.map((i) => items[i]!.id).sort();
    out.push({
      id: hashIds(claimIds),
      claimIds: members.map((i) => items[i]!.id),
      speakerIds: speakers,
      terms,
      wording,
      score: pairs === 0 ? 0 : cross / pairs,
    });
  }
  // two groups worded alike read as one question offered twice: the better one is offered
  const ranked = out.sort((a, b) => b.speakerIds.length - a.speakerIds.length || b.score - a.score);
  return ranked
    .filter((s, k) => !ranked.slice(0, k).some((t) => sameWording(s.wording, t.wording)))
    .slice(0, limit);

  function sharedTerms(members: readonly { speakerId: string; vector: Vector }[]): string[] {
    const bySpeakers = new Map<string, Set<string>>();
    const byClaims = new Map<string, number>();
    for (const m of members)
      for (const key of m.vector.keys()) {
        const set = bySpeakers.get(key) ?? new Set<string>();
        set.add(m.speakerId);
        bySpeakers.set(key, set);
        byClaims.set(key, (byClaims.get(key) ?? 0) + 1);
      }
    const ranked = [...bySpeakers]
      .filter(([, set]) => set.size >= 2)
      .map(([key, set]) => ({
        key,
        score: set.size * byClaims.get(key)! * idf(key) * KIND_WEIGHT[surfaces.get(key)!.kind],
      }))
      .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
    const chosen: string[] = [];
    for (const { key } of ranked) {
      const surface = surfaces.get(key)!.surface;
      if (chosen.some((c) => containsWords(c, surface))) continue;
      // a phrase or longer name replaces the single words it contains
      for (let i = chosen.length - 1; i >= 0; i--)
        if (containsWords(surface, chosen[i]!)) chosen.splice(i, 1);
      chosen.push(surface);
      if (chosen.length >= 5) break;
    }
    return joinOverlaps(chosen);
  }
}
