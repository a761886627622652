import type { ExtractedSpeaker } from '../extract/types';
import { mergeAliases, speakerKey } from './speaker-key';
import type { Speaker, SpeakerId, Timestamp } from './types';

/** The keys an extracted speaker may be known by: its name's, then its aliases'. */
export function speakerLookupKeys(s: Pick<ExtractedSpeaker, 'name' | 'aliases'>): string[] {
  return [...new Set([s.name, ...s.aliases].map(speakerKey).filter((k) => k !== ''))];
}

export type SpeakerMatch = Readonly<{
  /** extracted speaker id → library speaker id */
  speakerIdOf: ReadonlyMap<string, SpeakerId>;
  /** speakers to create */
  created: readonly Speaker[];
  /** existing speakers that gained aliases, a role or a type: before and after */
  merged: readonly Readonly<{ before: Speaker; after: Speaker }>[];
}>;

function mergeInto(base: Speaker, ex: ExtractedSpeaker, now: Timestamp): Speaker {
  const aliases = mergeAliases(base.aliases, [ex.name, ...ex.aliases], [base.name]);
  const role = base.role ?? ex.role;
  const type = base.type === 'unknown' ? ex.type : base.type;
  if (aliases.length === base.aliases.length && role === base.role && type === base.type) return base;
  return { ...base, aliases, role, type, updatedAt: now };
}

/**
 * Resolves an extraction's speakers against the library: an extracted speaker whose name or alias
 * has the key of a live library speaker (or of one already resolved in this extraction) is that
 * speaker, and its other names become aliases; otherwise a new speaker is made.
 * `existing` are candidate rows (tombstoned ones are ignored; on a key shared by several, the oldest id wins).
 */
export function matchSpeakers(
  extracted: readonly ExtractedSpeaker[],
  existing: readonly Speaker[],
  makeId: () => SpeakerId,
  now: Timestamp,
): SpeakerMatch {
  const existingByKey = new Map<string, Speaker>();
  for (const s of [...existing].filter((s) => s.deletedAt === null).sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (!existingByKey.has(s.key)) existingByKey.set(s.key, s);
  }
  const entities = new Map<SpeakerId, { original: Speaker | null; current: Speaker }>();
  const entityOfKey = new Map<string, SpeakerId>();
  const speakerIdOf = new Map<string, SpeakerId>();

  for (const ex of extracted) {
    const keys = speakerLookupKeys(ex);
    let id = keys.map((k) => entityOfKey.get(k)).find((x) => x !== undefined);
    if (id === undefined) {
      const found = keys.map((k) => existingByKey.get(k)).find((x) => x !== undefined);
      if (found) {
        id = found.id;
        if (!entities.has(id)) entities.set(id, { original: found, current: found });
      }
    }
    if (id !== undefined) {
      const entity = entities.get(id)!;
      entity.current = mergeInto(entity.current, ex, now);
    } else {
      const name = ex.name.trim();
      id = makeId();
      entities.set(id, {
        original: null,
        current: {
          id,
          name,
          key: speakerKey(name),
          type: ex.type,
          role: ex.role,
          aliases: mergeAliases([], ex.aliases, [name]),
          updatedAt: now,
          deletedAt: null,
        },
      });
    }
    speakerIdOf.set(ex.id, id);
    for (const k of keys) if (!entityOfKey.has(k)) entityOfKey.set(k, id);
  }

  const created: Speaker[] = [];
  const merged: { before: Speaker; after: Speaker }[] = [];
  for (const { original, current } of entities.values()) {
    if (original === null) created.push(current);
    else if (original !== current) merged.push({ before: original, after: current });
  }
  return { speakerIdOf, created, merged };
}
