import { test as setup } from '@playwright/test';
import { openLibrary } from './fixtures';
import { SEEDED_PROFILE } from './seeded-profile';

// Every story starts on a profile where the first run is over (the reference article extracted and
// stored). Extracting it again in each test's fresh profile cost a second or more a test, several on a
// loaded machine; the first run itself is told by the first-run specs, which start from nothing.
setup('a profile after the first run', async ({ page }) => {
  await openLibrary(page);
  await page.context().storageState({ path: SEEDED_PROFILE, indexedDB: true });
});
