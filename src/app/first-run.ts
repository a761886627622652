import { getMeta, setMeta } from '@/db/meta';

let seeding: Promise<void> | null = null;

/**
 * On the very first start, import the reference article through the normal import path; remember
 * that it was done, so deleting the article later does not bring it back.
 */
export function seedReferenceArticle(): Promise<void> {
  seeding ??= (async () => {
    if (await getMeta('seededReference')) return;
    // Loaded only on the first start: the article and the import path stay out of the first load.
    const [{ default: referenceText }, { importArticle }] = await Promise.all([
      import('@/core/attribution/fixtures/rotherham/article.txt?raw'),
      import('@/features/import/import-article'),
    ]);
    await importArticle({ kind: 'paste', text: referenceText });
    await setMeta('seededReference', true);
  })().finally(() => {
    seeding = null;
  });
  return seeding;
}
