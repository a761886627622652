import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';

const claimsOf = (text: string, granularity: 'passage' | 'sentence' = 'passage') => {
  const x = extractClaims(`Title line\n\n${text}`, { granularity });
  const byId = new Map(x.speakers.map((s) => [s.id, s.name]));
  return x.claims.map((c) => ({
    kind: c.kind,
    speaker: byId.get(c.speakerId ?? ''),
    text: c.text,
    cue: c.cue?.text,
  }));
};

describe('direct quotations', () => {
  test('a quotation split around its cue is one attribution', () => {
    expect(claimsOf('“We tried,” Ms Hart said, “and we failed.”')).toEqual([
      { kind: 'direct', speaker: 'Ms Hart', text: 'We tried,” Ms Hart said, “and we failed.', cue: 'said' },
    ]);
  });

  test('sentence granularity gives one claim per quoted sentence', () => {
    expect(claimsOf('Lee Park said: “Costs rose. Wages did not.”', 'sentence').map((c) => c.text)).toEqual([
      'Costs rose.',
      'Wages did not.',
    ]);
  });

  test('a paragraph that reopens the quotation continues the speaker', () => {
    const text = 'Lee Park said: “Costs rose.\n\n“Wages did not.”\n\nOthers disagreed.';
    expect(claimsOf(text, 'sentence').map((c) => [c.speaker, c.text])).toEqual([
      ['Lee Park', 'Costs rose.'],
      ['Lee Park', 'Wages did not.'],
    ]);
  });

  test('a postposed cue with a pronoun', () => {
    expect(claimsOf('Ada Obi runs the clinic.\n\n“It is full every day,” she said.')).toEqual([
      { kind: 'direct', speaker: 'Ada Obi', text: 'It is full every day,', cue: 'said' },
    ]);
  });

  test('a second cue makes a second attribution', () => {
    expect(
      claimsOf('“I respect him,” Cruz said, adding: “I welcome his support.”').map((c) => c.cue),
    ).toEqual(['said', 'adding']);
  });
});

describe('reported speech', () => {
  test('a claim keeps the sign of a number it opens with; a dash before it is still dropped', () => {
    expect(claimsOf('“-10% is the worst quarter we have had,” Ms Hart said.')[0]?.text).toBe(
      '-10% is the worst quarter we have had,',
    );
    expect(claimsOf('The bank said –$4 billion was the gap.')[0]?.text).toBe('–$4 billion was the gap');
    expect(claimsOf('Analysts said --10 firms had failed.')[0]?.text).toBe('10 firms had failed');
    expect(claimsOf('Analysts said — the rate would fall.')[0]?.text).toBe('the rate would fall');
  });
  test('X said (that) …', () => {
    expect(claimsOf('The mayor said that the bridge would reopen in May.')).toEqual([
      { kind: 'indirect', speaker: 'mayor', text: 'that the bridge would reopen in May', cue: 'said' },
    ]);
  });

  test('X told Parliament …, skipping the addressee and time', () => {
    expect(claimsOf('Sam Reid told Parliament yesterday the scheme had failed.')[0]).toMatchObject({
      speaker: 'Sam Reid',
      text: 'the scheme had failed',
      cue: 'told',
    });
  });

  test('a clause before ", X said."', () => {
    expect(claimsOf('Prices will rise again next year, Ms Kerr said.')[0]).toMatchObject({
      speaker: 'Ms Kerr',
      text: 'Prices will rise again next year',
    });
  });

  test('according to X, …', () => {
    expect(claimsOf('According to the survey, most tenants pay too much.')[0]).toMatchObject({
      text: 'most tenants pay too much',
      cue: 'According to',
    });
  });

  test('a quotation inside reported speech makes it mixed', () => {
    expect(claimsOf('Jo Hill said the plan was “a disgrace” and must go.')[0]).toMatchObject({
      kind: 'mixed',
    });
  });

  test('X asked Y to …', () => {
    expect(claimsOf('Ben Cole asked the ministry to act.')[0]).toMatchObject({ text: 'the ministry to act' });
  });

  test('beliefs and plans without a reporting cue are not claims', () => {
    expect(claimsOf('Ben Cole wants the ministry to act. He believes it will.')).toEqual([]);
  });
});

describe('headlines', () => {
  test('"Police chief says …" is a headline claim', () => {
    const x = extractClaims('Police chief says crime is falling\n\nThe chief constable spoke on Monday.');
    expect(x.claims.map((c) => [c.kind, c.text])).toEqual([['headline', 'crime is falling']]);
  });
});

describe('name-colon headlines (attr22)', () => {
  test('a title-case word that findCues does not take is no cue of the content', () => {
    const x = extractClaims(
      'Gingrich: Trump Must Decide If He Wants a Running Mate\n\nNewt Gingrich said the choice would define the race.',
    );
    const headline = x.claims.find((c) => c.kind === 'headline');
    expect(headline?.text).toBe('Trump Must Decide If He Wants a Running Mate');
  });
});
