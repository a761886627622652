import type { ClaimFilters } from '../review/filter-defaults';
import { kindLabel } from '../review/kinds';
import { verdictLabel } from '../review/verdicts';

/** How a filter's speakers and articles are named (their ids stay out of a heading). */
export type FilterNames = Readonly<{
  speaker: (id: string) => string | undefined;
  article: (id: string) => string | undefined;
}>;

/** Names past this many are counted ("and 3 more"), so a heading and a file name stay short. */
const SHOWN = 3;

function listed(values: readonly string[]): string {
  const shown = values.slice(0, SHOWN).join(' or ');
  return values.length > SHOWN ? `${shown} and ${values.length - SHOWN} more` : shown;
}

/**
 * The heading of an export of a filtered view: what the filter keeps, in the Claims screen's words
 * ("Claims: verdict False, tag crime"); `base` alone when nothing is filtered. The sort is not a filter.
 */
export function filterTitle(filters: Partial<ClaimFilters>, names: FilterNames, base = 'Claims'): string {
  const parts: string[] = [];
  const q = filters.q?.trim();
  if (q) parts.push(`search “${q}”`);
  if (filters.verdicts?.length) parts.push(`verdict ${listed(filters.verdicts.map(verdictLabel))}`);
  if (filters.tags?.length)
    parts.push(`${filters.tags.length > 1 ? 'tags' : 'tag'} ${filters.tags.join(' and ')}`);
  if (filters.speakerIds?.length)
    parts.push(`speaker ${listed(filters.speakerIds.map((id) => names.speaker(id) ?? 'unknown speaker'))}`);
  if (filters.articleIds?.length)
    parts.push(`article ${listed(filters.articleIds.map((id) => names.article(id) ?? 'unknown article'))}`);
  if (filters.kinds?.length) parts.push(`kind ${listed(filters.kinds.map(kindLabel))}`);
  if (filters.source === 'with') parts.push('with a source');
  if (filters.source === 'without') parts.push('without a source');
  if (filters.minCheckworthy !== null && filters.minCheckworthy !== undefined)
    parts.push(`check-worthiness at least ${filters.minCheckworthy}`);
  return parts.length ? `${base}: ${parts.join(', ')}` : base;
}
