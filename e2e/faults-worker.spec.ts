import type { Page, Worker } from '@playwright/test';
import { expect, importStatus, MILLBROOK, openLibrary, pasteArticle, test } from './fixtures';

/** The extractor worker the first-run import started. */
async function pipelineWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => /pipeline/.test(w.url()))).toBe(true);
  return page.workers().find((w) => /pipeline/.test(w.url()))!;
}

async function articleCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('claimdesk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('articles').objectStore('articles').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
}

// Each story starts with the first run's extraction on an empty profile, which on a loaded two-core
// machine alone can take most of the default 30 s.
test.describe.configure({ timeout: 90_000 });

test('the worker crashing mid-article: the page says so, saves nothing, and the next import works', async ({
  page,
}) => {
  await openLibrary(page);
  const worker = await pipelineWorker(page);
  const before = await articleCount(page);
  // The next request kills the worker (an uncaught error) before the extractor's answer leaves it.
  await worker.evaluate(() => {
    self.postMessage = () => undefined;
    self.addEventListener('message', () => {
      throw new Error('simulated worker crash');
    });
  });
  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(
    'The claim finder stopped unexpectedly, so nothing was saved',
  );
  expect(await articleCount(page)).toBe(before);
  await expect.poll(() => page.workers().includes(worker)).toBe(false);

  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
  expect(await articleCount(page)).toBe(before + 1);
});

test('the worker hanging mid-article: stopped after the timeout, and the next import works', async ({
  page,
}) => {
  await openLibrary(page);
  const worker = await pipelineWorker(page);
  const before = await articleCount(page);
  // The page's timers from here on run on a clock the test can move: the wait for a worker that
  // never answers (src/workers/pipeline.ts, 45 s for this article) is skipped, not sat through.
  await page.clock.install();
  // The worker takes the next request and never answers.
  await worker.evaluate(() => {
    self.postMessage = () => undefined;
  });
  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText('Finding the claims…');
  await expect(page.getByText('Finding the claims took too long')).toHaveCount(0);
  await page.clock.fastForward('01:00');
  await expect(importStatus(page)).toContainText('Finding the claims took too long and was stopped');
  expect(await articleCount(page)).toBe(before);
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeEnabled();

  await pasteArticle(page, MILLBROOK.text);
  await expect(importStatus(page)).toContainText(`Imported ${MILLBROOK.title}`);
  expect(await articleCount(page)).toBe(before + 1);
});
