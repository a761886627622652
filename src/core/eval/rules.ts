/**
 * Precision and recall per attribution rule: each predicted claim carries the rule that found it, and the
 * overlap protocol's greedy one-to-one matching says which claims found a gold claim (with the right speaker or
 * not). Per fixture and summed, so a regression can name the rule and the fixture that moved.
 */
import type { Extraction } from '../extract/types';
import { matchGold, type OverlapGold, scoredClaims } from './score';

export type RuleCount = Readonly<{ pred: number; matched: number }>;
export type RuleCounts = Readonly<Record<string, RuleCount>>;

/** Claims per rule and how many of them matched a gold claim (same matching as `overlapCounts`). */
export function ruleCounts(gold: readonly OverlapGold[], extraction: Extraction): RuleCounts {
  const P = scoredClaims(extraction);
  const used = new Set(matchGold(gold, P).flatMap((m) => (m ? [m.index] : [])));
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
