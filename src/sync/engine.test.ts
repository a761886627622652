import { afterEach, describe, expect, test, vi } from 'vitest';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB } from '@/test/db';
import { type Device, editRow, importOn, newDevice, newTeam, type Team, through } from '@/test/sync-devices';

const devices: Device[] = [];
async function device(team: Team, person: string, options: Parameters<typeof newDevice>[2] = {}) {
  const d = await newDevice(team, person, options);
  devices.push(d);
  return d;
}

afterEach(async () => {
  for (const d of devices.splice(0)) {
    await d.engine.stop();
    d.db.close();
    await d.db.delete();
  }
});

const liveClaims = async (d: Device) =>
  (await d.db.claims.toArray()).filter((c) => c.deletedAt === null).sort((a, b) => (a.id < b.id ? -1 : 1));

describe('sync engine against the test CouchDB', () => {
  test('a library pushed by one device arrives whole on another, with its summaries', async () => {
    const team = await newTeam();
    const a = await device(team, 'ana');
    const b = await device(team, 'ben');
    const { articleId, claimIds } = await importOn(a, ARTICLE_A, extractionA());
    const pushed = await a.engine.syncOnce();
    expect(pushed).toMatchObject({ complete: true, state: 'idle' });
    expect(pushed.pushed).toBeGreaterThan(claimIds.length);
    expect(await a.db.syncOutbox.count()).toBe(0);

    const pulled = await b.engine.syncOnce();
    expect(pulled).toMatchObject({ complete: true, state: 'idle' });
    expect((await liveClaims(b)).map((c) => c.id)).toEqual([...claimIds].sort());
    expect((await b.db.articles.get(articleId as never))?.sha256).toBe(
      (await a.db.articles.get(articleId as never))?.sha256,
    );
    // derived rows are kept on the receiving device, never replicated
    expect(await b.db.claimFacets.count()).toBe(claimIds.length);
    expect((await b.db.summaries.get(`a:${articleId}`))?.counts).toBeDefined();
    // pulled rows are not pushed back
    expect(await b.db.syncOutbox.count()).toBe(0);
    expect(b.engine.getStatus()).toMatchObject({ state: 'idle', pending: 0, role: 'member' });
  });
});
