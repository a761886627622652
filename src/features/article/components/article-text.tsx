import { type CSSProperties, type KeyboardEvent, useEffect, useRef } from 'react';
import { useClaimSelected, useSelectedClaimId, useSelectionOrigin } from '@/stores/ui-store';
import type { Swatch } from '@/ui/palette';
import type { Run } from '../highlight-runs';

export type ClaimLook = Readonly<{ swatch: Swatch; speaker: string; kind: string }>;

type Props = Readonly<{ runs: readonly Run[]; looks: ReadonlyMap<string, ClaimLook> }>;

/** The verbatim article: plain React text, claims as highlighted spans in their speaker's colour. */
export function ArticleText({ runs, looks }: Props) {
  const selected = useSelectedClaimId();
  const origin = useSelectionOrigin();
  const claimSelected = useClaimSelected();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!selected || origin === 'text') return;
    ref.current
      ?.querySelector(`.claim-mark[data-claim-id="${CSS.escape(selected)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected, origin]);

  const onKeyDown = (id: string) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      claimSelected(id, 'text');
    }
  };

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
        const look = looks.get(id);
        const style = look
          ? ({ '--hl-bg': look.swatch.background, '--hl-border': look.swatch.border } as CSSProperties)
          : undefined;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a <button> cannot hold text that wraps across lines like prose.
          <span
            key={run.start}
            role="button"
            tabIndex={run.claimStart ? 0 : -1}
            aria-pressed={selected === id}
            aria-label={look ? `${look.speaker}, ${look.kind}: ${run.text}` : undefined}
            title={look ? `${look.speaker} · ${look.kind}` : undefined}
            className={`claim-mark${run.boilerplate ? ' boilerplate' : ''}`}
            data-claim-id={id}
            data-selected={selected === id || undefined}
            style={style}
            onClick={() => claimSelected(id, 'text')}
            onKeyDown={onKeyDown(id)}
          >
            {run.text}
          </span>
        );
      })}
    </div>
  );
}
