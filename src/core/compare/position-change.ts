import type { Stance } from '../model/types';
import { combinedStance } from './types';

export type StanceEvent = Readonly<{
  questionId: string;
  speakerId: string;
  claimId: string;
  stance: Stance;
  /** YYYY-MM-DD (a longer ISO date is cut to its day); undated claims cannot show a change. */
  date: string | null;
}>;

export type StanceAt = Readonly<{ stance: Stance; date: string; claimIds: readonly string[] }>;

export type PositionChange = Readonly<{
  speakerId: string;
  questionId: string;
  from: StanceAt;
  to: StanceAt;
  /** for ↔ against, the change a reader most needs to see */
  reversal: boolean;
}>;

/**
 * Where one speaker took different stances on one question on different days. Claims of the same
 * day count together (several stances that day make it "mixed"); each change from one day's
 * stance to the next dated day's different stance is reported, oldest first.
 */
export function detectPositionChanges(events: readonly StanceEvent[]): PositionChange[] {
  const byPair = new Map<string, StanceEvent[]>();
  for (const e of events) {
    if (e.date === null || !/^\d{4}-\d{2}-\d{2}/.test(e.date)) continue;
    const key = JSON.stringify([e.speakerId, e.questionId]);
    byPair.set(key, [...(byPair.get(key) ?? []), e]);
  }
  const changes: PositionChange[] = [];
  for (const list of byPair.values()) {
    const byDay = new Map<string, StanceEvent[]>();
    for (const e of list) {
      const day = e.date!.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), e]);
    }
    const days: StanceAt[] = [...byDay]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, es]) => ({
        date,
        stance: combinedStance(es.map((e) => e.stance))!,
        claimIds: es.map((e) => e.claimId).sort(),
      }));
    for (let i = 1; i < days.length; i++) {
      const [from, to] = [days[i - 1]!, days[i]!];
      if (from.stance === to.stance) continue;
      const pair = new Set([from.stance, to.stance]);
      changes.push({
        speakerId: list[0]!.speakerId,
        questionId: list[0]!.questionId,
        from,
        to,
        reversal: pair.has('for') && pair.has('against'),
      });
    }
  }
  return changes.sort((a, b) => a.to.date.localeCompare(b.to.date) || a.speakerId.localeCompare(b.speakerId));
}
