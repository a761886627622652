import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import type { Granularity } from '../extract/types';
import { explainClaim, whyLine } from './explain';

const run = (body: string, granularity?: Granularity) => {
  const x = extractClaims(`Title line\n\n${body}`, granularity ? { granularity } : {});
  const name = new Map(x.speakers.map((s) => [s.id, s.name]));
  return x.claims.map((c) => ({ ...c, speaker: name.get(c.speakerId ?? '') }));
};

describe('the quotation unit (default)', () => {
  const split =
    '“The new dock will open in May,” said harbour engineer Tova Lind. “After that we start on the breakwater.”';

  test('one claim per quotation-mark run, the runs of one quotation sharing a group', () => {
    const claims = run(split);
    expect(claims.map((c) => [c.text, c.speaker])).toEqual([
      ['The new dock will open in May,', 'Tova Lind'],
      ['After that we start on the breakwater.', 'Tova Lind'],
    ]);
    expect(claims[0]!.groupId).toBe(claims[1]!.groupId);
  });

  test('passage joins the runs, cue included; sentence keeps one claim per quoted sentence', () => {
    expect(run(split, 'passage').map((c) => c.text)).toEqual([
      'The new dock will open in May,” said harbour engineer Tova Lind. “After that we start on the breakwater.',
    ]);
    expect(run('Lee Park said: “Costs rose. Wages did not.”', 'sentence').map((c) => c.text)).toEqual([
      'Costs rose.',
      'Wages did not.',
    ]);
  });

  test('a claim never holds its own cue or speaker mention', () => {
    const texts = [
      split,
      'The plan, Mayor Ruth Devine said on Monday, is dead and will not come back.',
      '“We tried,” Ms Hart said, “and we failed.”',
      'Rents will keep rising this year, tenant advocate Grace Okafor said.',
    ];
    for (const t of texts) {
      const claims = run(t);
      expect(claims.length).toBeGreaterThan(0);
      for (const c of claims) {
        for (const r of [c.cue, c.speakerMention]) {
          if (r) expect(r.end <= c.start || r.start >= c.end, `${c.text} holds ${r.text}`).toBe(true);
        }
      }
    }
  });

  test('a short verbless lead before a parenthetical cue is not a claim; a lead with a verb or a quotation is', () => {
    expect(
      run('The delay, officials say, is partly due to the short building season.').map((c) => c.text),
    ).toEqual(['is partly due to the short building season']);
    expect(run('In the long run, economists say, the levy will pay for itself.').map((c) => c.text)).toEqual([
      'the levy will pay for itself',
    ]);
    expect(
      run('The figures were “independently verified”, he said, and the critics should check their own.').map(
        (c) => c.text,
      ),
    ).toContain('The figures were “independently verified”');
  });

  test('different quotations get different groups', () => {
    const claims = run('“We are full,” said Omar Haddad.\n\n“It is cold,” said Jo Penn.');
    expect(new Set(claims.map((c) => c.groupId)).size).toBe(2);
  });
});

describe('every claim says why', () => {
  test('the rule, cue and mention give one line', () => {
    const [c] = run('“It is full every day,” said Dr Ada Obi.');
    expect(c!.rule).toBe('quote-cue-after');
    expect(explainClaim(c!)).toBe(
      "direct quote · cue 'said' · speaker 'Dr Ada Obi' from the cue after the quote",
    );
  });

  test('a reported clause and a carried-over quotation', () => {
    const claims = run(
      'Senator Tom Hale said the budget was balanced.\n\n“We did it,” he said.\n\n“Nobody thought we could.”',
    );
    expect(claims.map((c) => c.rule)).toEqual(['reported-clause', 'quote-cue-after', 'quote-next-paragraph']);
    expect(explainClaim(claims[2]!)).toBe("direct quote · speaker 'he' from the last speaker (carried over)");
  });

  test('a stored claim without a rule still explains itself', () => {
    expect(explainClaim({ kind: 'indirect', cue: null, speakerMention: null, start: 0, end: 5 })).toBe(
      'reported speech · no rule recorded',
    );
  });

  test("the panel's why line names the rule and the confidence, in one sentence", () => {
    const [c] = run('“It is full every day,” said Dr Ada Obi.');
    expect(whyLine(c!)).toBe(
      "Direct quote · cue 'said' · speaker 'Dr Ada Obi' from the cue after the quote (rule quote-cue-after, confidence 90 %).",
    );
    expect(whyLine({ ...c!, origin: 'manual' })).toBe(
      'Added by hand: the extractor did not find this claim.',
    );
  });

  test('a relative pronoun as the mention names its antecedent, the speaker', () => {
    const [c] = run('The plan was backed by Tom Hale, who said it would save £2m a year.');
    expect(c!.speakerMention?.text).toBe('who');
    expect(whyLine(c!, c!.speaker)).toContain("speaker 'who' (Tom Hale) from");
    // Any other mention is its own name.
    const [d] = run('“It is full every day,” said Dr Ada Obi.');
    expect(whyLine(d!, d!.speaker)).toContain("speaker 'Dr Ada Obi' from");
  });
});

describe('speech nouns in a title-case headline', () => {
  test("'Claim That' keeps its offsets inside the text in every unit", () => {
    const text =
      'Senator’s Claim That The Dam Is Safe Isn’t True\n\nThe senator spoke on Friday about the dam and the river.';
    for (const granularity of ['quotation', 'passage', 'sentence'] as const) {
      const { claims } = extractClaims(text, { granularity });
      expect(claims.some((c) => c.rule === 'reported-speech-noun')).toBe(true);
      for (const c of claims) {
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(text.slice(c.start, c.end)).toBe(c.text);
      }
    }
  });
});
