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
