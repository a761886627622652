import { describe, expect, it } from 'vitest';
import { checkConnectionDraft, checkDatabaseName, checkServerUrl } from '@/features/team/connection-form';

describe('checkServerUrl', () => {
  it('keeps http(s) addresses, without a trailing slash', () => {
    expect(checkServerUrl(' https://couch.example.org/ ')).toEqual({ url: 'https://couch.example.org' });
    expect(checkServerUrl('http://127.0.0.1:5984')).toEqual({ url: 'http://127.0.0.1:5984' });
    expect(checkServerUrl('https://example.org/couch//')).toEqual({ url: 'https://example.org/couch' });
  });

  it('refuses other schemes, credentials in the address, queries and non-addresses', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'ftp://example.org',
      'data:text/html,x',
      'https://admin:secret@example.org',
      'https://example.org/?a=1',
      'https://example.org/#x',
      'example.org',
      '',
    ]) {
      expect(checkServerUrl(bad), bad).toHaveProperty('problem');
    }
  });
});

describe('checkDatabaseName', () => {
  it('follows CouchDB’s naming rule', () => {
    expect(checkDatabaseName('newsroom')).toBeNull();
    expect(checkDatabaseName('team_2026-desk')).toBeNull();
    expect(checkDatabaseName('Newsroom')).toMatch(/lower-case/);
    expect(checkDatabaseName('_users')).toMatch(/lower-case/);
    expect(checkDatabaseName('a b')).toMatch(/lower-case/);
    expect(checkDatabaseName('')).toMatch(/Enter/);
    expect(checkDatabaseName(`a${'b'.repeat(238)}`)).toMatch(/238/);
  });
});

describe('checkConnectionDraft', () => {
  it('names every missing field and cleans the rest', () => {
    const { problems } = checkConnectionDraft({ url: '', database: '', name: ' ', password: '' });
    expect(Object.keys(problems).sort()).toEqual(['database', 'name', 'password', 'url']);
    const ok = checkConnectionDraft({
      url: 'https://couch.example.org/',
      database: ' desk ',
      name: ' ana ',
      password: ' pw ',
    });
    expect(ok.problems).toEqual({});
    expect(ok.clean).toEqual({
      url: 'https://couch.example.org',
      database: 'desk',
      name: 'ana',
      password: ' pw ',
    });
  });
});

describe('checkConnectionDraft and the page’s reach', () => {
  it('refuses an address the page may not connect to, with the reason given', () => {
    const draft = { url: 'http://127.0.0.1:5984', database: 'desk', name: 'ana', password: 'pw' };
    const { problems } = checkConnectionDraft(draft, (url) =>
      url.includes(':5984') ? 'Not from here.' : null,
    );
    expect(problems).toEqual({ url: 'Not from here.' });
  });
});
