/**
 * Hostile source addresses through every way a source is written (create, attach, update): each
 * is refused with a sentence for the person and nothing stored changes, or stored as an http(s) URL.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { ARTICLE_A, extractionA, resetDb } from '@/test/db';
import { saveImportedArticle } from './articles';
import { db } from './db';
import { describeDbError, MESSAGES } from './errors';
import { attachSource } from './evidence';
import { createSource, updateSource } from './sources';
import { HOSTILE_URLS, ODD_BUT_SAFE_URLS } from './testing/hostile';
import { snapshotDb } from './testing/snapshot';

beforeEach(resetDb);

async function setup() {
  const { articleId } = await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  const claimId = (await db.claims.where('articleId').equals(articleId).first())!.id as ClaimId;
  const source = await createSource({ url: 'https://example.org/ok', title: 'Fine' });
  return { claimId, source };
}

const DOORS = {
  createSource: (_: { claimId: ClaimId }, url: string) => createSource({ url, title: 'T' }),
  attachSource: ({ claimId }: { claimId: ClaimId }, url: string) =>
    attachSource(claimId, { url, title: 'T' }),
  updateSource: ({ source }: { source: { id: never } }, url: string) => updateSource(source.id, { url }),
} as const;

describe('hostile source addresses', () => {
  for (const [door, write] of Object.entries(DOORS)) {
    for (const [name, url] of HOSTILE_URLS) {
      test(`${door}: ${name} is refused, clearly, and nothing changes`, async () => {
        const ctx = await setup();
        const before = await snapshotDb(db);
        const error = await write(ctx as never, url).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, url.slice(0, 60)).not.toBeNull();
        const message = describeDbError(error);
        expect(message).toMatch(/address|URL|link/i);
        expect(message).not.toBe(MESSAGES.unknown);
        expect(message.length).toBeLessThan(300); // never the whole 100 KB back
        expect(await snapshotDb(db)).toEqual(before);
      });
    }
    for (const [name, url] of ODD_BUT_SAFE_URLS) {
      test(`${door}: ${name} is stored as an http(s) URL`, async () => {
        const ctx = await setup();
        await write(ctx as never, url);
        for (const s of await db.sources.toArray()) {
          expect(new URL(s.url).protocol).toMatch(/^https?:$/);
          expect(s.url).not.toMatch(/[<>"\s]/);
        }
      });
    }
  }
});
