import { paths } from '@/app/paths';
import { BulkImportPanel } from '@/features/import/bulk/components/bulk-import-panel';
import { ImportPanel } from '@/features/import/components/import-panel';
import { ArticleList } from '@/features/library/components/article-list';

export function LibraryRoute() {
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
