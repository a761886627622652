import type { ClaimId, Evidence, EvidenceId, EvidenceRelation, Source, SourceId } from '@/core/model/types';
import { checkNoteLength } from '@/core/review/limits';
import { db } from './db';
import { DbError } from './errors';
import { newBatchId, recordHistory, type WriteOptions } from './history';
import { newId } from './ids';
import { patchRow } from './rows';
import { cleanSourceUrl, insertSource, type SourceInput } from './sources';

const RELATIONS: readonly EvidenceRelation[] = ['supports', 'refutes', 'context'];

export type EvidenceInput = Readonly<{ relation?: EvidenceRelation; passage?: string; note?: string }>;
export type EvidencePatch = Partial<Pick<Evidence, 'relation' | 'passage' | 'note'>>;

function checkTexts(input: EvidencePatch): void {
  const tooLong =
    (input.passage !== undefined && checkNoteLength(input.passage, 'The quoted passage')) ||
    (input.note !== undefined && checkNoteLength(input.note, 'A link’s note'));
  if (tooLong) throw new DbError('invalid', tooLong);
}

function checkRelation(relation: EvidenceRelation | undefined): void {
  if (relation !== undefined && !RELATIONS.includes(relation)) {
    throw new DbError('invalid', `Unknown relation “${relation}”.`);
  }
}

/**
 * Links a source to a claim. `source` is an existing source id, or a new source (a live source
 * with the same URL is reused rather than duplicated). One history batch.
 */
export async function attachSource(
  claimId: ClaimId,
  source: SourceId | SourceInput,
  input: EvidenceInput = {},
  options: WriteOptions = {},
): Promise<{ evidence: Evidence; source: Source }> {
  checkRelation(input.relation);
  checkTexts(input);
  // a bad address fails before anything is written (insertSource checks it again)
  const url = typeof source === 'string' ? '' : cleanSourceUrl(source.url);
  const batchId = options.batchId ?? newBatchId();
  return db.transaction('rw', [db.claims, db.sources, db.evidence, db.history], async () => {
    const claim = await db.claims.get(claimId);
    if (!claim || claim.deletedAt !== null) throw new DbError('not-found', 'That claim no longer exists.');
    const now = Date.now();
    let saved: Source | undefined;
    if (typeof source === 'string') {
      saved = await db.sources.get(source);
      if (!saved || saved.deletedAt !== null) throw new DbError('not-found', 'That source no longer exists.');
    } else {
      saved =
        url === ''
          ? undefined
          : await db.sources
              .where('url')
              .equals(url)
              .filter((s) => s.deletedAt === null)
              .first();
      saved ??= await insertSource(source, now, { batchId });
    }
    const evidence: Evidence = {
      id: newId<EvidenceId>(),
      claimId,
      sourceId: saved.id,
      relation: input.relation ?? 'supports',
      passage: input.passage ?? '',
      note: input.note ?? '',
      updatedAt: now,
      deletedAt: null,
    };
    await db.evidence.add(evidence);
    await recordHistory(
      [{ table: 'evidence', rowId: evidence.id, action: 'create', from: null, to: evidence }],
      now,
      {
        batchId,
      },
    );
    return { evidence, source: saved };
  });
}

export async function updateEvidence(
  id: EvidenceId,
  patch: EvidencePatch,
  options: WriteOptions = {},
): Promise<Evidence> {
  checkRelation(patch.relation);
  checkTexts(patch);
  return db.transaction('rw', [db.evidence, db.history], () =>
    patchRow('evidence', db.evidence, id, patch, Date.now(), options),
  );
}

/** Unlinks a source from a claim (a tombstone; the source stays in the library). */
export function removeEvidence(id: EvidenceId, options: WriteOptions = {}): Promise<Evidence> {
  return db.transaction('rw', [db.evidence, db.history], () => {
    const now = Date.now();
    return patchRow('evidence', db.evidence, id, { deletedAt: now }, now, options, 'delete');
  });
}

export function restoreEvidence(id: EvidenceId, options: WriteOptions = {}): Promise<Evidence> {
  return db.transaction('rw', [db.evidence, db.history], () =>
    patchRow('evidence', db.evidence, id, { deletedAt: null }, Date.now(), options, 'restore'),
  );
}

/** How many live sources a claim has (a final verdict asks for at least one). */
export function countClaimSources(claimId: ClaimId): Promise<number> {
  return db.evidence
    .where('claimId')
    .equals(claimId)
    .filter((e) => e.deletedAt === null)
    .count();
}
