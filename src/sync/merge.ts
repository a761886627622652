/**
 * Three-way merge of one row: the base (as the server last had it, as this device knew it), mine
 * (this device's unpushed edit) and theirs (the server's). The rules live in
 * `core/model/row-merge.ts`, shared with the backup's merge restore.
 */
import { mergeRows as mergeAnyRows } from '@/core/model/row-merge';
import type { FieldConflict, ReplicatedTable } from '@/db/sync-tables';
import type { Row } from './docs';

export type MergeResult = Readonly<{
  row: Row;
  /** Every field both sides changed (kept: which side the rules chose). */
  both: readonly FieldConflict[];
  /** The fields of `both` a person should settle. */
  ask: readonly FieldConflict[];
}>;

export const mergeRows = (
  table: ReplicatedTable,
  base: Readonly<Record<string, unknown>> | null,
  mine: Row,
  theirs: Row,
): MergeResult => mergeAnyRows(table, base, mine, theirs);
