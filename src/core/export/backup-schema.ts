import { z } from 'zod';
import { SOURCE_TYPES, VERDICTS } from '../model/types';
import { CLAIM_KINDS } from '../review/kinds';

/** Backup envelope: what this app writes, and every older version it can still read. */
export const BACKUP_FORMAT = 'claimdesk-backup';
export const BACKUP_VERSION = 2;

import { BACKUP_TABLES, type BackupTable } from './backup-table-names';

export { BACKUP_TABLES, type BackupTable };

const int = z.number().int();
const time = z.number();
const id = z.string().min(1).max(200);
const nullableTime = time.nullable();
const mention = z
  .strictObject({ start: int.nonnegative(), end: int.nonnegative(), text: z.string() })
  .nullable();

export const articleSchema = z.strictObject({
  id,
  title: z.string(),
  text: z.string(),
  outlet: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  importedAt: time,
  extractorVersion: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a hex SHA-256'),
  boilerplate: z.array(
    z.strictObject({ start: int.nonnegative(), end: int.nonnegative(), reason: z.string() }),
  ),
  updatedAt: time,
  deletedAt: nullableTime,
});

export const speakerSchema = z.strictObject({
  id,
  name: z.string(),
  key: z.string(),
  type: z.enum(['person', 'group', 'organization', 'document', 'unknown']),
  role: z.string().nullable(),
  aliases: z.array(z.string()),
  updatedAt: time,
  deletedAt: nullableTime,
});

export const sourceSchema = z.strictObject({
  id,
  url: z.string(),
  title: z.string(),
  publisher: z.string(),
  date: z.string().nullable(),
  type: z.enum(SOURCE_TYPES),
  notes: z.string(),
  excerpt: z.string().nullable(),
  updatedAt: time,
  deletedAt: nullableTime,
});

export const claimSchema = z.strictObject({
  id,
  articleId: id,
  speakerId: id.nullable(),
  text: z.string(),
  start: int.nonnegative(),
  end: int.nonnegative(),
  quote: z.strictObject({ exact: z.string(), prefix: z.string(), suffix: z.string() }),
  kind: z.enum(CLAIM_KINDS as [string, ...string[]]),
  cue: mention,
  speakerMention: mention,
  confidence: z.number().min(0).max(1),
  checkworthy: z.strictObject({ score: z.number().min(0).max(1), signals: z.array(z.string()) }),
  verdict: z.enum(VERDICTS),
  ratingNote: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  origin: z.enum(['extracted', 'manual']),
  createdAt: time,
  /** Extracted claims since extractor 0.4.0: the attribution rule and the quotation group. */
  rule: z.string().min(1).max(200).optional(),
  groupId: id.optional(),
  updatedAt: time,
  deletedAt: nullableTime,
});

export const evidenceSchema = z.strictObject({
  id,
  claimId: id,
  sourceId: id,
  relation: z.enum(['supports', 'refutes', 'context']),
  passage: z.string(),
  note: z.string(),
  updatedAt: time,
  deletedAt: nullableTime,
});

export const questionSchema = z.strictObject({
  id,
  text: z.string(),
  articleIds: z.array(id),
  stances: z.record(z.string(), z.enum(['for', 'against', 'neutral', 'mixed'])),
  placedClaimIds: z.array(id),
  updatedAt: time,
  deletedAt: nullableTime,
});

const change = z.record(z.string(), z.unknown()).nullable();

export const historySchema = z.strictObject({
  id,
  table: z.enum(['claims', 'speakers', 'sources', 'evidence', 'articles', 'questions']),
  rowId: id,
  batchId: id,
  action: z.enum(['create', 'update', 'delete', 'restore']),
  from: change,
  to: change,
  at: time,
  undoneAt: nullableTime,
  batchKind: z.enum(['change', 'undo', 'redo']),
  target: id.nullable(),
  label: z.string().nullable().optional(),
  author: z.string().max(200).optional(),
  deviceId: z.string().max(200).optional(),
});

export const metaSchema = z.strictObject({ key: z.string().min(1).max(200), value: z.unknown() });

export const ROW_SCHEMAS = {
  articles: articleSchema,
  speakers: speakerSchema,
  sources: sourceSchema,
  claims: claimSchema,
  evidence: evidenceSchema,
  questions: questionSchema,
  history: historySchema,
  meta: metaSchema,
} as const satisfies Record<BackupTable, z.ZodType>;

const counts = z.strictObject(
  Object.fromEntries(BACKUP_TABLES.map((t) => [t, int.nonnegative()])) as Record<BackupTable, typeof int>,
);

/** The fields before the tables. `version` is checked on its own first, so a newer file gets its own message. */
export const headerSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: int.positive(),
  exportedAt: z.string(),
  app: z.strictObject({ name: z.string(), version: z.string() }),
  extractorVersion: z.string(),
  schemaVersion: int.positive(),
  counts,
});

export type BackupHeader = z.infer<typeof headerSchema>;
