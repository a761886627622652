import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { STANCE_LABELS } from '@/core/compare/types';
import type { SpeakerId } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';
import { describeDbError } from '@/db/errors';
import { type ProfileArticle, speakerProfileQueries } from '@/db/speaker-profile-read';
import { StatusMessage } from '@/ui/status-message';
import '@/features/speaker-profile/speaker-profile.css';
import { SpeakerGone } from '@/features/speaker-profile/components/speaker-gone';
import { VerdictChart } from '@/features/speaker-profile/components/verdict-chart';
import { profileView } from '@/features/speaker-profile/profile-view';

type Props = Readonly<{
  speakerId: SpeakerId;
  articleHref: (articleId: string) => string;
  claimHref: (articleId: string, claimId: string) => string;
  compareHref: string;
  speakerHref: (speakerId: string) => string;
  libraryHref: string;
}>;

/** Claims shown per article before "Show all". */
const PER_ARTICLE = 20;
/** Timeline entries shown before "Show all". */
const TIMELINE = 30;
const NO_ARTICLES: readonly ProfileArticle[] = [];

const sources = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

export function SpeakerProfileScreen({
  speakerId,
  articleHref,
  claimHref,
  compareHref,
  speakerHref,
  libraryHref,
}: Props) {
  const profile = useQuery(speakerProfileQueries.head(speakerId));
  const head = profile.data;
  const view = useMemo(() => (head ? profileView(head) : null), [head]);
  const pages = useInfiniteQuery({
    ...speakerProfileQueries.claims(speakerId, head?.articles ?? NO_ARTICLES),
    enabled: head !== undefined,
    // the head reads the first page with it: no second read (and render) before the claims show
    initialData: head ? { pages: [head.firstPage], pageParams: [0] } : undefined,
  });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [wholeTimeline, setWholeTimeline] = useState(false);

  if (profile.error) return <StatusMessage tone="error">{describeDbError(profile.error)}</StatusMessage>;
  if (!head || !view) return <p className="hint">Loading…</p>;
  const { speaker, counts, articles } = head;
  if (!speaker || speaker.deletedAt !== null)
    return (
      <SpeakerGone
        speakerId={speakerId}
        speaker={speaker}
        speakerHref={speakerHref}
        compareHref={compareHref}
        libraryHref={libraryHref}
      />
    );
  const questionText = new Map<string, string>(view.byQuestion.map((s) => [s.question.id, s.question.text]));
  const claimCount = articles.reduce((n, a) => n + a.claimCount, 0);
  const titles = new Map<string, ProfileArticle>(articles.map((a) => [a.id, a]));
  const loaded = pages.data?.pages.flatMap((p) => p.articles) ?? [];
  const timeline = wholeTimeline ? articles : articles.slice(0, TIMELINE);

  return (
    <article className="speaker-profile">
      <title>{`${speaker.name} · Claimdesk`}</title>
      <header className="profile-header">
        <h1>{speaker.name}</h1>
        <p className="profile-role">
          {[speaker.role, speaker.type !== 'unknown' ? speaker.type : null].filter(Boolean).join(' · ')}
        </p>
        {speaker.aliases.length > 0 ? (
          <p className="hint">Also written as: {speaker.aliases.join(', ')}</p>
        ) : null}
        <p>
          {claimCount} claim{claimCount === 1 ? '' : 's'} in {articles.length} article
          {articles.length === 1 ? '' : 's'}.
        </p>
      </header>

      {view.changes.length > 0 ? (
        <section className="panel position-changes" aria-labelledby="changes-heading">
          <h2 id="changes-heading">Changes of position</h2>
          <ul>
            {view.changes.map((c) => (
              <li key={`${c.questionId}:${c.to.date}`}>
                <strong>{c.reversal ? 'Reversed' : 'Changed'}</strong> on “{questionText.get(c.questionId)}”:{' '}
                {STANCE_LABELS[c.from.stance]} on {c.from.date} → {STANCE_LABELS[c.to.stance]} on {c.to.date}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <div className="profile-record">
        <section aria-labelledby="record-heading" className="panel profile-panel">
          <h2 id="record-heading">Record</h2>
          <VerdictChart byVerdict={counts.byVerdict} total={claimCount} />
        </section>
        <section aria-labelledby="timeline-heading" className="panel profile-panel">
          <h2 id="timeline-heading">Timeline</h2>
          <ol className="timeline">
            {timeline.map((article) => (
              <li key={article.id}>
                <time dateTime={article.date ?? undefined}>{article.date}</time>
                <span className="timeline-dot" aria-hidden="true" />
                <span>
                  <Link to={articleHref(article.id)}>{article.title}</Link> — {article.claimCount} claim
                  {article.claimCount === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ol>
          {timeline.length < articles.length ? (
            <button type="button" onClick={() => setWholeTimeline(true)}>
              Show all {articles.length} articles
            </button>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="by-question-heading" className="panel profile-panel">
        <h2 id="by-question-heading">By question</h2>
        {view.byQuestion.length === 0 ? (
          <p className="hint">
            None of these claims is placed under a question yet.{' '}
            <Link to={compareHref}>Compare positions</Link>
          </p>
        ) : (
          view.byQuestion.map(({ question, entries }) => (
            <section key={question.id} className="profile-question" aria-label={question.text}>
              <h3>{question.text}</h3>
              <ul className="profile-claims">
                {entries.map(({ claim, stance }) => (
                  <li key={claim.id}>
                    <span className={`stance-badge stance-${stance}`}>{STANCE_LABELS[stance]}</span>
                    <Link to={claimHref(claim.articleId, claim.id)} className="profile-claim-text">
                      {claim.text}
                    </Link>
                    <span className="cell-meta">
                      {verdictLabel(claim.verdict)} · {sources(claim.sourceCount)} · {claim.date}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))
        )}
      </section>

      <section aria-labelledby="by-article-heading" className="panel profile-panel">
        <h2 id="by-article-heading">By article and date</h2>
        {loaded.map(({ articleId, claims: list }) => {
          const article = titles.get(articleId);
          if (!article) return null;
          const open = expanded.has(article.id) || list.length <= PER_ARTICLE;
          return (
            <section key={article.id} className="profile-article" aria-label={article.title}>
              <h3>
                <Link to={articleHref(article.id)}>{article.title}</Link>{' '}
                <span className="hint">{article.date}</span>
              </h3>
              <ul className="profile-claims">
                {(open ? list : list.slice(0, PER_ARTICLE)).map((claim) => (
                  <li key={claim.id}>
                    <Link to={claimHref(claim.articleId, claim.id)} className="profile-claim-text">
                      {claim.text}
                    </Link>
                    <span className="cell-meta">
                      {verdictLabel(claim.verdict)} · {sources(claim.sourceCount)}
                    </span>
                  </li>
                ))}
              </ul>
              {open ? null : (
                <button type="button" onClick={() => setExpanded(new Set([...expanded, article.id]))}>
                  Show all {list.length} claims
                </button>
              )}
            </section>
          );
        })}
        {pages.error ? <StatusMessage tone="error">{describeDbError(pages.error)}</StatusMessage> : null}
        {pages.isPending && articles.length > 0 ? <p className="hint">Loading claims…</p> : null}
        {pages.hasNextPage ? (
          <button
            type="button"
            disabled={pages.isFetchingNextPage}
            onClick={() => void pages.fetchNextPage()}
          >
            {pages.isFetchingNextPage
              ? 'Loading…'
              : `Show more articles (${articles.length - loaded.length} more)`}
          </button>
        ) : null}
      </section>
    </article>
  );
}
