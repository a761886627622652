import referenceText from '@/core/attribution/fixtures/rotherham/article.txt?raw';
import { importArticleOnce } from '@/features/import/import-article';

/** Set once the reference article was added (the key of the first release, kept so it is never added twice). */
const SEEDED_KEY = 'seededReference';

let seeding: Promise<void> | null = null;

/**
 * On the very first start, import the reference article through the normal import path, once per
 * library ever: the flag and the article are written in one transaction (`seedArticleOnce`), so two
 * tabs starting together add it once, and deleting it later does not bring it back.
 */
export function seedReferenceArticle(): Promise<void> {
  seeding ??= importArticleOnce(SEEDED_KEY, { kind: 'paste', text: referenceText })
    .then(() => undefined)
    .finally(() => {
      seeding = null;
    });
  return seeding;
}
