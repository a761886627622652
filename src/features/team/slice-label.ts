import type { SliceCriteria } from '@/features/team/team-types';

/** How a slice was chosen, in words: "tag “budget”, published 2026-03-01 to 2026-03-31". */
export function sliceLabel(criteria: SliceCriteria, hand: boolean): string {
  const parts: string[] = [];
  const tag = criteria.tag?.trim();
  if (tag) parts.push(`tag “${tag}”`);
  const { publishedFrom: from, publishedTo: to } = criteria;
  if (from && to) parts.push(`published ${from} to ${to}`);
  else if (from) parts.push(`published from ${from}`);
  else if (to) parts.push(`published up to ${to}`);
  const found = parts.length > 0 ? parts.join(', ') : 'all articles';
  return hand ? `chosen by hand from ${found}` : found;
}

/** A date range the server can use, or why not. */
export function dateProblem(from: string, to: string): string | null {
  if (from && to && from > to) return 'The start date is after the end date.';
  return null;
}
