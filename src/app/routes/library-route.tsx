import { useQuery } from '@tanstack/react-query';
import { paths } from '@/app/paths';
import { databaseQueries } from '@/db/health';
import { BulkImportPanel } from '@/features/import/bulk/components/bulk-import-panel';
import { ImportPanel } from '@/features/import/components/import-panel';
import { ReadWithoutSaving } from '@/features/import/components/read-without-saving';
import { ArticleList } from '@/features/library/components/article-list';

export function LibraryRoute() {
  // No database here (private browsing, storage blocked): reading an article's claims still works.
  if (useQuery(databaseQueries.problem()).data) {
    return (
      <div className="library-screen">
        <title>Library · Claimdesk</title>
        <h1>Library</h1>
        <ReadWithoutSaving />
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
          <BulkImportPanel />
        </div>
      </div>
    </div>
  );
}
