import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { Speaker, SpeakerId } from '@/core/model/types';
import { historyQueries, speakerQueries } from '@/db/queries';

type Props = Readonly<{
  speakerId: SpeakerId;
  /** The row, tombstoned; null when no speaker ever had this id here. */
  speaker: Speaker | null;
  speakerHref: (speakerId: string) => string;
  compareHref: string;
  libraryHref: string;
}>;

/** The speaker a tombstoned speaker was last merged into (its history's last delete says so), or null. */
function useMergedInto(speakerId: SpeakerId, gone: boolean) {
  const history = useQuery({ ...historyQueries.byRow('speakers', speakerId), enabled: gone });
  const last = history.data?.findLast((e) => e.action === 'delete');
  const into = typeof last?.to?.mergedInto === 'string' ? (last.to.mergedInto as SpeakerId) : null;
  const target = useQuery({ ...speakerQueries.detail(into ?? ('' as SpeakerId)), enabled: into !== null });
  return {
    pending: gone && (history.isPending || (into !== null && target.isPending)),
    into,
    target: target.data,
  };
}

/**
 * What a link to a speaker who is not (or no longer) here shows: merged (with a link to the speaker
 * they became), removed, or never in this library (a stale bookmark, a link from another library),
 * and a way on either way.
 */
export function SpeakerGone({ speakerId, speaker, speakerHref, compareHref, libraryHref }: Props) {
  const merged = useMergedInto(speakerId, speaker !== null);
  if (merged.pending) return <p className="hint">Loading…</p>;
  const name = speaker?.name;
  const target = merged.target ?? null;
  const heading = !name
    ? 'Speaker not found'
    : target
      ? `${name} was merged into ${target.name}`
      : `${name} is no longer in the library`;
  return (
    <div className="not-found speaker-gone">
      <title>{`${heading} · Claimdesk`}</title>
      <h1>{heading}</h1>
      {!name ? (
        <p>
          No speaker in this library has this link. It may be an old bookmark, or a link from another device
          or library.
        </p>
      ) : target ? (
        <p>
          Their claims are now {target.name}’s
          {target.deletedAt !== null ? ', who has since been merged or removed too' : ''}.
        </p>
      ) : (
        <p>They were removed, or merged into another speaker.</p>
      )}
      <ul className="speaker-gone-links">
        {target && merged.into ? (
          <li>
            <Link to={speakerHref(merged.into)}>Open {target.name}’s profile</Link>
          </li>
        ) : null}
        <li>
          <Link to={compareHref}>Compare positions</Link>
        </li>
        <li>
          <Link to={libraryHref}>Go to the library</Link>
        </li>
      </ul>
    </div>
  );
}
