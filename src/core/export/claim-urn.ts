import { v5 as uuidv5, validate } from 'uuid';

/** The name space of the UUIDs derived from claim ids (fixed: a claim's URN never changes). */
const CLAIM_NAMESPACE = '24fcc19d-fea0-49fd-83b5-838a045d46a6';

/**
 * A claim's `urn:uuid:` (RFC 9562 / RFC 4122 URN): its id when that is a UUID (a claim added by
 * hand), else a version 5 UUID of its id (extracted claims are `art-<hash>.<start>-<end>`, not a
 * UUID), so the same claim always gets the same URN, on every export and device.
 */
export function claimUrn(claimId: string): string {
  return `urn:uuid:${validate(claimId) ? claimId.toLowerCase() : uuidv5(claimId, CLAIM_NAMESPACE)}`;
}
