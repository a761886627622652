import { useMutation } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, useMemo, useRef } from 'react';
import { Link } from 'react-router';
import type { ArticleId, Claim, Speaker, Verdict } from '@/core/model/types';
import { type ClaimsView, claimsView, replacedInPlace } from '@/core/review/claims-view';
import { kindLabel } from '@/core/review/kinds';
import { partLabel } from '@/core/review/quotations';
import { describeDbError } from '@/db/errors';
import { articleMutations } from '@/db/mutations';
import { ArticleHeader } from '@/features/article/components/article-header';
import { ArticleText, type ClaimLook } from '@/features/article/components/article-text';
import type { ClaimBadgeProps } from '@/features/article/components/claim-item';
import { ClaimList } from '@/features/article/components/claim-list';
import { highlightRuns } from '@/features/article/highlight-runs';
import { useArticle, useArticleClaims, useArticleCounts } from '@/features/article/hooks/use-article-data';
import { useClaimKeys } from '@/features/article/hooks/use-claim-keys';
import { groupClaimsBySpeaker, groupsWith, type SpeakerGroup } from '@/features/article/speaker-groups';
import { NEUTRAL_SWATCH, swatchAt } from '@/ui/palette';
import { StatusMessage } from '@/ui/status-message';

type Props = Readonly<{
  articleId: ArticleId;
  libraryHref: string;
  /** The review panel for the selected claim, composed in by the app. */
  review?: ReactNode;
  /** A flag shown on a claim in the list (e.g. a verdict with no source). */
  ClaimBadge?: ComponentType<ClaimBadgeProps>;
  /**
   * Asks for a verdict from the claim list (the app's verdict request, which confirms first where
   * needed); `parts` are every claim of the quotation, which all take the verdict.
   */
  onVerdict: (claim: Claim, verdict: Verdict, parts?: readonly Claim[]) => void;
  /** Screen actions composed in by the app (e.g. the export button). */
  actions?: ReactNode;
  /** The speaker's profile, linked from the speaker's name. */
  speakerHref?: (speakerId: string) => string;
}>;

