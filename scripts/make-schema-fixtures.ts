/**
 * Builds a fixture database at every released schema version, as JSON under src/db/fixtures/
 * (`schema-v<N>.json`: `{ version, tables: { name: rows[] } }`), for `schema-fixtures.test.ts`.
 *
 *   npm run fixtures:schema            # writes the versions that have no file yet
 *   npm run fixtures:schema -- --force 3
 *
 * A fixture is made once, when its version is released, by the code of that version, and then
 * never changes: it is what real people's databases at that version hold. Releasing a version is
 * one entry in FIXTURES below (`{ version: N, build: withTheAppAsItIsNow }`) and one run.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { extractClaims } from '@/core/extract/pipeline';
import type { ClaimId, SpeakerId } from '@/core/model/types';
import { saveImportedArticle, softDeleteArticle } from '@/db/articles';
import {
  addTagToClaims,
  setClaimsVerdict,
  setClaimVerdict,
  softDeleteClaims,
  updateClaim,
} from '@/db/claims';
import { db, declareSchema } from '@/db/db';
import { attachSource, removeEvidence } from '@/db/evidence';
import { setMeta } from '@/db/meta';
import { createQuestion, setStance } from '@/db/questions';
import { CURRENT_VERSION } from '@/db/schema';
import { mergeSpeakers } from '@/db/speakers';
import { SYNC_KEYS } from '@/db/sync-tables';
import { redo, undo } from '@/db/undo';
import { ARTICLE_A, ARTICLE_B, extractionA, extractionB } from '@/test/db';

type SchemaFixture = Readonly<{ version: number; tables: Record<string, Record<string, unknown>[]> }>;

type Build = (version: number) => Promise<SchemaFixture>;

const ROOT = join(import.meta.dirname, '..');
const DIR = join(ROOT, 'src', 'db', 'fixtures');
const referenceText = readFileSync(join(ROOT, 'src/core/attribution/fixtures/rotherham/article.txt'), 'utf8');
const fixturePath = (version: number) => join(DIR, `schema-v${version}.json`);

/** Every row as IndexedDB holds it: read without the app's middlewares (claims keep their hot keys, schema v14). */
async function dump(version: number): Promise<SchemaFixture> {
  const raw = new Dexie(db.name);
  declareSchema(raw);
  await raw.open();
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const t of raw.tables) tables[t.name] = (await t.toArray()) as Record<string, unknown>[];
  raw.close();
  return { version, tables };
}

/**
 * A working library written by the app's own repositories: three imports (one real extraction),
 * verdicts, bulk tags, sources and links, a removed link, edits, a speaker merge, tombstones, a
 * question with stances, and undo / redo batches.
 */
async function withTheAppAsItIsNow(version: number): Promise<SchemaFixture> {
  if (version !== CURRENT_VERSION) {
    throw new Error(
      `The app is at schema version ${CURRENT_VERSION}; version ${version} cannot be built now.`,
    );
  }
  db.close();
  await db.delete();
  await db.open();
  const ref = await saveImportedArticle({ text: referenceText }, extractClaims(referenceText));
  const a = await saveImportedArticle({ text: ARTICLE_A, url: 'https://example.org/a' }, extractionA());
  const b = await saveImportedArticle({ text: ARTICLE_B }, extractionB());
  const claimsOf = async (id: string) =>
    (await db.claims.where('articleId').equals(id).sortBy('start')).map((c) => c.id as ClaimId);
  const refClaims = await claimsOf(ref.articleId);
  const aClaims = await claimsOf(a.articleId);

  await setClaimVerdict(aClaims[0]!, 'mostly true');
  await setClaimsVerdict(refClaims.slice(0, 5), 'in progress');
  await addTagToClaims(refClaims.slice(0, 12), 'policing');
  await addTagToClaims([aClaims[0]!, refClaims[0]!], 'numbers');
  const { source } = await attachSource(
    aClaims[0]!,
    {
      url: 'https://www.gov.uk/police-workforce',
      title: 'Police workforce statistics',
      publisher: 'Home Office',
    },
    { relation: 'supports', passage: '200 more officers than in 2014' },
  );
  await attachSource(refClaims[1]!, source.id, { relation: 'refutes', note: 'Different year' });
  const { evidence } = await attachSource(refClaims[2]!, {
    url: 'https://example.org/old',
    title: 'Old report',
  });
  await removeEvidence(evidence.id);
  await updateClaim(refClaims[3]!, { notes: 'Ask the force press office.', ratingNote: 'Pending' });
  await softDeleteClaims([refClaims[4]!]);
  const speakers = await db.speakers.orderBy('key').primaryKeys();
  await mergeSpeakers(speakers[0] as SpeakerId, [speakers[1] as SpeakerId]);
  const question = await createQuestion('Has policing in Rotherham improved?', [ref.articleId, a.articleId]);
  await setStance(question.id, aClaims[0]!, 'for');
  await setStance(question.id, refClaims[1]!, 'against');
  await setClaimVerdict(refClaims[6]!, 'false');
  await undo(); // the verdict
  await redo(); // and back
  await addTagToClaims(refClaims.slice(10, 20), 'to-undo');
  await undo();
  // a team connected (schema version 5): the writes from here on are captured in the sync outbox
  await db.syncState.bulkPut([
    {
      key: SYNC_KEYS.connection,
      value: { url: 'https://couch.example.org', database: 'newsroom', connectedAt: 1_760_000_000_000 },
    },
    { key: SYNC_KEYS.identity, value: { deviceId: 'device-fixture', author: 'fixture' } },
  ]);
  await softDeleteArticle(b.articleId);
  await setMeta('seededReference', true);
  return dump(version);
}

