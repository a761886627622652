import { Dexie } from 'dexie';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createClaimdeskDb, declareSchema } from './db';
import { CURRENT_VERSION, SCHEMA_VERSIONS } from './schema';
import { noteStoredVersion } from './stored-version';

const shape = (d: Dexie) =>
  d.tables
    .map((t) => [t.name, t.schema.primKey.src, t.schema.indexes.map((i) => i.src).sort()] as const)
    .sort(([a], [b]) => a.localeCompare(b));

const opened: Dexie[] = [];
/** A new app instance of database `name`, opened (deleted after the test). */
async function openedDb(name: string) {
  const d = createClaimdeskDb(name);
  opened.push(d);
  await d.open();
  return d;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of opened.splice(0)) await d.delete();
});

describe('the schema a new instance declares (the history only for an open that upgrades)', () => {
  test('the newest version alone has the tables and indexes the whole history makes', () => {
    const whole = new Dexie('declared-whole');
    declareSchema(whole);
    const newest = createClaimdeskDb('declared-newest');
    expect(newest.verno).toBe(CURRENT_VERSION);
    expect(shape(newest)).toEqual(shape(whole));
  });

  test('a database already at the newest version is opened without declaring the older ones; an older one with them', async () => {
    (await openedDb('declared-current')).close();
    const version = vi.spyOn(Dexie.prototype, 'version');
    const again = await openedDb('declared-current');
    expect(version).toHaveBeenCalledTimes(1);
    again.close();

    const old = new Dexie('declared-old');
    declareSchema(old, SCHEMA_VERSIONS[3]!.version);
    await old.open();
    old.close();
    version.mockClear();
    const upgraded = await openedDb('declared-old');
    expect(version.mock.calls.length).toBeGreaterThan(SCHEMA_VERSIONS.length);
    expect(upgraded.verno).toBe(CURRENT_VERSION);
    expect(shape(upgraded)).toEqual(shape(again));
  });

  test("a version noted by a connection that just opened the database (the search worker's early read) is taken instead of asking the browser, once", async () => {
    (await openedDb('declared-noted')).close();
    const asked = vi.spyOn(indexedDB, 'databases');
    const version = vi.spyOn(Dexie.prototype, 'version');
    noteStoredVersion('declared-noted', CURRENT_VERSION * 10);
    const noted = createClaimdeskDb('declared-noted');
    await noted.open();
    expect(asked).not.toHaveBeenCalled();
    expect(version).toHaveBeenCalledTimes(1);
    noted.close();
    await noted.open();
    expect(asked).toHaveBeenCalledTimes(1);
    noted.close();
  });
});
