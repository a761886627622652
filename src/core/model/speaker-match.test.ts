import { describe, expect, test } from 'vitest';
import type { ExtractedSpeaker } from '../extract/types';
import { matchSpeakers } from './speaker-match';
import type { Speaker, SpeakerId } from './types';

const ex = (id: string, name: string, more: Partial<ExtractedSpeaker> = {}): ExtractedSpeaker => ({
  id,
  name,
  type: 'person',
  role: null,
  aliases: [],
  ...more,
});

const speaker = (id: string, name: string, more: Partial<Speaker> = {}): Speaker => ({
  id: id as SpeakerId,
  name,
  key: name.toLowerCase(),
  type: 'person',
  role: null,
  aliases: [],
  updatedAt: 1,
  deletedAt: null,
  ...more,
});

let n = 0;
const makeId = () => `new-${++n}` as SpeakerId;

describe('matchSpeakers', () => {
  test('matches a library speaker by normalised name and adds the new spellings as aliases', () => {
    const existing = speaker('s1', 'Alan Billings', { aliases: ['Dr Billings'] });
    const m = matchSpeakers(
      [ex('x', 'Dr. ALAN Billings', { aliases: ['the commissioner'], role: 'PCC' })],
      [existing],
      makeId,
      5,
    );
    expect(m.speakerIdOf.get('x')).toBe('s1');
    expect(m.created).toEqual([]);
    expect(m.merged).toHaveLength(1);
    expect(m.merged[0]!.after).toMatchObject({
      name: 'Alan Billings',
      aliases: ['Dr Billings', 'Dr. ALAN Billings', 'the commissioner'],
      role: 'PCC',
      updatedAt: 5,
    });
  });

  test('matches by an alias of the extracted speaker, and leaves an unchanged speaker alone', () => {
    const existing = speaker('s1', 'James Cartlidge', { role: 'minister', aliases: ['Mr Cartlidge'] });
    const m = matchSpeakers(
      [ex('x', 'Mr Cartlidge', { aliases: ['James Cartlidge'] })],
      [existing],
      makeId,
      5,
    );
    expect(m.speakerIdOf.get('x')).toBe('s1');
    expect(m.merged).toEqual([]);
  });

  test('creates new speakers, one per entity even when the extraction names it twice', () => {
    const m = matchSpeakers(
      [ex('a', 'Sarah Champion'), ex('b', 'sarah champion', { aliases: ['Ms Champion'] })],
      [],
      makeId,
      5,
    );
    expect(m.created).toHaveLength(1);
    expect(m.created[0]).toMatchObject({
      name: 'Sarah Champion',
      key: 'sarah champion',
      aliases: ['Ms Champion'],
    });
    expect(m.speakerIdOf.get('a')).toBe(m.speakerIdOf.get('b'));
  });

  test('ignores tombstoned speakers, and prefers the oldest of several with one key', () => {
    const m = matchSpeakers(
      [ex('x', 'Alan Billings')],
      [
        speaker('s3', 'Alan Billings'),
        speaker('s0', 'Alan Billings', { deletedAt: 2 }),
        speaker('s2', 'Alan Billings'),
      ],
      makeId,
      5,
    );
    expect(m.speakerIdOf.get('x')).toBe('s2');
  });
});
