import { describe, expect, test } from 'vitest';
import { linesOf } from './lines';
import { pairQuotes, type Quote } from './quotes';

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
