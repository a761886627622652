/**
 * The order in which a bulk edit and its undo ask IndexedDB for their writes: the facet rows of
 * changed claims are asked for while the claims' own write is still unanswered (worked out as soon
 * as the old facets are read, not after the claims are stored), and the summary rows are read
 * before the facet write is answered. Logged by a DBCore middleware below the derived rows', as
 * `quota-fault.ts` does, so every request the middleware makes passes through it.
 */
import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ClaimId } from '@/core/model/types';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB, resetDb } from '@/test/db';
import { saveImportedArticle } from '../articles';
import { setClaimsVerdict } from '../claims';
import { db } from '../db';
import { undo } from '../undo';

const NAME = 'claimdesk-write-order';
type Step = Readonly<{ event: 'asked' | 'answered'; what: string }>;
let steps: Step[] | null = null;

const logging: Middleware<DBCore> = {
  stack: 'dbcore',
  name: NAME,
  level: 1,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      const logged = <T>(what: string, run: () => Promise<T>): Promise<T> => {
        const log = steps;
        log?.push({ event: 'asked', what });
        const p = run();
        // bookkeeping on the side: the request's own promise goes back as it is (Dexie's zone)
        p.then(
          () => log?.push({ event: 'answered', what }),
          () => undefined,
        );
        return p;
      };
      return {
        ...table,
        mutate: (req) => logged(`${req.type} ${name}`, () => table.mutate(req)),
        getMany: (req) => logged(`getMany ${name}`, () => table.getMany(req)),
      };
    },
  }),
};

beforeEach(async () => {
  await resetDb();
  db.close();
  db.use(logging);
  await db.open();
});

afterEach(async () => {
  steps = null;
  db.close();
  db.unuse({ stack: 'dbcore', name: NAME });
  await db.open();
});

async function twoArticles(): Promise<ClaimId[]> {
  await saveImportedArticle({ text: ARTICLE_A }, extractionA());
  await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  return (await db.claims.toCollection().primaryKeys()) as ClaimId[];
}

async function logOf(write: () => Promise<unknown>): Promise<Step[]> {
  steps = [];
  await write();
  const log = steps;
  steps = null;
  return log;
}

/** Where a step first happens in the log (-1 when never). */
const at = (log: readonly Step[], event: Step['event'], what: string) =>
  log.findIndex((s) => s.event === event && s.what === what);

function expectDerivedAhead(log: readonly Step[]) {
  const claimsAnswered = at(log, 'answered', 'put claims');
  expect(claimsAnswered).toBeGreaterThan(-1);
  // the facets are asked for before the claims' write is answered
  expect(at(log, 'asked', 'put claimFacets')).toBeGreaterThan(-1);
  expect(at(log, 'asked', 'put claimFacets')).toBeLessThan(claimsAnswered);
  // the summaries are read before the facets' write is answered
  expect(at(log, 'asked', 'getMany summaries')).toBeGreaterThan(-1);
  expect(at(log, 'asked', 'getMany summaries')).toBeLessThan(at(log, 'answered', 'put claimFacets'));
}

describe('the derived rows of a claims put are asked for while the claims are stored', () => {
  test('a bulk verdict', async () => {
    const ids = await twoArticles();
    const log = await logOf(() => setClaimsVerdict(ids, 'false'));
    expectDerivedAhead(log);
  });

  test('its undo', async () => {
    const ids = await twoArticles();
    await setClaimsVerdict(ids, 'false');
    const log = await logOf(() => undo());
    expectDerivedAhead(log);
    // and the undo did undo
    expect(new Set((await db.claims.bulkGet(ids)).map((c) => c?.verdict))).toEqual(new Set(['unchecked']));
  });
});
