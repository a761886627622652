import { Link } from 'react-router';
import { type ClaimFilters, EMPTY_FILTERS } from '@/core/review/filters';

type Props = Readonly<{
  filters: ClaimFilters;
  filtered: boolean;
  libraryHref: string;
  onClear: (f: ClaimFilters) => void;
}>;

/** Nothing to show: says why, and what to do about it. */
export function ClaimsEmpty({ filters, filtered, libraryHref, onClear }: Props) {
  return (
    <div className="claims-empty">
      {filtered ? (
        <>
          <p>No claim matches these filters{filters.q ? ` and the search “${filters.q}”` : ''}.</p>
          <p>
            Try fewer filters, or{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onClear({ ...EMPTY_FILTERS, sort: filters.sort, desc: filters.desc })}
            >
              clear them all
            </button>
            .
          </p>
        </>
      ) : (
        <>
          <p>No claims yet.</p>
          <p>
            Import an article in the <Link to={libraryHref}>Library</Link>; its claims appear here, across
            every article.
          </p>
        </>
      )}
    </div>
  );
}
