import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { leadEnd } from './lead';

const lead = (s: string) => s.slice(0, leadEnd(s));

describe('leadEnd: a wire dateline or a headline label before a paragraph', () => {
  test.each([
    ['CANBERRA, June 3 (AAP) - Fares will rise.', 'CANBERRA, June 3 (AAP) - '],
    ['LONDON (Reuters) – Fares will rise.', 'LONDON (Reuters) – '],
    ['CAMBRIDGE, Mass., Dec. 11 (UPI) — Fares will rise.', 'CAMBRIDGE, Mass., Dec. 11 (UPI) — '],
    ['New York (AFP) – Fares will rise.', 'New York (AFP) – '],
    ['NEW YORK — Fares will rise.', 'NEW YORK — '],
    ['BOOM: Mayor Says Ferry Will Stay', 'BOOM: '],
    ['EXCLUSIVE – Roger Stone: Don’t Trust It', 'EXCLUSIVE – '],
    ['Bombshell: The Board Gave Way', 'Bombshell: '],
    ['The Latest: Board votes to raise fares', 'The Latest: '],
  ])('%s', (line, expected) => {
    expect(lead(line)).toBe(expected);
  });

  test.each([
    'SHEILA: I think the fares are too high.',
    'Q: Will fares rise?',
    'Jo Pratt (Labour) - the councillor for Eastgate - said no.',
    'New fares - a fifth higher - start in May.',
    'Look: the fares are too high.',
    'WATCH',
  ])('no lead in %s', (line) => {
    expect(leadEnd(line)).toBe(0);
  });
});

describe('claims never start in a dateline or a label', () => {
  const claims = (text: string) =>
    extractClaims(text).claims.map((c) => ({ kind: c.kind, text: c.text, cue: c.cue?.text }));

  test('a dateline before a quotation with its cue after it: the quotation is direct', () => {
    expect(claims('Ferry news\n\nHOBART, June 3 (AAP) - "We will not close it," the minister said.')).toEqual(
      [{ kind: 'direct', text: 'We will not close it,', cue: 'said' }],
    );
  });

  test('a mixed-case dateline is not part of a postposed report', () => {
    expect(claims('Ferry news\n\nLondon, June 3 (Reuters) - Fares will rise, the ministry said.')).toEqual([
      { kind: 'indirect', text: 'Fares will rise', cue: 'said' },
    ]);
  });

  test('"BOOM: ‘…’": a label is no speaker, so an unattributed quotation is no claim', () => {
    expect(claims("BOOM: 'We Will Not Close It'\n\nMayor Ann Lowe said the ferry would stay.")).toEqual([
      { kind: 'indirect', text: 'the ferry would stay', cue: 'said' },
    ]);
  });
});
