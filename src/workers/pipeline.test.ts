import { describe, expect, test } from 'vitest';
import { extractClaims as extractOnMainThread } from '@/core/extract/pipeline';
import { extractClaims } from './pipeline';

describe('extractClaims (worker client)', () => {
  test('falls back to the main thread where there are no workers, with the same result', async () => {
    expect(typeof Worker).toBe('undefined'); // jsdom has none
    const text = 'Dr Billings said: “Do not jump to conclusions.”';
    await expect(extractClaims(text)).resolves.toEqual(extractOnMainThread(text));
  });
});
