import { describe, expect, test } from 'vitest';
import { articleTitle, defaultTitle } from './article-title';

describe('defaultTitle', () => {
  test('is the first non-empty line, trimmed', () => {
    expect(defaultTitle('\n\n   Police chief says   more to do  \nBody')).toBe(
      'Police chief says more to do',
    );
  });

  test('passes over the menu and the cookie banner of a page copied from the browser', () => {
    const copied =
      'Home News Sport Subscribe\nWe use cookies. Accept all\nWaiting lists fall\nBy Omar Siddiqui\n';
    expect(defaultTitle(copied)).toBe('Waiting lists fall');
    expect(defaultTitle('Home News Sport Subscribe\n\n')).toBe('Home News Sport Subscribe');
  });

  test('is at most 200 characters', () => {
    const t = defaultTitle('x'.repeat(500));
    expect(t.length).toBe(200);
    expect(t.endsWith('…')).toBe(true);
  });
});

describe('articleTitle', () => {
  test('prefers a given title, and falls back when it is blank', () => {
    expect(articleTitle(' Given ', 'Line')).toBe('Given');
    expect(articleTitle('  ', 'Line\nmore')).toBe('Line');
    expect(articleTitle(null, '  \n ')).toBe('Untitled article');
  });
});
