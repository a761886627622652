import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';

/** For the shape tests: each claim of a paragraph (after a title line) as kind, speaker name, cue and text. */
export const claimsOf = (text: string) => {
  const x = extractClaims(`Title line\n\n${text}`);
  const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
  return x.claims.map((c) => ({
    kind: c.kind,
    speaker: byId.get(c.speakerId ?? ''),
    cue: c.cue?.text,
    text: c.text,
  }));
};

const said = (text: string) => claimsOf(text).map((c) => `${c.speaker}: ${c.text}`);

/** A table of shapes: [what the case shows, paragraph, every claim as "speaker: text"]. */
export function shapes(title: string, cases: [string, string, string[]][]) {
  describe(title, () => {
    test.each(cases)('%s', (_what, paragraph, claims) => {
      expect(said(paragraph)).toEqual(claims);
    });
  });
}
