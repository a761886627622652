import { describe, expect, test } from 'vitest';
import { linesOf } from './lines';
import { joinWrappedQuotes, pairQuotes, type Quote } from './quotes';

const quotesOf = (text: string): string[] =>
  linesOf(text).flatMap((line, i) => pairQuotes(text, line, i).map((q: Quote) => text.slice(q.start, q.end)));

describe('pairQuotes', () => {
  test('pairs curly and straight double quotes', () => {
    expect(quotesOf('He said: “We will win.” Then "we rest," she said.')).toEqual([
      'We will win.',
      'we rest,',
    ]);
  });

  test('takes NYT-style doubled apostrophes as double quotes', () => {
    expect(quotesOf("''It is over,'' Ms. Lane said.")).toEqual(['It is over,']);
  });

  test('closes a quotation on a wrong-way mark before punctuation', () => {
    expect(quotesOf('She found “many current examples of abuse “.')).toEqual([
      'many current examples of abuse',
    ]);
  });

  test('keeps a quotation open to the end of the paragraph when it is not closed', () => {
    const text = 'He said: “First part.\n\n“Second part.”';
    const lines = linesOf(text);
    const first = pairQuotes(text, lines[0]!, 0);
    expect(first[0]!.close).toBe(-1);
    expect(text.slice(first[0]!.start, first[0]!.end)).toBe('First part.');
  });

  test('single quotes are quotations, apostrophes are not', () => {
    expect(quotesOf("Chief says critics are 'jumping to conclusions'")).toEqual(['jumping to conclusions']);
    expect(quotesOf("Leeds’s mayor doesn't like the '90s or rock ’n’ roll.")).toEqual([]);
  });

  test('ignores single quotes nested inside double quotes', () => {
    expect(quotesOf('“They call it ‘the plan’ now,” he said.')).toEqual(['They call it ‘the plan’ now,']);
  });
});

describe('pasted text (round twelve)', () => {
  test('a wrong-way curly mark closes a straight quotation', () => {
    expect(quotesOf('"We take it seriously,“ a spokeswoman said. "We will act."')).toEqual([
      'We take it seriously,',
      'We will act.',
    ]);
  });

  test('a quotation hard-wrapped inside a sentence is one quotation over both lines', () => {
    const text = 'She said: “We are still waiting\nfor a date.” Then she left.\n\nNext paragraph.';
    const lines = joinWrappedQuotes(text, linesOf(text));
    expect(lines.map((l) => l.text)).toEqual([
      'She said: “We are still waiting\nfor a date.” Then she left.',
      'Next paragraph.',
    ]);
    expect(pairQuotes(text, lines[0]!, 0).map((q) => text.slice(q.start, q.end))).toEqual([
      'We are still waiting\nfor a date.',
    ]);
  });

  test('no join after a sentence end, over a blank line, or into a line that opens a quotation', () => {
    for (const text of [
      '“It is over.\nAnn Roe.”',
      '“It is over and\n\ndone,” she said.',
      '“It is over and\n“done,” she said.',
      'He said it is over and\ndone, she said.',
    ])
      expect(joinWrappedQuotes(text, linesOf(text))).toEqual(linesOf(text));
  });
});
