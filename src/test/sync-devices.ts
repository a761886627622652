/**
 * Sync test helpers: a "device" is a Claimdesk database of its own name (fake-indexeddb) with a
 * signed-in cookie jar and an engine; edits are made as the app makes them (row + history entry in
 * one transaction, captured into the outbox by the middleware).
 */
import { afterEach, inject } from 'vitest';
import type { Extraction } from '@/core/extract/types';
import { claimFromExtracted } from '@/core/model/claim-row';
import { speakerKey } from '@/core/model/speaker-key';
import type { Article, Claim, HistoryEntry, Speaker, SpeakerId } from '@/core/model/types';
import { articleIdFor, claimIdFor, prepareImport, speakerIdFor } from '@/db/articles';
import { newId } from '@/db/ids';
import { openDeviceDatabase, type SyncDb } from '@/db/sync-db';
import { createSyncEngine } from '@/sync/engine';
import { signIn } from '@/sync/session';
import { cookieFetch } from '@/sync/testing/cookie-fetch';
import { createTeam, uniqueDbName } from '@/sync/testing/couch-server';
import type { FetchLike, SyncEngine, SyncEngineOptions } from '@/sync/types';

export const couch = () => inject('couch');

export type Team = { db: string; url: string };

export async function newTeam(people: { members?: string[]; viewers?: string[] } = {}): Promise<Team> {
  const { url, admin } = couch();
  const db = uniqueDbName('sync');
  const person = (name: string) => ({ name: `${name}-${db}`, password: `pw-${name}` });
  await createTeam(url, admin, {
    db,
    members: (people.members ?? ['ana', 'ben', 'cy']).map(person),
    viewers: (people.viewers ?? ['vic']).map(person),
  });
  return { db, url };
}

export type Device = {
  name: string;
  db: SyncDb;
  fetch: FetchLike;
  engine: SyncEngine;
  /** The device's clock (ms), moved by tests. */
  clock: { now: number };
};

export async function newDevice(
  team: Team,
  person: string,
  options: Partial<SyncEngineOptions> & { fetch?: FetchLike } = {},
): Promise<Device> {
  const name = `${person}-${newId().slice(-12)}`;
  const db = options.db ?? openDeviceDatabase(`device-${name}`);
  await db.open();
  const jar = cookieFetch();
  await signIn(team.url, `${person}-${team.db}`, `pw-${person}`, { fetch: jar });
  const clock = { now: 1_800_000_000_000 };
  const engine = createSyncEngine({
    db,
    url: team.url,
    database: team.db,
    deviceId: `device-${name}`,
    author: person,
    estimate: null,
    now: () => clock.now,
    ...options,
    fetch: options.fetch ? wrapFetch(jar, options.fetch) : jar,
  });
  return { name, db, fetch: jar, engine, clock };
}

/**
 * Another engine on a device's database and session, as a reload or the same person choosing
 * another slice makes one (`stop()` it after use).
 */
export function engineOn(
  device: Device,
  team: Team,
  author: string,
  deviceId: string,
  options: Partial<SyncEngineOptions> = {},
): SyncEngine {
  return createSyncEngine({
    db: device.db,
    url: team.url,
    database: team.db,
    deviceId,
    author,
    estimate: null,
    fetch: device.fetch,
    ...options,
  });
}

/** `outer` may change or refuse requests before they reach the signed-in `jar`. */
function wrapFetch(jar: FetchLike, outer: FetchLike): FetchLike {
  return (input, init) =>
    (outer as (i: string, n: RequestInit | undefined, next: FetchLike) => Promise<Response>)(
      input,
      init,
      jar,
    );
}

/** A fetch middleware: `(input, init, next) => …` (the third argument reaches the server). */
export const through = (
  fn: (input: string, init: RequestInit | undefined, next: FetchLike) => Promise<Response>,
): FetchLike => fn as unknown as FetchLike;

