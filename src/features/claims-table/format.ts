import type { ClaimSort } from '@/core/review/filters';

const numberFormat = new Intl.NumberFormat('en-GB');
export const formatCount = (n: number) => numberFormat.format(n);
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${formatCount(n)} ${n === 1 ? one : many}`;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
/** Today's changes by time, older ones by date. */
export function formatUpdated(at: number, now = Date.now()): string {
  const d = new Date(at);
  return new Date(now).toDateString() === d.toDateString() ? timeFormat.format(d) : dateFormat.format(d);
}

/** The table's columns, in order; `sort` is set on the ones the data can be ordered by. */
export const COLUMNS: readonly { id: string; label: string; sort?: ClaimSort }[] = [
  { id: 'select', label: 'Select' },
  { id: 'text', label: 'Claim' },
  { id: 'speaker', label: 'Speaker', sort: 'speaker' },
  { id: 'article', label: 'Article', sort: 'article' },
  { id: 'kind', label: 'Kind' },
  { id: 'verdict', label: 'Verdict', sort: 'verdict' },
  { id: 'tags', label: 'Tags' },
  { id: 'sources', label: 'Sources' },
  { id: 'checkworthy', label: 'Check-worthy', sort: 'checkworthy' },
  { id: 'updated', label: 'Updated', sort: 'updated' },
];
