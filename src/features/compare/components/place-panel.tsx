import { type DragEvent, type MouseEvent, useId, useRef } from 'react';
import { STANCE_LABELS, STANCES } from '@/core/compare/types';
import type { Claim, ClaimId, Question, QuestionId, Speaker, SpeakerId, Stance } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';
import { clip } from '@/core/text/clip';
import { announce } from '@/ui/toast';

const DRAG_TYPE = 'application/x-claimdesk-claim';

export type PlaceFilterValue = Readonly<{ speakerId: SpeakerId | null; text: string }>;

type Props = Readonly<{
  /** The claims loaded so far (pages of the compared articles' claims, narrowed by `filter`). */
  claims: readonly Claim[];
  loading: boolean;
  /** Loads the next page; null when every article was read. */
  more: (() => void) | null;
  loadingMore: boolean;
  filter: PlaceFilterValue;
  onFilter: (filter: PlaceFilterValue) => void;
  /** The compared articles' speakers, by name. */
  speakers: ReadonlyMap<string, Speaker>;
  questions: readonly Question[];
  /**
   * Whether the questions' stance targets are rendered: false while the matrix below has not
   * painted yet (the first screen shows each question's box, at its height, without its buttons).
   */
  targetsReady: boolean;
  /** The claim picked up with the keyboard (or being dragged), if any. */
  picked: ClaimId | null;
  onPick: (id: ClaimId | null) => void;
  onPlace: (questionId: QuestionId, claimId: ClaimId, stance: Stance) => void;
}>;

/** The question and stance of the target (`data-drop="question:stance"`) an event came from, if any. */
function dropTarget(target: EventTarget): [QuestionId, Stance] | null {
  const zone = target instanceof Element ? target.closest<HTMLElement>('[data-drop]') : null;
  const value = zone?.dataset.drop;
  if (!value) return null;
  const at = value.lastIndexOf(':');
  return [value.slice(0, at) as QuestionId, value.slice(at + 1) as Stance];
}

/**
 * Placing claims under questions with a stance. Drag a claim onto a stance of a question, or with
 * the keyboard: Enter on a claim picks it up (focus moves to the first question's stances), Enter
 * on a stance places it there, Escape puts it down.
 */
