import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { STANCE_LABELS } from '@/core/compare/types';
import type { SpeakerId } from '@/core/model/types';
import { verdictLabel } from '@/core/review/verdicts';
import { compareQueries } from '@/db/compare-read';
import { describeDbError } from '@/db/errors';
import { StatusMessage } from '@/ui/status-message';
import '../speaker-profile.css';
import { VerdictChart } from '@/features/speaker-profile/components/verdict-chart';
import { profileView } from '@/features/speaker-profile/profile-view';

type Props = Readonly<{
  speakerId: SpeakerId;
  articleHref: (articleId: string) => string;
  claimHref: (articleId: string, claimId: string) => string;
  compareHref: string;
}>;

/** Claims shown per article before "Show all". */
const PER_ARTICLE = 20;

const sources = (n: number) => `${n} source${n === 1 ? '' : 's'}`;

export function SpeakerProfileScreen({ speakerId, articleHref, claimHref, compareHref }: Props) {
  const profile = useQuery(compareQueries.profile(speakerId));
  const view = useMemo(() => (profile.data ? profileView(profile.data) : null), [profile.data]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  if (profile.error) return <StatusMessage tone="error">{describeDbError(profile.error)}</StatusMessage>;
  if (!profile.data || !view) return <p className="hint">Loading…</p>;
  const { speaker, claims, truncated } = profile.data;
  if (!speaker || speaker.deletedAt !== null)
    return (
      <div className="not-found">
        <h1>Speaker not found</h1>
        <p>
          They may have been merged into another speaker. <Link to={compareHref}>Compare positions</Link>
        </p>
      </div>
    );
  const questionText = new Map<string, string>(view.byQuestion.map((s) => [s.question.id, s.question.text]));

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
          {claims.length} claim{claims.length === 1 ? '' : 's'} in {view.byArticle.length} article
          {view.byArticle.length === 1 ? '' : 's'}
          {truncated ? ' (the first ones only: this speaker has more)' : ''}.
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
          <VerdictChart claims={claims} />
        </section>
        <section aria-labelledby="timeline-heading" className="panel profile-panel">
          <h2 id="timeline-heading">Timeline</h2>
          <ol className="timeline">
            {view.byArticle.map(({ article, claims: list }) => (
              <li key={article.id}>
                <time dateTime={article.date ?? undefined}>{article.date}</time>
                <span className="timeline-dot" aria-hidden="true" />
                <span>
                  <Link to={articleHref(article.id)}>{article.title}</Link> — {list.length} claim
                  {list.length === 1 ? '' : 's'}
                </span>
              </li>
            ))}
          </ol>
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
        {view.byArticle.map(({ article, claims: list }) => {
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
      </section>
    </article>
  );
}
