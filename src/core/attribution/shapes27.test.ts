import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.
const claimsOf = (text: string) => {
  const x = extractClaims(`Title line\n\n${text}`);
  const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
  return x.claims.map((c) => ({
    kind: c.kind,
    speaker: byId.get(c.speakerId ?? ''),
    cue: c.cue?.text,
    text: c.text,
  }));
};

describe('clauses and cues (round 27)', () => {
  // [what the case shows, paragraph, every claim]
  test.each([
    [
      'an object called a quoted name names a thing',
      'Residents set up a website called “Save the Pier” that collects pledges from local firms.',
      [],
    ],
    [
      'an object called a capitalised name names a thing',
      'The group organised a festival called Night Market at a former depot in the docks.',
      [],
    ],
    [
      'an object called an article and a quoted name names a thing',
      'Councillors criticised the levy called an “entry charge,” in which visitors pay at the gate.',
      [
        {
          kind: 'mixed',
          speaker: 'Councillors',
          cue: 'criticised',
          text: 'the levy called an “entry charge,” in which visitors pay at the gate',
        },
      ],
    ],
    [
      'a subject called an object and a complement still speaks',
      'The mayor called Hartley “a menace to the town” on Tuesday.',
      [{ kind: 'mixed', speaker: 'mayor', cue: 'called', text: 'Hartley “a menace to the town” on Tuesday' }],
    ],
    [
      'after a relative word the noun phrase before called is its subject',
      'The pier closed in what the mayor called “a sad day for the town.”',
      [{ kind: 'mixed', speaker: 'mayor', cue: 'called', text: '“a sad day for the town.”' }],
    ],
  ])('%s', (_what, paragraph, expected) => {
    expect(claimsOf(paragraph)).toEqual(expected);
  });
});