export function PlacePanel({
  claims,
  loading,
  more,
  loadingMore,
  filter,
  onFilter,
  speakers,
  questions,
  targetsReady,
  picked,
  onPick,
  onPlace,
}: Props) {
  const targets = useRef<HTMLDivElement>(null);
  const ids = useId();
  const groups = new Map<string, Claim[]>();
  for (const c of claims) {
    if (!c.speakerId) continue;
    groups.set(c.speakerId, [...(groups.get(c.speakerId) ?? []), c]);
  }
  const sorted = [...groups].sort(([a], [b]) =>
    (speakers.get(a)?.name ?? '').localeCompare(speakers.get(b)?.name ?? ''),
  );
  // where each shown claim is placed (nothing to say while no claim is shown: the first render)
  const placements = new Map<string, string[]>();
  if (claims.length > 0)
    for (const q of questions)
      for (const [claimId, stance] of Object.entries(q.stances))
        placements.set(claimId, [...(placements.get(claimId) ?? []), `${STANCE_LABELS[stance]}: ${q.text}`]);
  const pickedClaim = claims.find((c) => c.id === picked) ?? null;

  const pick = (claim: Claim) => {
    if (picked === claim.id) {
      onPick(null);
      announce('Put down.');
      return;
    }
    onPick(claim.id);
    const who = speakers.get(claim.speakerId ?? '')?.name ?? 'Unknown speaker';
    announce(
      `Picked up ${who}: ${clip(claim.text, 60)}. Choose a question and a stance; Escape to put it down.`,
    );
    requestAnimationFrame(() => targets.current?.querySelector<HTMLButtonElement>('button')?.focus());
  };
  const placeFromKeyboard = (questionId: QuestionId, stance: Stance) => {
    if (!picked) {
      announce('Pick up a claim first: press Enter on a claim.');
      return;
    }
    const id = picked;
    onPlace(questionId, id, stance);
    onPick(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-claim="${id}"]`)?.focus());
  };

  // the targets' clicks, drags and drops are handled once, on their container (not three closures
  // for each of 30 questions' four stances)
  const onDrop = (event: DragEvent) => {
    const at = dropTarget(event.target);
    if (!at) return;
    event.preventDefault();
    const id = (event.dataTransfer.getData(DRAG_TYPE) || picked) as ClaimId | null;
    if (id) onPlace(at[0], id, at[1]);
    onPick(null);
  };
  const onDragOver = (event: DragEvent) => {
    if (dropTarget(event.target) && event.dataTransfer.types.includes(DRAG_TYPE)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'link';
    }
  };
  const onTargetClick = (event: MouseEvent) => {
    const at = dropTarget(event.target);
    if (at) placeFromKeyboard(at[0], at[1]);
  };

  return (
    <section
      className="panel compare-panel place-panel"
      aria-labelledby="place-heading"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && picked) {
          const id = picked;
          onPick(null);
          announce('Put down.');
          document.querySelector<HTMLElement>(`[data-claim="${id}"]`)?.focus();
        }
      }}
    >
      <h2 id="place-heading">Place claims</h2>
      <p className="hint">
        Drag a claim onto a question’s stance, or press Enter on a claim, then Enter on a stance.
      </p>
      <div className="place-filter">
        <label htmlFor={`${ids}-speaker`}>Speaker</label>
        <select
          id={`${ids}-speaker`}
          value={filter.speakerId ?? ''}
          onChange={(e) => onFilter({ ...filter, speakerId: (e.target.value || null) as SpeakerId | null })}
        >
          <option value="">Every speaker</option>
          {[...speakers.values()].map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-text`}>Words</label>
        <input
          id={`${ids}-text`}
          type="search"
          value={filter.text}
          placeholder="Find claims by their words"
          onChange={(e) => onFilter({ ...filter, text: e.target.value })}
        />
      </div>
      <p className="hint" role="status">
        {loading
          ? 'Loading claims…'
          : `${claims.length} claim${claims.length === 1 ? '' : 's'} shown${more ? ' (more below)' : ''}.`}
      </p>
      <div className="place-layout">
        <div className="place-claims">
          {!loading && sorted.length === 0 ? (
            <p className="hint">
              {filter.speakerId || filter.text.trim()
                ? 'No claims match.'
                : 'No attributed claims in these articles.'}
            </p>
          ) : null}
          {sorted.map(([speakerId, list]) => (
            <section key={speakerId} aria-label={speakers.get(speakerId)?.name ?? 'Unknown speaker'}>
              <h3>{speakers.get(speakerId)?.name ?? 'Unknown speaker'}</h3>
              <ul className="place-claim-list">
                {list.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="place-claim"
                      data-claim={c.id}
                      draggable
                      aria-pressed={picked === c.id}
                      onClick={() => pick(c)}
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, c.id);
                        e.dataTransfer.setData('text/plain', c.text);
                        e.dataTransfer.effectAllowed = 'link';
                      }}
                    >
                      <span className="place-claim-text">{clip(c.text, 160)}</span>
                      <span className="hint">
                        {verdictLabel(c.verdict)}
                        {placements.has(c.id) ? ` · ${placements.get(c.id)!.join(' · ')}` : ''}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          {more ? (
            <button type="button" className="place-more" onClick={more} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Show more claims'}
            </button>
          ) : null}
        </div>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: the clicks, drags and drops come from the stance buttons inside (Enter and Space click a button), handled once here */}
        <div
          className="place-targets"
          ref={targets}
          onClick={onTargetClick}
          onDragOver={onDragOver}
          onDrop={onDrop}
        >
          {pickedClaim ? (
            <p className="picked-note">
              Placing: <q>{clip(pickedClaim.text, 80)}</q>
            </p>
          ) : null}
          {questions.length === 0 ? <p className="hint">Add a question to place claims under it.</p> : null}
          {questions.map((q) => (
            <fieldset key={q.id} className="drop-question">
              <legend>{q.text}</legend>
              <div className="stance-targets">
                {targetsReady
                  ? STANCES.map((stance) => (
                      <button
                        key={stance}
                        type="button"
                        className={`drop-zone stance-${stance}`}
                        data-drop={`${q.id}:${stance}`}
                        aria-disabled={picked === null}
                        aria-label={`Place under “${q.text}” as ${STANCE_LABELS[stance]}`}
                      >
                        {STANCE_LABELS[stance]}
                      </button>
                    ))
                  : null}
              </div>
            </fieldset>
          ))}
        </div>
      </div>
    </section>
  );
}
