import { getMeta } from '@/db/meta';

/** Set once the reference article was added (the key of the first release, kept so it is never added twice). */
const SEEDED_KEY = 'seededReference';

let seeding: Promise<void> | null = null;

/**
 * On the very first start, import the reference article through the normal import path, once per
 * library ever: the flag and the article are written in one transaction (`seedArticleOnce`), so two
 * tabs starting together add it once, and deleting it later does not bring it back. The article and
 * the import code are loaded only when the flag is not set, so they stay out of the first load.
 */
export function seedReferenceArticle(): Promise<void> {
  seeding ??= (async () => {
    if (await getMeta(SEEDED_KEY)) return;
    const [{ default: referenceText }, { importArticleOnce }] = await Promise.all([
      import('@/core/attribution/fixtures/rotherham/article.txt?raw'),
      import('@/features/import/import-article'),
    ]);
    await importArticleOnce(SEEDED_KEY, { kind: 'paste', text: referenceText });
  })().finally(() => {
    seeding = null;
  });
  return seeding;
}
