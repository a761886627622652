import { useMutation } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import type { ArticleId, Claim, Verdict } from '@/core/model/types';
import { kindLabel } from '@/core/review/kinds';
import { claimNumbers } from '@/core/review/numbers';
import { partLabel, quotationsOf } from '@/core/review/quotations';
import { describeDbError } from '@/db/errors';
import { articleMutations } from '@/db/mutations';
import { ArticleHeader } from '@/features/article/components/article-header';
import { ArticleText, type ClaimLook } from '@/features/article/components/article-text';
import type { ClaimBadgeProps } from '@/features/article/components/claim-item';
import { ClaimList } from '@/features/article/components/claim-list';
import { highlightRuns } from '@/features/article/highlight-runs';
import { useArticle, useArticleClaims, useArticleSpeakers } from '@/features/article/hooks/use-article-data';
import { useClaimKeys } from '@/features/article/hooks/use-claim-keys';
import { groupClaimsBySpeaker } from '@/features/article/speaker-groups';
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
  const speakers = useArticleSpeakers(articleId);
  const restore = useMutation(articleMutations.restore());

  const view = useMemo(() => {
    if (!article.data || !claims.data || !speakers.data) return null;
    const groups = groupClaimsBySpeaker(claims.data, speakers.data);
    const quotations = quotationsOf(claims.data);
    const looks = new Map<string, ClaimLook>();
    for (const g of groups) {
      const swatch = g.colourIndex < 0 ? NEUTRAL_SWATCH : swatchAt(g.colourIndex);
      for (const c of g.claims) {
        const q = quotations.of.get(c.id);
        looks.set(c.id, {
          swatch,
          speaker: g.name,
          kind: kindLabel(c.kind),
          parts: q ? q.parts.map((p) => p.id) : [c.id],
          part: partLabel(q, c.id),
        });
      }
    }
    // j / k move by quotation: from any part to the next quotation's first part.
    const ordered = quotations.list.map((q) => q.id);
    const leadOf = new Map<string, string>();
    for (const q of quotations.list) for (const p of q.parts) leadOf.set(p.id, q.id);
    const numbers = claimNumbers(claims.data);
    const runs = highlightRuns(article.data.text, claims.data, article.data.boilerplate);
    return { groups, quotations, looks, ordered, leadOf, numbers, runs };
  }, [article.data, claims.data, speakers.data]);

  useClaimKeys(view?.ordered ?? NO_IDS, view?.leadOf);

  const error = article.error ?? claims.error ?? speakers.error;
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
  if (!article.data || !claims.data || !speakers.data || !view) {
    return <p className="loading">Loading the article…</p>;
  }
  const checked = claims.data.filter((c) => c.verdict !== 'unchecked').length;
  return (
    <div className="article-screen">
      <title>{`${article.data.title} · Claimdesk`}</title>
      <ArticleHeader
        article={article.data}
        libraryHref={libraryHref}
        claimCount={claims.data.length}
        speakerCount={view.groups.filter((g) => g.speakerId !== null).length}
        checkedCount={checked}
      />
      {actions && <div className="article-actions">{actions}</div>}
      {article.data.deletedAt !== null && (
        <StatusMessage tone="info">
          This article is in the trash.{' '}
          <button type="button" className="link-button" onClick={() => restore.mutate(articleId)}>
            Restore it
          </button>
        </StatusMessage>
      )}
      <div className="article-layout">
        <section className="article-body" aria-label="Article text">
          <p className="hint">
            Click a highlight, or press <kbd>j</kbd> / <kbd>k</kbd>, to move between claims (a quotation split
            around its cue is one claim with numbered parts). Select words to add a claim; <kbd>?</kbd> lists
            every shortcut.
          </p>
          <ArticleText runs={view.runs} looks={view.looks} />
        </section>
        <ClaimList
          groups={view.groups}
          numbers={view.numbers}
          quotations={view.quotations}
          ClaimBadge={ClaimBadge}
          onVerdict={onVerdict}
          speakerHref={speakerHref}
        />
        {review}
      </div>
    </div>
  );
}

const NO_IDS: readonly string[] = [];
