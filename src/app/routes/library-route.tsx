import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { paths } from '@/app/paths';
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
  // No database here (private browsing, storage blocked): reading an article's claims still works.
  if (useQuery(databaseQueries.problem()).data) {
    return (
      <div className="library-screen">
        <title>Library · Claimdesk</title>
        <h1>Library</h1>
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <ReadWithoutSaving />
        </Suspense>
      </div>
    );
  }
  return (
    <div className="library-screen">
      <title>Library · Claimdesk</title>
      <h1>Library</h1>
      <div className="library-layout">
        <ArticleList articleHref={paths.article} />
        <div>
          <ImportPanel articleHref={paths.article} />
          <Suspense fallback={null}>
            <BulkImportPanel />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
