import { describe, expect, test } from 'vitest';
import { filterTitle } from './filter-title';

const names = {
  speaker: (id: string) => ({ s1: 'Alan Billings', s2: 'James Cartlidge' })[id],
  article: (id: string) => ({ a1: 'Police chief pledges more officers' })[id],
};

describe('filterTitle', () => {
  test('nothing filtered: the base alone (the sort is not a filter)', () => {
    expect(filterTitle({}, names)).toBe('Claims');
    expect(
      filterTitle({ q: '  ', sort: 'updated', desc: true, source: 'any', minCheckworthy: null }, names),
    ).toBe('Claims');
  });

  test('each filter in the Claims screen’s words, names for ids', () => {
    expect(
      filterTitle(
        {
          q: 'officers',
          verdicts: ['false', 'mostly false'],
          tags: ['crime', 'police'],
          speakerIds: ['s1', 'gone'],
          articleIds: ['a1'],
          kinds: ['direct'],
          source: 'without',
          minCheckworthy: 0.5,
        },
        names,
      ),
    ).toBe(
      'Claims: search “officers”, verdict False or Mostly false, tags crime and police, ' +
        'speaker Alan Billings or unknown speaker, article Police chief pledges more officers, ' +
        'kind Direct quote, without a source, check-worthiness at least 0.5',
    );
  });

  test('a long list is counted, not spelled out', () => {
    expect(
      filterTitle({ verdicts: ['true', 'mostly true', 'half true', 'mostly false', 'false'] }, names, 'All'),
    ).toBe('All: verdict True or Mostly true or Half true and 2 more');
  });
});
