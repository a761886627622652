import { describe, expect, test } from 'vitest';
import { paramsFromView, viewFromParams } from './use-compare-url';

describe('compare view in the URL', () => {
  test('articles, column order, hidden columns and the phone question survive a round trip', () => {
    const view = viewFromParams(new URLSearchParams('articles=a1,a2&cols=s2,s1&hide=s3&q=q9'));
    expect(view).toEqual({ articleIds: ['a1', 'a2'], columns: ['s2', 's1'], hidden: ['s3'], focus: 'q9' });
    expect(viewFromParams(paramsFromView(view))).toEqual(view);
  });

  test('no cols means every speaker; an empty cols means none chosen', () => {
    expect(viewFromParams(new URLSearchParams('')).columns).toBeNull();
    expect(viewFromParams(new URLSearchParams('cols=')).columns).toEqual([]);
    expect(paramsFromView({ articleIds: [], columns: null, hidden: [], focus: null }).toString()).toBe('');
  });
});
