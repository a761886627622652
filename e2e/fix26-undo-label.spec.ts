import { expect, importStatus, openLibrary, pasteArticle, test } from './fixtures';

/**
 * Counts, in the page, the reads of a change batch's history entries (the `batchId` index) made
 * in a read-only transaction of the history tables alone: the Undo label's reads left the Undo
 * state's transaction that way (Dexie's zone lost while every shown query was read again after an
 * import), and that transaction then failed with "Transaction committed too early".
 */
function countEntryReadsOnTheirOwn() {
  const w = window as unknown as { entryReadsOnTheirOwn: number; entryReadsInUndoState: number };
  w.entryReadsOnTheirOwn = 0;
  w.entryReadsInUndoState = 0;
  const stores = new WeakMap<IDBTransaction, string>();
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, names, mode, options) {
    const tx = open.call(this, names, mode, options);
    stores.set(tx, `${mode ?? 'readonly'} ${[...(typeof names === 'string' ? [names] : names)].sort()}`);
    return tx;
  } as IDBDatabase['transaction'];
  for (const op of ['getAll', 'getAllKeys', 'openCursor', 'openKeyCursor'] as const) {
    const read = IDBIndex.prototype[op] as (...a: unknown[]) => IDBRequest;
    (IDBIndex.prototype as unknown as Record<string, unknown>)[op] = function (
      this: IDBIndex,
      ...args: unknown[]
    ) {
      if (this.name === 'batchId') {
        const where = stores.get(this.objectStore.transaction);
        // every transaction over history holds its batch rows too (src/db/history-batches.ts)
        if (where === 'readonly history,historyBatches') w.entryReadsOnTheirOwn++;
        if (where === 'readonly history,historyBatches,meta,syncState') w.entryReadsInUndoState++;
      }
      return read.apply(this, args);
    };
  }
}

test('after each import the footer’s Undo names that import, read in one transaction', async ({ page }) => {
  await page.addInitScript(countEntryReadsOnTheirOwn);
  await openLibrary(page);
  const undo = page.locator('.undo-controls').getByRole('button').first();
  for (const n of [1, 2, 3, 4]) {
    const title = `Council note ${n}`;
    await pasteArticle(
      page,
      `${title}\n\n“We will publish the figures on day ${n},” said Mayor Jane Okafor.\n\nThe council said it would review plan ${n}.`,
      title,
    );
    await expect(importStatus(page)).toContainText(`Imported ${title}`);
    await expect(undo).toHaveText(`↶ Undo: Import “${title}”`);
  }
  const reads = await page.evaluate(() => {
    const w = window as unknown as { entryReadsOnTheirOwn: number; entryReadsInUndoState: number };
    return { alone: w.entryReadsOnTheirOwn, inside: w.entryReadsInUndoState };
  });
  expect(reads.inside).toBeGreaterThan(0);
  expect(reads.alone).toBe(0);
});