/**
 * Version 1 was released before these fixtures existed, and its code is gone from the tree: its
 * fixture is the version-2 library as version 1 stored it, without the `batchKind`, `target` and
 * batch `label` that version 2 added to history entries (the upgrade fills them in).
 */
async function version1FromVersion2(): Promise<SchemaFixture> {
  const v2 = JSON.parse(readFileSync(fixturePath(2), 'utf8')) as SchemaFixture;
  return {
    version: 1,
    tables: {
      ...v2.tables,
      history: v2.tables.history!.map(
        ({ batchKind: _kind, target: _target, label: _label, ...entry }) => entry,
      ),
    },
  };
}

/** Version 2 as it stored the version-3 library: questions without `placedClaimIds` (version 3 derives it). */
async function version2FromVersion3(): Promise<SchemaFixture> {
  const v3 = JSON.parse(readFileSync(fixturePath(3), 'utf8')) as SchemaFixture;
  return {
    version: 2,
    tables: {
      ...v3.tables,
      questions: v3.tables.questions!.map(({ placedClaimIds: _placed, ...question }) => question),
    },
  };
}

/** The derived tables version 4 added (src/db/derived, search.ts): rebuilt from the rows, never in older libraries. */
const DERIVED_TABLES = ['claimFacets', 'summaries', 'searchIndex'];

/** Version 3 as it stored the version-4 library: the same rows, without the derived tables (version 4 builds them). */
async function version3FromVersion4(): Promise<SchemaFixture> {
  const v4 = JSON.parse(readFileSync(fixturePath(4), 'utf8')) as SchemaFixture;
  return {
    version: 3,
    tables: Object.fromEntries(Object.entries(v4.tables).filter(([name]) => !DERIVED_TABLES.includes(name))),
  };
}

/** The tables version 5 added for team sync (src/db/sync-tables.ts): empty in older libraries. */
const SYNC_TABLES = ['syncOutbox', 'syncRevisions', 'syncState'];

/** Version 4 as it stored the version-5 library: no sync tables. */
async function version4FromVersion5(): Promise<SchemaFixture> {
  const v5 = JSON.parse(readFileSync(fixturePath(5), 'utf8')) as SchemaFixture;
  return {
    version: 4,
    tables: Object.fromEntries(Object.entries(v5.tables).filter(([name]) => !SYNC_TABLES.includes(name))),
  };
}

/** A fixture made by the app of its own version (that code is gone from the tree): it is kept as it is. */
async function keptAsReleased(version: number): Promise<SchemaFixture> {
  throw new Error(
    `schema-v${version}.json was made by the app at version ${version} and cannot be made again.`,
  );
}

/** Each released version once, oldest first. */
const FIXTURES: readonly Readonly<{ version: number; build: Build }>[] = [
  { version: 1, build: version1FromVersion2 },
  { version: 2, build: version2FromVersion3 },
  { version: 3, build: version3FromVersion4 },
  { version: 4, build: version4FromVersion5 },
  { version: 5, build: keptAsReleased },
  { version: 6, build: keptAsReleased },
  { version: 7, build: keptAsReleased },
  { version: 8, build: keptAsReleased },
  { version: 9, build: keptAsReleased },
  { version: 10, build: keptAsReleased },
  { version: 11, build: keptAsReleased },
  { version: 12, build: keptAsReleased },
  { version: 13, build: keptAsReleased },
  { version: 14, build: keptAsReleased },
  { version: 15, build: withTheAppAsItIsNow },
];

async function main(args: readonly string[]) {
  const forced = args.includes('--force') ? Number(args[args.indexOf('--force') + 1]) : null;
  // newest first: the newest is built by the app as it is now; an older one may be derived from a newer one
  for (const { version, build } of [...FIXTURES].reverse()) {
    const path = fixturePath(version);
    if (existsSync(path) && forced !== version) {
      console.log(`schema-v${version}.json exists (kept)`);
      continue;
    }
    const fixture = await build(version);
    writeFileSync(path, `${JSON.stringify(fixture, null, 1)}\n`);
    const rows = Object.values(fixture.tables).reduce((n, t) => n + t.length, 0);
    console.log(`schema-v${version}.json: ${rows} rows`);
  }
  db.close();
}

await main(process.argv.slice(2));
