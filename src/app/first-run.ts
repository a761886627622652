import referenceText from '@/core/attribution/fixtures/rotherham/article.txt?raw';
import { getMeta, setMeta } from '@/db/meta';
import { importArticle } from '@/features/import/import-article';

let seeding: Promise<void> | null = null;

/**
 * On the very first start, import the reference article through the normal import path; remember
 * that it was done, so deleting the article later does not bring it back.
 */
export function seedReferenceArticle(): Promise<void> {
  seeding ??= (async () => {
    if (await getMeta('seededReference')) return;
    await importArticle({ kind: 'paste', text: referenceText });
    await setMeta('seededReference', true);
  })().finally(() => {
    seeding = null;
  });
  return seeding;
}
