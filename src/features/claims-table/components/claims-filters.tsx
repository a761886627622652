import type { ClaimKind } from '@/core/extract/types';
import type { Speaker, Verdict } from '@/core/model/types';
import { VERDICTS } from '@/core/model/types';
import { formatCheckworthyAtLeast } from '@/core/review/checkworthiness';
import { type ClaimFilters, EMPTY_FILTERS, hasActiveFilters, type SourceFilter } from '@/core/review/filters';
import { CLAIM_KINDS, kindLabel } from '@/core/review/kinds';
import { verdictLabel } from '@/core/review/verdicts';
import { StoredSelect } from '@/ui/stored-select';

type Option = Readonly<{ id: string; label: string }>;
type Props = Readonly<{
  filters: ClaimFilters;
  articles: readonly Option[];
  speakers: readonly Speaker[];
  /** The article and speaker lists are still being read (read once the first rows are in). */
  loading?: boolean;
  /** The filters are being used (focus or pointer): the screen reads the lists now if it has not. */
  onWanted?: () => void;
  onChange: (f: ClaimFilters) => void;
}>;

const ANY = '';
const MIN_SCORES = ['0.3', '0.5', '0.7'];

/** One control per filter; each writes to the URL. A URL may hold several values; the control shows the first. */
export function ClaimsFilters({ filters, articles, speakers, loading = false, onWanted, onChange }: Props) {
  const set = (patch: Partial<ClaimFilters>) => onChange({ ...filters, ...patch });
  const one = <T extends string>(v: string) => (v === ANY ? [] : [v as T]);
  const active = activeCount(filters);
  return (
    <details className="claims-filters-box" open={!narrow()}>
      <summary>Filters{active > 0 && <span className="filter-count"> ({active} on)</span>}</summary>
      <fieldset className="claims-filters" onFocus={onWanted} onPointerDown={onWanted}>
        <legend className="visually-hidden">Filters</legend>
        <Select
          id="filter-article"
          label="Article"
          value={filters.articleIds[0] ?? ANY}
          onChange={(v) => set({ articleIds: one(v) })}
          options={articles.map((a) => ({ value: a.id, label: a.label }))}
          loading={loading}
        />
        <Select
          id="filter-speaker"
          label="Speaker"
          value={filters.speakerIds[0] ?? ANY}
          onChange={(v) => set({ speakerIds: one(v) })}
          options={speakers.map((s) => ({ value: s.id, label: s.name }))}
          loading={loading}
        />
        <Select
          id="filter-verdict"
          label="Verdict"
          value={filters.verdicts[0] ?? ANY}
          onChange={(v) => set({ verdicts: one<Verdict>(v) })}
          options={VERDICTS.map((v) => ({ value: v, label: verdictLabel(v) }))}
        />
        <div className="field">
          <label htmlFor="filter-tag">Tag</label>
          <input
            id="filter-tag"
            type="text"
            defaultValue={filters.tags[0] ?? ''}
            key={filters.tags.join('|')}
            placeholder="Any"
            onBlur={(e) => set({ tags: one(e.target.value.trim()) })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') set({ tags: one(e.currentTarget.value.trim()) });
            }}
          />
        </div>
        <Select
          id="filter-source"
          label="Sources"
          value={filters.source === 'any' ? ANY : filters.source}
          anyLabel="Any"
          onChange={(v) => set({ source: (v || 'any') as SourceFilter })}
          options={[
            { value: 'with', label: 'Has a source' },
            { value: 'without', label: 'No source' },
          ]}
        />
        <Select
          id="filter-kind"
          label="Kind"
          value={filters.kinds[0] ?? ANY}
          onChange={(v) => set({ kinds: one<ClaimKind>(v) })}
          options={CLAIM_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
        <Select
          id="filter-checkworthy"
          label="Check-worthy"
          value={filters.minCheckworthy === null ? ANY : String(filters.minCheckworthy)}
          anyLabel="Any score"
          onChange={(v) => set({ minCheckworthy: v === ANY ? null : Number(v) })}
          options={MIN_SCORES.map((s) => ({ value: s, label: formatCheckworthyAtLeast(Number(s)) }))}
        />
        {hasActiveFilters(filters) && (
          <button
            type="button"
            className="link-button clear-filters"
            onClick={() => onChange({ ...EMPTY_FILTERS, sort: filters.sort, desc: filters.desc })}
          >
            Clear filters
          </button>
        )}
      </fieldset>
    </details>
  );
}

/** Phones start with the filters folded away, so the claims come first. */
const narrow = () => typeof window !== 'undefined' && window.matchMedia('(max-width: 760px)').matches;

const activeCount = (f: ClaimFilters) =>
  [
    f.articleIds.length,
    f.speakerIds.length,
    f.verdicts.length,
    f.tags.length,
    f.kinds.length,
    f.source !== 'any',
    f.minCheckworthy !== null,
  ].filter(Boolean).length;

type SelectProps = Readonly<{
  id: string;
  label: string;
  value: string;
  anyLabel?: string;
  options: readonly { value: string; label: string }[];
  /** The options are still being read: a chosen value is shown as loading, not as unknown. */
  loading?: boolean;
  onChange: (value: string) => void;
}>;

function Select({ id, label, value, anyLabel = 'All', options, loading = false, onChange }: SelectProps) {
  const known = value === ANY || options.some((o) => o.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <StoredSelect<string> id={id} value={value} onCommit={onChange}>
        <option value={ANY}>{anyLabel}</option>
        {!known && <option value={value}>{loading ? 'Loading…' : `(unknown: ${value.slice(0, 12)})`}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </StoredSelect>
    </div>
  );
}
