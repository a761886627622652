import { describe, expect, it } from 'vitest';
import { cspAllowsConnect } from '@/features/team/csp-connect';

const APP = 'http://127.0.0.1:4173';
const STRICT = "default-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'";

describe('cspAllowsConnect', () => {
  it('under the built app’s policy, allows only the app’s own origin', () => {
    expect(cspAllowsConnect(`${APP}/couchdb`, STRICT, APP)).toBe(true);
    expect(cspAllowsConnect('http://127.0.0.1:5984', STRICT, APP)).toBe(false);
    expect(cspAllowsConnect('https://couch.example.org', STRICT, APP)).toBe(false);
  });

  it('reads listed origins, schemes and default-src, and allows anything without a policy', () => {
    expect(
      cspAllowsConnect('https://couch.example.org/x', "connect-src 'self' https://couch.example.org", APP),
    ).toBe(true);
    expect(cspAllowsConnect('https://other.example.org', "connect-src 'self' https:", APP)).toBe(true);
    expect(cspAllowsConnect('http://other.example.org', "connect-src 'self' https:", APP)).toBe(false);
    expect(cspAllowsConnect('http://127.0.0.1:5984', "default-src 'self'", APP)).toBe(false);
    expect(cspAllowsConnect('http://127.0.0.1:5984', null, APP)).toBe(true);
  });
});
