import { beforeEach, describe, expect, test } from 'vitest';
import { resetDb } from '@/test/db';
import { getMeta, META_KEYS, setMeta } from './meta';
import { requestPersistentStorage } from './storage';

beforeEach(resetDb);

describe('meta', () => {
  test('stores any structured value by key', async () => {
    expect(await getMeta<boolean>(META_KEYS.referenceArticleSeeded)).toBeUndefined();
    await setMeta(META_KEYS.referenceArticleSeeded, true);
    await setMeta('prefs', { density: 'compact', lastIds: ['a'] });
    expect(await getMeta<boolean>(META_KEYS.referenceArticleSeeded)).toBe(true);
    expect(await getMeta('prefs')).toEqual({ density: 'compact', lastIds: ['a'] });
  });
});

describe('requestPersistentStorage', () => {
  test('is false where the platform has no storage manager', async () => {
    expect(await requestPersistentStorage()).toBe(
      typeof navigator !== 'undefined' && !!navigator.storage?.persist,
    );
  });
});
