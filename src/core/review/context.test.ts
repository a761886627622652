import { describe, expect, test } from 'vitest';
import { claimContext } from './context';

const text =
  'First sentence here. He said the council “failed badly” last year, and more. Next one.\nNew paragraph.';

describe('claimContext', () => {
  test('runs from the start of the claim’s sentence to its end', () => {
    const start = text.indexOf('“failed');
    const end = text.indexOf('” last') + 1;
    const c = claimContext(text, start, end);
    expect(c.before).toBe('He said the council ');
    expect(c.claim).toBe('“failed badly”');
    expect(c.after).toBe(' last year, and more.');
  });

  test('a claim that is a whole sentence gets the text to the next boundary only', () => {
    const start = text.indexOf('Next');
    const c = claimContext(text, start, start + 'Next one.'.length);
    expect(c.before).toBe('');
    expect(c.after).toBe('');
  });

  test('long sentences are clipped and say so', () => {
    const long = `${'word '.repeat(200)}CLAIM ${'more '.repeat(200)}`;
    const start = long.indexOf('CLAIM');
    const c = claimContext(long, start, start + 5, 50);
    expect(c.before.length).toBeLessThanOrEqual(50);
    expect(c.after.length).toBeLessThanOrEqual(50);
    expect(c.clippedStart && c.clippedEnd).toBe(true);
  });
});
