import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { whyLine } from '@/core/attribution/explain';
import type { Article, Claim, Verdict } from '@/core/model/types';
import { kindLabel } from '@/core/review/kinds';
import { MAX_NOTE_LENGTH } from '@/core/review/limits';
import { verdictLabel } from '@/core/review/verdicts';
import { addTagToClaim, removeTagFromClaims } from '@/db/claims';
import { describeDbError } from '@/db/errors';
import { undo } from '@/db/undo';
import { Checkworthiness } from '@/features/claim/components/checkworthiness';
import { ClaimHistory } from '@/features/claim/components/claim-history';
import { ClaimInContext } from '@/features/claim/components/claim-in-context';
import { ClaimUndo } from '@/features/claim/components/claim-undo';
import { ClaimCorrections } from '@/features/claim/components/corrections/claim-corrections';
import { SpeakerSection } from '@/features/claim/components/corrections/speaker-section';
import { NeedsSourceBadge } from '@/features/claim/components/needs-source-badge';
import { AddSourceForm } from '@/features/claim/components/sources/add-source-form';
import { EvidenceList } from '@/features/claim/components/sources/evidence-list';
import { TagEditor } from '@/features/claim/components/tag-editor';
import { TextField } from '@/features/claim/components/text-field';
import { VerdictPicker } from '@/features/claim/components/verdict-picker';
import { type ConflictNotice, noticeOf } from '@/features/claim/conflict';
import { useClaim, useClaimEvidence, useLibrarySpeakers } from '@/features/claim/hooks/use-claim-data';
import { useUpdateClaim } from '@/features/claim/hooks/use-claim-mutations';
import type { PanelFocus } from '@/features/claim/hooks/use-panel-focus';
import { useCanWrite } from '@/stores/can-write';
import { isTypingTarget } from '@/ui/shortcuts';
import { StatusMessage } from '@/ui/status-message';
import { announce, showToast } from '@/ui/toast';
import { lostToThePage, useFocusFallback } from '@/ui/use-focus-fallback';

type Props = Readonly<{
  claimId: Claim['id'];
  article: Article;
  number: number;
  total: number;
  /** The claims just before and after in the text (merging works on these). */
  previous: Claim | null;
  next: Claim | null;
  /** The first parts of the quotations before and after (‹ › and j / k move by quotation). */
  previousQuotation: Claim | null;
  nextQuotation: Claim | null;
  /** Every part of this claim's quotation in reading order (this claim alone if it is not split). */
  parts: readonly Claim[];
  focus: PanelFocus | null;
  spanEditing: boolean;
  sourceFormOpen: boolean;
  onSourceFormChange: (open: boolean, attached: boolean) => void;
  onVerdict: (verdict: Verdict) => void;
  onSpanEdit: () => void;
  onDelete: () => void;
  onSelect: (claimId: string) => void;
  onClose: () => void;
  conflict: ConflictNotice | null;
  onConflict: (notice: ConflictNotice | null) => void;
  /** Actions on this claim composed in by the app (e.g. the export button). */
  actions?: ReactNode;
  /** Notices about this claim composed in by the app (e.g. a team-sync conflict to settle). */
  notices?: ReactNode;
  speakerHref?: (speakerId: string) => string;
}>;

