import { describe, expect, test } from 'vitest';
import { highlightRuns } from './highlight-runs';
import { blockAt, textBlocks } from './text-blocks';

const text = 'First para "quoted\n\nacross" end.\n\nSecond para.\nThird line';
const claimStart = text.indexOf('"');
const claimEnd = text.indexOf(' end.');
const runs = highlightRuns(text, [{ id: 'c1', start: claimStart, end: claimEnd }], []);

describe('textBlocks', () => {
  const blocks = textBlocks(runs);

  test('cuts the text after each line break, covering it in order with no gaps', () => {
    expect(blocks.map((b) => text.slice(b.start, b.end))).toEqual([
      'First para "quoted\n\n',
      'across" end.\n\n',
      'Second para.\n',
      'Third line',
    ]);
    for (const b of blocks) expect(b.runs.map((r) => r.text).join('')).toBe(text.slice(b.start, b.end));
    expect(blocks.at(-1)!.end).toBe(text.length);
  });

  test('a claim across a paragraph end is cut in two, and only its first piece takes focus', () => {
    const pieces = blocks.flatMap((b) => b.runs).filter((r) => r.claimId === 'c1');
    expect(pieces.map((p) => p.text)).toEqual(['"quoted\n\n', 'across"']);
    expect(pieces.map((p) => p.claimStart)).toEqual([true, false]);
    expect(pieces.map((p) => text.slice(p.start, p.end))).toEqual(pieces.map((p) => p.text));
  });

  test('a text without line breaks is one block; an empty one has none', () => {
    expect(textBlocks(highlightRuns('one line', [], []))).toHaveLength(1);
    expect(textBlocks(highlightRuns('', [], []))).toHaveLength(0);
  });

  test('blockAt finds the block holding an offset', () => {
    expect(blockAt(blocks, 0)).toBe(0);
    expect(blockAt(blocks, claimStart)).toBe(0);
    expect(blockAt(blocks, text.indexOf('across'))).toBe(1);
    expect(blockAt(blocks, text.indexOf('Third'))).toBe(3);
    expect(blockAt(blocks, text.length)).toBe(3);
  });
});
