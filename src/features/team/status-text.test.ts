import { describe, expect, it } from 'vitest';
import { describeStatus, lastSyncText, progressText, statusAnnouncement } from '@/features/team/status-text';
import type { SyncState } from '@/features/team/team-types';

describe('describeStatus', () => {
  it('has words for every state, errors in the error tone', () => {
    const states: SyncState[] = [
      'idle',
      'pulling',
      'pushing',
      'offline',
      'error',
      'stopped',
      'quota',
      'forbidden',
    ];
    for (const state of states) {
      const d = describeStatus({ state, pending: 0, conflicts: 0 });
      expect(d.headline.length, state).toBeGreaterThan(0);
      expect(d.tone === 'error', state).toBe(['offline', 'error', 'quota', 'forbidden'].includes(state));
    }
  });

  it('says what to do when the browser is out of space, and passes the server’s reason on', () => {
    const d = describeStatus({ state: 'quota', pending: 0, conflicts: 0, message: '1.9 GB of 2 GB used.' });
    expect(d.detail).toContain('1.9 GB of 2 GB used.');
    expect(d.detail).toMatch(/carries on from where it stopped/);
  });

  it('counts changes waiting to be sent', () => {
    expect(describeStatus({ state: 'idle', pending: 1, conflicts: 0 }).detail).toBe(
      '1 change waits to be sent.',
    );
    expect(describeStatus({ state: 'idle', pending: 1200, conflicts: 0 }).detail).toMatch(
      /1,200 changes wait/,
    );
  });
});

describe('progressText', () => {
  it('gives numbers and a percentage, never over 100', () => {
    expect(progressText({ done: 12_400, total: 100_000 })).toBe('12,400 of 100,000 changes received (12%)');
    expect(progressText({ done: 11, total: 10 })).toMatch(/\(100%\)/);
    expect(progressText({ done: 5 })).toBe('5 changes received');
    expect(progressText({ done: 5, phase: 'indexing' })).toBe(
      '5 changes received; preparing lists and counts',
    );
    expect(progressText({ done: 5, phase: 'indexing', indexed: { done: 2_000, total: 8_000 } })).toBe(
      '5 changes received; preparing lists and counts (25%)',
    );
  });
});

describe('lastSyncText and statusAnnouncement', () => {
  it('reads like a person would say it', () => {
    expect(lastSyncText(undefined)).toBe('Not yet');
    expect(lastSyncText(1_000_000, 1_010_000)).toBe('Just now');
    expect(lastSyncText(1_000_000, 1_000_000 + 5 * 60_000)).toMatch(/5 minutes ago/);
    expect(
      statusAnnouncement({ state: 'pulling', pending: 0, conflicts: 2, progress: { done: 50, total: 200 } }),
    ).toBe('Receiving changes. 50 of 200 changes received (25%). 2 conflicts need you.');
  });
});
