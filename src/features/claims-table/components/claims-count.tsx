import { SEARCH_LIMIT } from '@/db/claim-list';
import { formatCount, plural } from '@/features/claims-table/format';

type Props = Readonly<{ pending: boolean; count: number; selected: number; searching: boolean }>;

/** "1,234 claims · 12 selected" (a search shows its best matches, up to the search limit). */
export function ClaimsCount({ pending, count, selected, searching }: Props) {
  return (
    <p className="claims-count" aria-live="polite">
      {pending ? (
        'Counting…'
      ) : (
        <>
          {searching && count >= SEARCH_LIMIT ? `${formatCount(count)} best matches` : plural(count, 'claim')}
          {selected > 0 && <> · {formatCount(selected)} selected</>}
        </>
      )}
    </p>
  );
}