export function ArticleScreen({
  articleId,
  libraryHref,
  review,
  ClaimBadge,
  onVerdict,
  actions,
  speakerHref,
}: Props) {
  const article = useArticle(articleId);
  const claims = useArticleClaims(articleId);
  // Those of the first claims until every claim is read: what the first frame names.
  const speakers = claims.speakers;
  // The header's counts while only the first claims are read: kept with every write, no claim read.
  const counts = useArticleCounts(articleId);
  const restore = useMutation(articleMutations.restore());

  // Derived from the last view when only some claims' other fields changed (a verdict edit): the
  // edited claims are put in place, the long article's claims are not walked again.
  const lastBase = useRef<ClaimsView | null>(null);
  const base = useMemo(() => {
    if (!claims.data) return null;
    const next = claimsView(claims.data, lastBase.current);
    lastBase.current = next;
    return next;
  }, [claims.data]);
  const last = useRef<ScreenView | null>(null);
  const view = useMemo(() => {
    if (!base || !speakers) return null;
    const next = screenView(base, speakers, claims.complete, last.current);
    last.current = next;
    return next;
  }, [base, claims.complete, speakers]);
  const shape = base?.shape;
  const text = article.data?.text;
  const boilerplate = article.data?.boilerplate;
  // What the text's highlights depend on (offsets, speakers, kinds, quotations), not what a verdict
  // edit changes: a verdict re-renders the list, not the 300 KB of highlighted text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the shape changes, not on every claims array.
  const runs = useMemo(
    () =>
      text !== undefined && boilerplate && claims.data ? highlightRuns(text, claims.data, boilerplate) : null,
    [text, boilerplate, shape],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the looks change with the shape, not with verdicts.
  const looks = useMemo(() => {
    const map = new Map<string, ClaimLook>();
    if (!view) return map;
    for (const g of view.groups) {
      const swatch = g.colourIndex < 0 ? NEUTRAL_SWATCH : swatchAt(g.colourIndex);
      for (const c of g.claims) {
        const q = view.base.quotations.of.get(c.id);
        map.set(c.id, {
          swatch,
          speaker: g.name,
          kind: kindLabel(c.kind),
          parts: q ? q.parts.map((p) => p.id) : [c.id],
          part: partLabel(q, c.id),
        });
      }
    }
    return map;
  }, [shape, speakers]);

  const error = article.error ?? claims.error ?? counts.error;
  if (error) return <StatusMessage tone="error">{describeDbError(error)}</StatusMessage>;
  if (article.data === null) {
    return (
      <div className="not-found">
        <h1>Article not found</h1>
        <p>
          It may have been deleted. <Link to={libraryHref}>Back to the library</Link>
        </p>
      </div>
    );
  }
  if (!article.data || !claims.data || !speakers || !counts.data || !view || !runs) {
    return <p className="loading">Loading the article…</p>;
  }
  const trashed = article.data.deletedAt !== null;
  return (
    <div className="article-screen">
      {/* Before the review: registered first, so the claim panel's keys (Esc leaving span editing) answer first. */}
      <ClaimKeys ordered={view.ordered} leadOf={view.leadOf} />
      <title>{`${article.data.title} · Claimdesk`}</title>
      <ArticleHeader
        article={article.data}
        libraryHref={libraryHref}
        claimCount={claims.complete ? claims.data.length : counts.data.claimCount}
        speakerCount={
          claims.complete
            ? view.groups.filter((g) => g.speakerId !== null).length
            : (claims.allSpeakers?.length ?? counts.data.speakerCount)
        }
        checkedCount={
          claims.complete ? view.checked : counts.data.claimCount - counts.data.byVerdict.unchecked
        }
      />
      {actions && !trashed && <div className="article-actions">{actions}</div>}
      {trashed && (
        // also when another tab or device moved it there while it was open here
        <StatusMessage tone="info">
          This article was moved to the trash, with its claims.{' '}
          <button type="button" className="link-button" onClick={() => restore.mutate(articleId)}>
            Restore it
          </button>{' '}
          or <Link to={libraryHref}>go back to the library</Link>.
        </StatusMessage>
      )}
      <div className="article-layout">
        <section className="article-body" aria-label="Article text">
          {!trashed && (
            <p className="hint">
              Click a highlight, or press <kbd>j</kbd> / <kbd>k</kbd>, to move between claims (a quotation
              split around its cue is one claim with numbered parts). Select words to add a claim;{' '}
              <kbd>?</kbd> lists every shortcut.
            </p>
          )}
          <ArticleText runs={runs} looks={looks} />
        </section>
        <ClaimList
          groups={view.groups}
          numbers={view.numbers}
          quotations={view.base.quotations}
          complete={claims.complete}
          layout={view.layout}
          ClaimBadge={ClaimBadge}
          onVerdict={onVerdict}
          speakerHref={speakerHref}
          emptyText={
            trashed
              ? 'Its claims are in the trash with it: restore the article to bring them back.'
              : undefined
          }
        />
        {review}
      </div>
    </div>
  );
}

type ScreenView = Readonly<{
  base: ClaimsView;
  speakers: readonly Speaker[];
  complete: boolean;
  groups: readonly SpeakerGroup<Claim>[];
  /** j / k move by quotation: from any part to the next quotation's first part. */
  ordered: readonly string[];
  leadOf: ReadonlyMap<string, string>;
  numbers: ReadonlyMap<string, number>;
  checked: number;
  /** The same object while the groups keep their claims' places (an edit of other fields): the list's rows. */
  layout: object;
}>;

const isChecked = (c: Claim) => (c.verdict !== 'unchecked' ? 1 : 0);

/** The screen's view of the claims: from `last` when the claims kept their shape (an edit), else afresh. */
function screenView(
  base: ClaimsView,
  speakers: readonly Speaker[],
  complete: boolean,
  last: ScreenView | null,
): ScreenView {
  const { claims } = base;
  const same = last !== null && last.speakers === speakers && last.complete === complete ? last : null;
  if (same && base === same.base) return same;
  const pairs = same && base.shape === same.base.shape ? replacedInPlace(same.base.claims, claims) : null;
  const groups = same && pairs ? groupsWith(same.groups, pairs) : null;
  if (same && pairs && groups) {
    const checked = pairs.reduce((n, [was, now]) => n - isChecked(was) + isChecked(now), same.checked);
    return { ...same, base, groups, checked };
  }
  const ordered = base.quotations.list.map((q) => q.id);
  const leadOf = new Map<string, string>();
  for (const q of base.quotations.list) for (const p of q.parts) leadOf.set(p.id, q.id);
  return {
    base,
    speakers,
    complete,
    groups: groupClaimsBySpeaker(claims, speakers),
    ordered,
    leadOf,
    numbers: complete ? base.numbers : firstNumbers(claims),
    checked: claims.reduce((n, c) => n + isChecked(c), 0),
    layout: {},
  };
}

/** `j` / `k` / Esc in a component of their own: they follow the open claim, the rest of the screen does not. */
function ClaimKeys({
  ordered,
  leadOf,
}: Readonly<{ ordered: readonly string[]; leadOf: ReadonlyMap<string, string> }>) {
  useClaimKeys(ordered, leadOf);
  return null;
}

/**
 * Numbers while only the first claims are read: those of the import that made the first claim, in
 * reading order, which are the same among all the claims (claimNumbers: by creation, then offset);
 * a claim made later has no number until every claim is read.
 */
function firstNumbers(claims: readonly Claim[]): ReadonlyMap<string, number> {
  const batch = Math.min(...claims.map((c) => c.createdAt));
  const ordered = claims.filter((c) => c.createdAt === batch).sort((a, b) => a.start - b.start);
  return new Map(ordered.map((c, i) => [c.id, i + 1]));
}
