import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { ScreenErrorBoundary } from '@/app/components/screen-error-boundary';
import { paths } from '@/app/paths';
import { MESSAGES } from '@/db/errors';
import { databaseQueries } from '@/db/health';
import { ImportPanel } from '@/features/import/components/import-panel';
import { ArticleList } from '@/features/library/components/article-list';

// The import code (validation, hashing, the worker connection, batch writes) loads after the first
// paint: these two panels use it directly, the paste/file panel only once something is imported.
const BulkImportPanel = lazy(() =>
  import('@/features/import/bulk/components/bulk-import-panel').then((m) => ({ default: m.BulkImportPanel })),
);
const ReadWithoutSaving = lazy(() =>
  import('@/features/import/components/read-without-saving').then((m) => ({
    default: m.ReadWithoutSaving,
  })),
);

export function LibraryRoute() {
  const problem = useQuery(databaseQueries.problem()).data ?? null;
  return (
    <div className="library-screen">
      <title>Library · Claimdesk</title>
      <h1>Library</h1>
      <LibraryBody problem={problem} />
    </div>
  );
}

function LibraryBody({ problem }: Readonly<{ problem: string | null }>) {
  // Part of the app did not load: the banner above asks for a reload, and reading would need it too.
  if (problem === MESSAGES.incomplete) return null;
  // No database here (private browsing, storage blocked): reading an article's claims still works.
  if (problem) {
    return (
      <Suspense fallback={<p className="hint">Loading…</p>}>
        <ReadWithoutSaving />
      </Suspense>
    );
  }
  return (
    <div className="library-layout">
      <ArticleList articleHref={paths.article} />
      <div>
        <ImportPanel articleHref={paths.article} />
        <ScreenErrorBoundary quiet>
          <Suspense fallback={null}>
            <BulkImportPanel />
          </Suspense>
        </ScreenErrorBoundary>
      </div>
    </div>
  );
}
