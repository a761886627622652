import { File as NodeFile } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { bulkItems, countItems } from './bulk-sources';

const corpus = (lines: number) =>
  new NodeFile(
    [
      Array.from({ length: lines }, (_, i) =>
        JSON.stringify({ id: `a${i}`, text: `${i} ${'x'.repeat(2_500)}` }),
      ).join('\n'),
    ],
    'corpus.jsonl',
  ) as unknown as File;

/** Counts the timer tasks that ran while `work` went on: zero means it held the page throughout. */
async function tasksDuring(work: () => Promise<unknown>): Promise<number> {
  let ran = 0;
  let done = false;
  const tick = () => {
    if (done) return;
    ran++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await work();
  done = true;
  return ran;
}

describe('reading a corpus', () => {
  test('counting 2,000 lines (5 MB) leaves the page a turn while it reads', async () => {
    let total = 0;
    const turns = await tasksDuring(async () => {
      total = await countItems([corpus(2_000)]);
    });
    expect(total).toBe(2_000);
    expect(turns).toBeGreaterThan(0);
  });

  test('a run of bad lines is read in slices too, and every line is still reported in order', async () => {
    const bad = new NodeFile(
      [Array.from({ length: 3_000 }, (_, i) => `{oops ${i} ${'y'.repeat(1_000)}`).join('\n')],
      'bad.jsonl',
    ) as unknown as File;
    const failures: string[] = [];
    const turns = await tasksDuring(async () => {
      for await (const _ of bulkItems([bad], (f) => failures.push(f.label))) throw new Error('no item');
    });
    expect(failures).toHaveLength(3_000);
    expect(failures[0]).toBe('bad.jsonl line 1');
    expect(failures.at(-1)).toBe('bad.jsonl line 3000');
    expect(turns).toBeGreaterThan(0);
  });
});
