import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ArticleId } from '@/core/model/types';
import { describeDbError } from '@/db/errors';
import { articleMutations } from '@/db/mutations';
import type { ImportOutcome, ImportStage } from '@/features/import/import-article';
import { ImportRefused } from '@/features/import/import-refused';
import { StatusMessage } from '@/ui/status-message';

const STAGE_TEXT: Readonly<Record<ImportStage, string>> = {
  reading: 'Checking the text…',
  extracting: 'Finding the claims…',
  saving: 'Saving…',
};

type Props = Readonly<{
  stage: ImportStage | null;
  outcome: ImportOutcome | undefined;
  error: unknown;
  articleHref: (id: string) => string;
  /** Names of files dropped with this one that were not imported (one file at a time). */
  skipped?: readonly string[];
}>;

/** The sentence that names the dropped files left out, or nothing. */
function Skipped({ names }: Readonly<{ names: readonly string[] }>) {
  if (names.length === 0) return null;
  const list = names.map((n) => `“${n}”`).join(', ');
  return (
    <>
      {' '}
      One file is imported at a time, so {list} {names.length === 1 ? 'was' : 'were'} not imported: drop{' '}
      {names.length === 1 ? 'it' : 'them'} again, one by one.
    </>
  );
}

/** What the last import did, in words: busy, imported, already there, or refused and why. */
export function ImportStatus({ stage, outcome, error, articleHref, skipped = [] }: Props) {
  if (stage) {
    return (
      <div className="status status-info import-busy" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> {STAGE_TEXT[stage]}
      </div>
    );
  }
  if (error) {
    const message = error instanceof ImportRefused ? error.message : describeDbError(error);
    return (
      <StatusMessage tone="error">
        {message}
        <Skipped names={skipped} />
      </StatusMessage>
    );
  }
  if (!outcome) return <div role="status" className="status-empty" />;
  if (outcome.status === 'duplicate' && outcome.deleted) {
    return <DeletedDuplicate id={outcome.articleId} title={outcome.title} articleHref={articleHref} />;
  }
  if (outcome.status === 'duplicate') {
    return (
      <StatusMessage tone="info">
        Already in your library: <Link to={articleHref(outcome.articleId)}>{outcome.title}</Link>
        <Skipped names={skipped} />
      </StatusMessage>
    );
  }
  return (
    <StatusMessage tone="success">
      Imported <Link to={articleHref(outcome.articleId)}>{outcome.title}</Link>: {outcome.claimCount}{' '}
      {outcome.claimCount === 1 ? 'claim' : 'claims'} found.
      <Skipped names={skipped} />
    </StatusMessage>
  );
}

type DeletedProps = Readonly<{ id: ArticleId; title: string; articleHref: (id: string) => string }>;

/** The same text was imported before and then deleted: offer it back instead of a second copy. */
function DeletedDuplicate({ id, title, articleHref }: DeletedProps) {
  const restore = useMutation(articleMutations.restore());
  if (restore.isSuccess) {
    return (
      <StatusMessage tone="success">
        Restored: <Link to={articleHref(id)}>{title}</Link>
      </StatusMessage>
    );
  }
  return (
    <StatusMessage tone="info">
      You deleted this article earlier: “{title}”.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => restore.mutate(id)}
        disabled={restore.isPending}
      >
        Restore it
      </button>
      {restore.error ? ` ${describeDbError(restore.error)}` : null}
    </StatusMessage>
  );
}