/** Edits a row as a repository does: the row, `updatedAt` and one history entry, in one transaction. */
export async function editRow(
  device: Device,
  table: 'claims' | 'speakers' | 'articles',
  id: string,
  patch: Record<string, unknown>,
): Promise<string> {
  const batchId = newId();
  const t = device.db.table(table);
  await device.db.transaction('rw', [t, device.db.history], async () => {
    const row = (await t.get(id)) as Record<string, unknown>;
    const from = Object.fromEntries(Object.keys(patch).map((k) => [k, row[k]]));
    const updatedAt = Math.max(device.clock.now, Number(row.updatedAt) + 1);
    await t.put({ ...row, ...patch, updatedAt });
    const entry: HistoryEntry = {
      id: newId(),
      table,
      rowId: id,
      batchId,
      action: 'update',
      from,
      to: patch,
      at: device.clock.now,
      undoneAt: null,
      batchKind: 'change',
      target: null,
    } as HistoryEntry;
    await device.db.history.add(entry);
  });
  return batchId;
}

/**
 * Imports an article on a device as articles.ts does (content-derived article, claim and speaker
 * ids), or with random ids as an older library has them (`legacyId`: all; `legacySpeakers`: speakers).
 */
export async function importOn(
  device: Device,
  text: string,
  extraction: Extraction,
  options: { legacyId?: boolean; legacySpeakers?: boolean } = {},
): Promise<{ articleId: string; claimIds: string[] }> {
  const prepared = await prepareImport({ text }, extraction);
  const now = device.clock.now;
  const articleId = options.legacyId ? newId() : articleIdFor(prepared.sha);
  const speakerIds = new Map<string, SpeakerId>();
  const random = options.legacyId || options.legacySpeakers;
  const derived = await Promise.all(extraction.speakers.map((s) => speakerIdFor(speakerKey(s.name))));
  const speakers: Speaker[] = extraction.speakers.map((s, i) => {
    const id = random ? newId<SpeakerId>() : derived[i]!;
    speakerIds.set(s.id, id);
    return {
      id,
      name: s.name,
      key: speakerKey(s.name),
      type: s.type,
      role: s.role,
      aliases: [...s.aliases],
      updatedAt: now,
      deletedAt: null,
    };
  });
  const claims: Claim[] = extraction.claims
    .filter((c) => c.kind !== 'unattributed')
    .map((c) =>
      claimFromExtracted(
        (options.legacyId ? newId() : claimIdFor(articleId as never, c.start, c.end)) as never,
        articleId as never,
        text,
        c,
        c.speakerId === null ? null : (speakerIds.get(c.speakerId) ?? null),
        now,
      ),
    );
  const article: Article = {
    id: articleId as never,
    title: prepared.title,
    text,
    outlet: null,
    url: null,
    publishedAt: null,
    importedAt: now,
    extractorVersion: extraction.version,
    sha256: prepared.sha,
    boilerplate: [],
    updatedAt: now,
    deletedAt: null,
  };
  const { db } = device;
  await db.transaction('rw', [db.articles, db.speakers, db.claims, db.history], async () => {
    await db.articles.add(article);
    // a person the library already has (same key, same derived id) is not made twice
    const known = new Set((await db.speakers.bulkGet(speakers.map((sp) => sp.id))).map((sp) => sp?.id));
    await db.speakers.bulkAdd(speakers.filter((sp) => !known.has(sp.id)));
    await db.claims.bulkAdd(claims);
    await db.history.add({
      id: newId(),
      table: 'articles',
      rowId: articleId,
      batchId: newId(),
      action: 'create',
      from: null,
      to: { title: article.title, sha256: article.sha256, claimIds: claims.map((c) => c.id) },
      at: now,
      undoneAt: null,
      batchKind: 'change',
      target: null,
    } as HistoryEntry);
  });
  return { articleId, claimIds: claims.map((c) => c.id) };
}

/**
 * Registers an afterEach that stops, closes and deletes every device made in the test, and returns
 * the function that makes them (`newDevice`'s arguments).
 */
export function devicesOfEachTest(): (
  team: Team,
  person: string,
  options?: Parameters<typeof newDevice>[2],
) => Promise<Device> {
  const devices: Device[] = [];
  afterEach(async () => {
    for (const d of devices.splice(0)) {
      await d.engine.stop();
      d.db.close();
      await d.db.delete();
    }
  });
  return async (team, person, options = {}) => {
    const d = await newDevice(team, person, options);
    devices.push(d);
    return d;
  };
}
