import { fileURLToPath } from 'node:url';

/** The browser storage (IndexedDB included) of a profile whose first run is over, made by the setup project. */
export const SEEDED_PROFILE = fileURLToPath(new URL('../test-results/.seeded-profile.json', import.meta.url));

/** For a spec about the first run itself: a profile with nothing stored. */
export const EMPTY_PROFILE = { cookies: [], origins: [] };

/**
 * The seeded profile with the Kelsey article (sixty claims, claims-table-fixtures.ts) imported too: the
 * starting point of the Claims-screen stories, which each used to import it through the paste form.
 */
export const KELSEY_PROFILE = fileURLToPath(
  new URL('../test-results/.seeded-profile-kelsey.json', import.meta.url),
);

/** The id of the Kelsey article in KELSEY_PROFILE, written by the setup that imports it. */
export const KELSEY_ARTICLE_ID = fileURLToPath(
  new URL('../test-results/.seeded-profile-kelsey-article-id.txt', import.meta.url),
);
