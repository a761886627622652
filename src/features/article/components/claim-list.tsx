import { type ComponentType, type CSSProperties, useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Claim, Verdict } from '@/core/model/types';
import { useSelectedClaimId, useSelectionOrigin } from '@/stores/ui-store';
import { NEUTRAL_SWATCH, swatchAt } from '@/ui/palette';
import type { SpeakerGroup } from '../speaker-groups';
import { ClaimItem } from './claim-item';

type Props = Readonly<{
  groups: readonly SpeakerGroup<Claim>[];
  numbers: ReadonlyMap<string, number>;
  ClaimBadge?: ComponentType<{ claim: Claim }>;
  onVerdict?: (claim: Claim, verdict: Verdict) => void;
  /** The speaker's profile, linked from the speaker's name. */
  speakerHref?: (speakerId: string) => string;
}>;

/** Claims grouped by speaker; the selected one is scrolled to, and focused when chosen elsewhere. */
export function ClaimList({ groups, numbers, ClaimBadge, onVerdict, speakerHref }: Props) {
  const selected = useSelectedClaimId();
  const origin = useSelectionOrigin();
  const ref = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!selected || origin === 'list') return;
    const button = ref.current?.querySelector<HTMLButtonElement>(
      `li[data-claim-id="${CSS.escape(selected)}"] .claim-item-text`,
    );
    // Where the list is stacked under the text (phones), a tap on the text keeps the reading position.
    const stacked = window.matchMedia?.('(max-width: 820px)').matches ?? false;
    if (!(stacked && origin === 'text')) button?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    button?.focus({ preventScroll: true });
  }, [selected, origin]);

  if (groups.length === 0) {
    return (
      <aside ref={ref} className="claim-list" aria-label="Claims">
        <p className="empty">No claims were found in this article.</p>
      </aside>
    );
  }
  return (
    <aside ref={ref} className="claim-list" aria-label="Claims">
      <h2 className="visually-hidden">Claims by speaker</h2>
      {groups.map((g) => {
        const swatch = g.colourIndex < 0 ? NEUTRAL_SWATCH : swatchAt(g.colourIndex);
        const style = { '--hl-bg': swatch.background, '--hl-border': swatch.border } as CSSProperties;
        const headingId = `speaker-${g.speakerId ?? 'none'}`;
        return (
          <section
            key={g.speakerId ?? 'none'}
            className="speaker-group"
            aria-labelledby={headingId}
            style={style}
          >
            <h3 id={headingId} className="speaker-heading">
              <span className="swatch" aria-hidden="true" />
              <span className="speaker-name">
                {g.speakerId && speakerHref ? <Link to={speakerHref(g.speakerId)}>{g.name}</Link> : g.name}
              </span>
              <span className="speaker-count">
                {g.claims.length} {g.claims.length === 1 ? 'claim' : 'claims'}
              </span>
            </h3>
            {g.role && <p className="speaker-role">{g.role}</p>}
            <ol className="claims">
              {g.claims.map((c) => (
                <ClaimItem
                  key={c.id}
                  claim={c}
                  number={numbers.get(c.id) ?? 0}
                  selected={selected === c.id}
                  Badge={ClaimBadge}
                  onVerdict={onVerdict}
                />
              ))}
            </ol>
          </section>
        );
      })}
    </aside>
  );
}