/** Everything about one claim: context, speaker, verdict, sources, tags, notes, signals, corrections, history. */
export function ClaimPanel(props: Props) {
  const { claimId, article, number, total, previous, next, focus, parts } = props;
  const previousQuotation = props.previousQuotation;
  const nextQuotation = props.nextQuotation;
  const part = parts.findIndex((p) => p.id === claimId);
  const claim = useClaim(claimId);
  const evidence = useClaimEvidence(claimId);
  // The claim's speaker by name, for a "why" line that rests on a relative pronoun ("who" means this person).
  const speakers = useLibrarySpeakers();
  const update = useUpdateClaim();
  const { canWrite, reason: readOnlyReason } = useCanWrite();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const urlRef = useRef<HTMLInputElement>(null);
  const tagRef = useRef<HTMLInputElement>(null);
  const speakerRef = useRef<HTMLInputElement>(null);
  const addSourceRef = useRef<HTMLButtonElement>(null);
  const [lastFocus, setLastFocus] = useState(0);
  const sectionRef = useRef<HTMLElement>(null);
  useFocusFallback(sectionRef, () => headingRef.current);
  // Closed (Esc, ×) while it held the focus: the keyboard goes on from the claim's entry in the list.
  const holdsFocus = useRef(false);
  const entryId = parts[0]?.id ?? claimId;
  useLayoutEffect(
    () => () => {
      if (!holdsFocus.current) return;
      requestAnimationFrame(() => {
        if (!lostToThePage()) return;
        document
          .querySelector<HTMLElement>(
            `.claim-list li[data-claim-id="${CSS.escape(entryId)}"] .claim-item-text`,
          )
          ?.focus();
      });
    },
    [entryId],
  );

  useEffect(() => {
    if (!focus || focus.claimId !== claimId || focus.n === lastFocus || !claim.data) return;
    // the speaker picker is off until the library's speakers are in (SpeakerSection)
    if (focus.target === 'speaker' && !speakers.data) return;
    setLastFocus(focus.n);
    const el = {
      source: urlRef.current,
      tags: tagRef.current,
      speaker: speakerRef.current,
      heading: headingRef.current,
    }[focus.target];
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  }, [focus, lastFocus, claim.data, claimId, speakers.data]);

  /** Saves a field edited since `since` (the claim's updatedAt when the edit began); resolves with the new one. */
  const save = (patch: Parameters<typeof update.mutateAsync>[0]['patch'], since: number) => {
    return update.mutateAsync({ id: claimId, patch, expectedUpdatedAt: since }).then((result) => {
      const notice = noticeOf(result);
      if (notice) props.onConflict(notice);
      return result.claim.updatedAt;
    });
  };

  if (claim.error) return <StatusMessage tone="error">{describeDbError(claim.error)}</StatusMessage>;
  const c = claim.data;
  const headingId = `claim-panel-${claimId}`;
  return (
    <section
      ref={sectionRef}
      onFocus={() => {
        holdsFocus.current = true;
      }}
      onBlur={(e) => {
        if (e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget))
          holdsFocus.current = false;
      }}
      className="claim-panel"
      aria-labelledby={headingId}
      data-claim-id={claimId}
      data-span-editing={props.spanEditing || undefined}
      onKeyDown={(e) => {
        // Escape in a field leaves the field (the next Escape closes the claim); lists and dialogs handle theirs first.
        if (e.key === 'Escape' && !e.defaultPrevented && isTypingTarget(e.target)) {
          e.preventDefault();
          headingRef.current?.focus();
        }
      }}
    >
      <header className="claim-panel-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Claim {number} of {total}
        </h2>
        <nav className="claim-panel-nav" aria-label="Claims">
          {props.actions}
          <button
            type="button"
            className="icon-button"
            disabled={!previousQuotation}
            onClick={() => previousQuotation && props.onSelect(previousQuotation.id)}
            aria-label="Previous claim (k)"
          >
            ‹
          </button>
          <button
            type="button"
            className="icon-button"
            disabled={!nextQuotation}
            onClick={() => nextQuotation && props.onSelect(nextQuotation.id)}
            aria-label="Next claim (j)"
          >
            ›
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={props.onClose}
            aria-label="Close the claim (Esc)"
          >
            ×
          </button>
        </nav>
      </header>
      {!c ? (
        <p className="loading">{c === null ? 'This claim no longer exists.' : 'Loading the claim…'}</p>
      ) : (
        <>
          {c.deletedAt !== null && <StatusMessage tone="info">This claim is in the trash.</StatusMessage>}
          <p className="claim-badges">
            <span className="badge">{kindLabel(c.kind)}</span>
            {c.origin === 'manual' && <span className="badge">Added by hand</span>}
            <span className={`badge verdict-badge verdict-tone-${c.verdict.replace(' ', '-')}`}>
              {verdictLabel(c.verdict)}
            </span>
            <NeedsSourceBadge claim={c} parts={parts} />
          </p>
          {c.origin !== 'manual' && (
            // A claim added by hand has its badge; only the extractor's claims need a reason.
            <p className="claim-why">
              <span className="claim-why-label">Why this speaker:</span>{' '}
              {whyLine(c, speakers.data?.find((s) => s.id === c.speakerId)?.name)}
            </p>
          )}
          {parts.length > 1 && part >= 0 && (
            <nav className="claim-quotation-parts" aria-label="Parts of this quotation">
              <span>
                Part {part + 1} of {parts.length} of one quotation; its verdict applies to every part, and a
                source on any part counts for the quotation.
              </span>
              <span className="inline-actions">
                {parts.map((p, i) => (
                  <button
                    key={p.id}
                    type="button"
                    className="small claim-part"
                    aria-current={p.id === claimId ? 'true' : undefined}
                    aria-label={`Part ${i + 1} of ${parts.length}`}
                    onClick={() => p.id !== claimId && props.onSelect(p.id)}
                  >
                    {i + 1}
                  </button>
                ))}
              </span>
            </nav>
          )}
          {!canWrite && (
            <p className="read-only-note" id={`${headingId}-read-only`}>
              {readOnlyReason}
            </p>
          )}
          {/* A viewer reads everything; every control that changes the claim is off (one switch: useCanWrite). */}
          <fieldset
            className="writes-fieldset"
            disabled={!canWrite}
            aria-describedby={canWrite ? undefined : `${headingId}-read-only`}
          >
            {props.notices}
            {props.conflict && (
              <div className="conflict" role="alert">
                <p>{props.conflict.text}</p>
                <div className="inline-actions">
                  <button
                    type="button"
                    className="small"
                    onClick={() => {
                      const { batchId } = props.conflict!;
                      props.onConflict(null);
                      undo({ batchId }).then(
                        (r) => r && showToast(r.message),
                        (e: unknown) => showToast(describeDbError(e), { tone: 'error' }),
                      );
                    }}
                  >
                    Undo my change
                  </button>
                  <button type="button" className="small" onClick={() => props.onConflict(null)}>
                    Keep my change
                  </button>
                </div>
              </div>
            )}
            <ClaimInContext text={article.text} start={c.start} end={c.end} />
            {props.spanEditing && (
              <p className="span-edit-banner" role="status">
                Select the claim’s new words in the article text, then choose{' '}
                <strong>Use as claim text</strong>. Esc cancels.
              </p>
            )}

            <div className="panel-section">
              <h3 id={`${headingId}-speaker`}>Speaker</h3>
              <SpeakerSection
                key={c.id}
                claim={c}
                pickerRef={speakerRef}
                onConflict={props.onConflict}
                speakerHref={props.speakerHref}
              />
            </div>

            <div className="panel-section">
              <h3 id={`${headingId}-verdict`} className="visually-hidden">
                Verdict
              </h3>
              {/* A verdict just chosen is already in the claim's read (`showVerdict`), before its write. */}
              <VerdictPicker value={c.verdict} onChange={props.onVerdict} />
              <TextField
                key={`rating-${c.id}`}
                label="Rating explanation"
                value={c.ratingNote}
                maxLength={MAX_NOTE_LENGTH}
                rows={2}
                placeholder="Why this verdict, in a sentence or two"
                version={c.updatedAt}
                onSave={(ratingNote, since) => save({ ratingNote }, since)}
              />
            </div>

            <div className="panel-section">
              <h3 id={`${headingId}-sources`}>
                Sources <span className="count">({evidence.data?.length ?? 0})</span>
              </h3>
              <EvidenceList items={evidence.data ?? []} />
              {props.sourceFormOpen ? (
                <AddSourceForm
                  key={c.id}
                  claimId={c.id}
                  urlRef={urlRef}
                  onDone={(attached) => {
                    props.onSourceFormChange(false, attached);
                    requestAnimationFrame(() => addSourceRef.current?.focus());
                  }}
                />
              ) : (
                <button
                  ref={addSourceRef}
                  type="button"
                  aria-keyshortcuts="s"
                  onClick={() => props.onSourceFormChange(true, false)}
                >
                  + Add a source <kbd>s</kbd>
                </button>
              )}
            </div>

            <div className="panel-section">
              <h3 id={`${headingId}-tags`}>Tags</h3>
              <TagEditor
                key={c.id}
                tags={c.tags}
                inputRef={tagRef}
                onAdd={(tag) =>
                  addTagToClaim(c.id, tag).then(
                    (batchId) => {
                      announce(`Tag “${tag}” added. Ctrl+Z undoes it.`);
                      return batchId;
                    },
                    (e) => {
                      showToast(describeDbError(e), { tone: 'error' });
                      return null;
                    },
                  )
                }
                onRemove={(tag) =>
                  removeTagFromClaims([c.id], tag).then(
                    () => showToast(`Tag “${tag}” removed`),
                    (e) => showToast(describeDbError(e), { tone: 'error' }),
                  )
                }
              />
            </div>

            <div className="panel-section">
              <h3 id={`${headingId}-notes`} className="visually-hidden">
                Notes
              </h3>
              <TextField
                key={`notes-${c.id}`}
                label="Notes"
                value={c.notes}
                maxLength={MAX_NOTE_LENGTH}
                rows={4}
                version={c.updatedAt}
                onSave={(notes, since) => save({ notes }, since)}
              />
            </div>

            <div className="panel-section">
              <h3 id={`${headingId}-signals`}>Check-worthiness</h3>
              <Checkworthiness claim={c} />
            </div>

            <div className="panel-section">
              <h3 id={`${headingId}-fix`}>Corrections</h3>
              <ClaimCorrections
                key={c.id}
                claim={c}
                text={article.text}
                previous={previous}
                next={next}
                spanEditing={props.spanEditing}
                onSpanEdit={props.onSpanEdit}
                onDelete={props.onDelete}
                onSelect={props.onSelect}
                onConflict={props.onConflict}
              />
            </div>

            <div className="panel-section">
              <div className="section-head">
                <h3 id={`${headingId}-history`}>History</h3>
                <ClaimUndo claim={c} />
              </div>
              <ClaimHistory claim={c} />
            </div>
          </fieldset>
        </>
      )}
    </section>
  );
}
