import { validate, version } from 'uuid';
import { describe, expect, test } from 'vitest';
import { claim, MAYOR, UUID_URN } from '@/test/export-rows';
import { claimUrn } from './claim-urn';

describe('claimUrn', () => {
  test('an extracted claim’s id (not a UUID) gives a valid, stable version 5 UUID URN', () => {
    const id = 'art-21a8da6bc11235912ec7ec0a37beea33.00000069-00000103';
    const urn = claimUrn(id);
    expect(urn).toMatch(UUID_URN);
    const uuid = urn.slice('urn:uuid:'.length);
    expect(validate(uuid)).toBe(true);
    expect(version(uuid)).toBe(5);
    expect(claimUrn(id)).toBe(urn);
    // fixed: a change of name space would give every exported claim a new address
    expect(urn).toBe('urn:uuid:f00ee41b-6d77-57e9-adef-65f5f38c6fd9');
    expect(claimUrn(`${id}.1`)).not.toBe(urn);
    expect(claimUrn(claim(MAYOR).id)).toMatch(UUID_URN);
  });

  test('a claim added by hand already has a UUID: it is used as it is', () => {
    expect(claimUrn('01936b2e-7f5a-7c3d-8e9f-0a1b2c3d4e5f')).toBe(
      'urn:uuid:01936b2e-7f5a-7c3d-8e9f-0a1b2c3d4e5f',
    );
  });
});
