import { type CSSProperties, memo, useEffect, useRef } from 'react';
import { useSelectedClaim } from '@/stores/selected-claim';
import type { Swatch } from '@/ui/palette';
import type { Run } from '../highlight-runs';

export type ClaimLook = Readonly<{ swatch: Swatch; speaker: string; kind: string }>;

type Props = Readonly<{ runs: readonly Run[]; looks: ReadonlyMap<string, ClaimLook> }>;

/** The verbatim article: plain React text, claims as highlighted spans in their speaker's colour. */
export function ArticleText({ runs, looks }: Props) {
  const { claimId: selected, origin, select } = useSelectedClaim();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selected || origin === 'text') return;
    ref.current
      ?.querySelector(`.claim-mark[data-claim-id="${CSS.escape(selected)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected, origin]);

  return (
    <div ref={ref} className="article-text">
      {runs.map((run) => {
        if (!run.claimId) {
          return run.boilerplate ? (
            <span key={run.start} className="boilerplate">
              {run.text}
            </span>
          ) : (
            run.text
          );
        }
        const id = run.claimId;
        return (
          <ClaimMark
            key={run.start}
            run={run}
            id={id}
            look={looks.get(id)}
            selected={selected === id}
            onSelect={select}
          />
        );
      })}
    </div>
  );
}

type MarkProps = Readonly<{
  run: Run;
  id: string;
  look: ClaimLook | undefined;
  selected: boolean;
  onSelect: (id: string, origin: 'text') => void;
}>;

/** One highlighted run; memoised, so a new selection re-renders two claims, not the whole article. */
const ClaimMark = memo(function ClaimMark({ run, id, look, selected, onSelect }: MarkProps) {
  const style = look
    ? ({ '--hl-bg': look.swatch.background, '--hl-border': look.swatch.border } as CSSProperties)
    : undefined;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <button> cannot hold text that wraps across lines like prose.
    <span
      role="button"
      tabIndex={run.claimStart ? 0 : -1}
      aria-pressed={selected}
      aria-label={look ? `${look.speaker}, ${look.kind}: ${run.text}` : undefined}
      title={look ? `${look.speaker} · ${look.kind}` : undefined}
      className={`claim-mark${run.boilerplate ? ' boilerplate' : ''}`}
      data-claim-id={id}
      data-selected={selected || undefined}
      style={style}
      onClick={() => onSelect(id, 'text')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(id, 'text');
        }
      }}
    >
      {run.text}
    </span>
  );
});
