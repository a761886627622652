import { Dexie } from 'dexie';
import type { SpeakerType } from '@/core/extract/types';
import { mergeAliases, speakerKey } from '@/core/model/speaker-key';
import type { ClaimId, Speaker, SpeakerId } from '@/core/model/types';
import { speakerIdFor } from './articles';
import { db } from './db';
import { DbError } from './errors';
import { type HistoryChange, newBatchId, recordHistory, type WriteOptions } from './history';
import { newId } from './ids';
import { patchRow } from './rows';

export type SpeakerInput = Readonly<{
  name: string;
  type?: SpeakerType;
  role?: string | null;
  aliases?: readonly string[];
}>;

export type SpeakerPatch = Partial<Pick<Speaker, 'name' | 'type' | 'role' | 'aliases'>>;

function cleanName(name: string): string {
  const cleaned = name.trim().replace(/\s+/g, ' ');
  if (cleaned === '') throw new DbError('invalid', 'A speaker needs a name.');
  return cleaned;
}

/**
 * A speaker added by hand (for a manual claim or a reassignment). Its id is derived from its key
 * (`speakerIdFor`, as an import's speakers), so two devices that add the same person offline make
 * one row; a derived id already in use (a renamed or deleted speaker, a second person of one name)
 * is not reused: that speaker gets a random id.
 */
export async function createSpeaker(input: SpeakerInput, options: WriteOptions = {}): Promise<Speaker> {
  const name = cleanName(input.name);
  const key = speakerKey(name);
  // hashing is not Dexie work: inside a caller's transaction it must not let that transaction end
  const derived =
    key === ''
      ? null
      : Dexie.currentTransaction
        ? await Dexie.waitFor(speakerIdFor(key))
        : await speakerIdFor(key);
  return db.transaction('rw', [db.speakers, db.history], async () => {
    const now = Date.now();
    const taken = derived === null || (await db.speakers.get(derived)) !== undefined;
    const speaker: Speaker = {
      id: taken ? newId<SpeakerId>() : derived,
      name,
      key,
      type: input.type ?? 'person',
      role: input.role?.trim() || null,
      aliases: mergeAliases([], input.aliases ?? [], [name]),
      updatedAt: now,
      deletedAt: null,
    };
    await db.speakers.add(speaker);
    await recordHistory(
      [{ table: 'speakers', rowId: speaker.id, action: 'create', from: null, to: speaker }],
      now,
      options,
    );
    return speaker;
  });
}

/** Renames (the key follows the name), retypes, or edits a speaker's role or aliases. */
export async function updateSpeaker(
  id: SpeakerId,
  patch: SpeakerPatch,
  options: WriteOptions = {},
): Promise<Speaker> {
  const full: Partial<Speaker> = { ...patch };
  if (patch.name !== undefined) {
    const name = cleanName(patch.name);
    Object.assign(full, { name, key: speakerKey(name) });
  }
  if (patch.role !== undefined) Object.assign(full, { role: patch.role?.trim() || null });
  return db.transaction('rw', [db.speakers, db.history], async () => {
    if (patch.aliases !== undefined) {
      const current = await db.speakers.get(id);
      Object.assign(full, { aliases: mergeAliases([], patch.aliases, [full.name ?? current?.name ?? '']) });
    }
    return patchRow('speakers', db.speakers, id, full, Date.now(), options);
  });
}

/**
 * Folds `otherIds` into `keepId`: their claims move to it, their names and aliases become its
 * aliases, and they are tombstoned. One history batch (one undo step). Returns the batch id.
 */
export async function mergeSpeakers(
  keepId: SpeakerId,
  otherIds: readonly SpeakerId[],
  options: WriteOptions = {},
): Promise<string> {
  const batchId = options.batchId ?? newBatchId();
  const others = otherIds.filter((id) => id !== keepId);
  return db.transaction('rw', [db.speakers, db.claims, db.history], async () => {
    const keep = await db.speakers.get(keepId);
    if (!keep || keep.deletedAt !== null) throw new DbError('not-found', 'That speaker no longer exists.');
    const now = Date.now();
    const merged = (await db.speakers.bulkGet(others)).filter(
      (s): s is Speaker => s !== undefined && s.deletedAt === null,
    );
    const changes: HistoryChange[] = [];

    const aliases = mergeAliases(
      keep.aliases,
      merged.flatMap((s) => [s.name, ...s.aliases]),
      [keep.name],
    );
    const role = keep.role ?? merged.find((s) => s.role !== null)?.role ?? null;
    if (aliases.length !== keep.aliases.length || role !== keep.role) {
      await db.speakers.update(keepId, { aliases, role, updatedAt: now });
      changes.push({
        table: 'speakers',
        rowId: keepId,
        action: 'update',
        from: { aliases: keep.aliases, role: keep.role },
        to: { aliases, role },
      });
    }
    for (const s of merged) {
      const claimIds = (await db.claims.where('speakerId').equals(s.id).primaryKeys()) as ClaimId[];
      if (claimIds.length > 0) {
        await db.claims.where('id').anyOf(claimIds).modify({ speakerId: keepId, updatedAt: now });
        for (const claimId of claimIds) {
          changes.push({
            table: 'claims',
            rowId: claimId,
            action: 'update',
            from: { speakerId: s.id },
            to: { speakerId: keepId },
          });
        }
      }
      await db.speakers.update(s.id, { deletedAt: now, updatedAt: now });
      changes.push({
        table: 'speakers',
        rowId: s.id,
        action: 'delete',
        from: { deletedAt: null },
        to: { deletedAt: now, mergedInto: keepId },
      });
    }
    await recordHistory(changes, now, { batchId });
    return batchId;
  });
}
