import { describe, expect, test } from 'vitest';
import { findBoilerplate } from './clean';
import { furnitureReason } from './furniture-lines';

describe('page furniture lines', () => {
  test('market tickers', () => {
    expect(furnitureReason('FTSE 100 7,512 ▲ 0.4%')).toBe('market ticker');
    expect(furnitureReason('€4.12 ▼ 3.1pc')).toBe('market ticker');
    expect(furnitureReason('FTSE 100 7,512 ▲ 0.4% | Dow Jones 38,201 ▼ 0.2%')).toBe('market ticker');
    expect(furnitureReason('Kestrel Devices 412p ▼ 3.1%')).toBe('market ticker');
    expect(furnitureReason('Shares in Kestrel fell 3.1% to 412p.')).toBeNull();
  });

  test('index labels and amendment notes', () => {
    expect(furnitureReason('SUBJECTS: Banking, Interest rates')).toBe('index labels');
    expect(furnitureReason('Tags: banks, profits')).toBe('index labels');
    expect(furnitureReason('Related articles: Bank says branches will stay open')).toBe('index labels');
    expect(furnitureReason('This article was amended on 4 December 2026 to correct a name.')).toBe(
      'amendment note',
    );
    expect(furnitureReason('An earlier version of this story said the bank had cut jobs.')).toBe(
      'amendment note',
    );
    expect(furnitureReason('The article said the bank had cut jobs.')).toBeNull();
  });

  test('a site menu and a cookie banner, as a page copied from the browser has them', () => {
    const cases: [string, string | null][] = [
      ['Home News Sport Subscribe', 'site menu'],
      ['Home | News | Sign in', 'site menu'],
      ['Privacy Terms Cookies Contact us', 'site menu'],
      ['Skip to main content', 'site menu'],
      ['US politics live', null],
      ['News from home', null],
      ['We use cookies. Accept all', 'cookie notice'],
      ['This website uses cookies to improve your experience. Manage your preferences.', 'cookie notice'],
      ['Reject all cookies', 'cookie notice'],
      ['Manage preferences', 'cookie notice'],
      ['We use cookies to follow readers, the company admitted.', null],
      ['"We use cookies, and you accept them," said Ms Lane.', null],
    ];
    for (const [line, reason] of cases) expect(furnitureReason(line), line).toBe(reason);
  });

  test('findBoilerplate marks them', () => {
    const text = 'Headline\n\nTopics: Banking; Economy\n\nThe bank said profits fell.';
    expect(findBoilerplate(text).map((b) => b.reason)).toEqual(['index labels']);
  });
});
