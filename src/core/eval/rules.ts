/**
 * Precision and recall per attribution rule: each predicted claim carries the rule that found it, and the
 * overlap protocol's greedy one-to-one matching says which claims found a gold claim (with the right speaker or
 * not). Per fixture and summed, so a regression can name the rule and the fixture that moved.
 */
import type { Extraction } from '../extract/types';
import { type OverlapGold, overlapLength, scoredClaims } from './score';

export type RuleCount = Readonly<{ pred: number; matched: number }>;
export type RuleCounts = Readonly<Record<string, RuleCount>>;

/** Claims per rule and how many of them matched a gold claim (same matching as `overlapCounts`). */
export function ruleCounts(gold: readonly OverlapGold[], extraction: Extraction): RuleCounts {
  const P = scoredClaims(extraction);
  const used = new Set<number>();
  for (const g of gold) {
    const gs = g.spans?.length ? g.spans : [[g.start, g.end] as const];
    const gl = gs.reduce((n, [a, b]) => n + (b - a), 0);
    let best = -1;
    let bestOv = 0;
    P.forEach((c, i) => {
      if (used.has(i)) return;
      const ov = gs.reduce((n, [a, b]) => n + overlapLength(a, b, c.start, c.end), 0) / gl;
      if (ov > bestOv) {
        bestOv = ov;
        best = i;
      }
    });
    if (best >= 0 && bestOv >= 0.3) used.add(best);
  }
  const out: Record<string, { pred: number; matched: number }> = {};
  P.forEach((c, i) => {
    const key = c.rule ?? 'unknown';
    const r = out[key] ?? { pred: 0, matched: 0 };
    out[key] = r;
    r.pred++;
    if (used.has(i)) r.matched++;
  });
  return out;
}

export function addRuleCounts(a: RuleCounts, b: RuleCounts): RuleCounts {
  const out: Record<string, { pred: number; matched: number }> = {};
  for (const [rule, v] of [...Object.entries(a), ...Object.entries(b)]) {
    const r = out[rule] ?? { pred: 0, matched: 0 };
    out[rule] = r;
    r.pred += v.pred;
    r.matched += v.matched;
  }
  return out;
}

/** One line per rule: claims, matched, precision, and its share of all gold claims found (recall). */
export function formatRuleTable(counts: RuleCounts, gold: number): string {
  const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '-');
  const rows = Object.entries(counts).sort((a, b) => b[1].pred - a[1].pred);
  return [
    `${'rule'.padEnd(26)} ${'pred'.padStart(5)} ${'match'.padStart(5)} ${'P'.padStart(6)} ${'R'.padStart(6)}`,
    ...rows.map(
      ([rule, v]) =>
        `${rule.padEnd(26)} ${String(v.pred).padStart(5)} ${String(v.matched).padStart(5)} ${pct(v.matched / v.pred).padStart(6)} ${pct(v.matched / gold).padStart(6)}`,
    ),
  ].join('\n');
}

export type RuleSnapshot = Readonly<Record<string, RuleCounts>>;

/** Which fixture and rule moved down since the snapshot: fewer matches, or more claims that match nothing. */
export function ruleRegressions(current: RuleSnapshot, snapshot: RuleSnapshot): string[] {
  const out: string[] = [];
  for (const [slug, rules] of Object.entries(snapshot)) {
    const now = current[slug] ?? {};
    for (const rule of new Set([...Object.keys(rules), ...Object.keys(now)])) {
      const was = rules[rule] ?? { pred: 0, matched: 0 };
      const is = now[rule] ?? { pred: 0, matched: 0 };
      if (is.matched < was.matched)
        out.push(`${slug}: rule ${rule} found ${was.matched} → ${is.matched} gold claims`);
      if (is.pred - is.matched > was.pred - was.matched)
        out.push(
          `${slug}: rule ${rule} made ${was.pred - was.matched} → ${is.pred - is.matched} unmatched claims`,
        );
    }
  }
  return out;
}
