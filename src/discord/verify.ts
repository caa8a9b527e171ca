/**
 * Ed25519 request verification for the HTTP interactions endpoint, with node:crypto only.
 * Discord signs `timestamp + rawBody`; anything that fails must be rejected with 401 (Discord
 * probes with bad signatures and removes the endpoint if they are accepted).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER prefix that turns a raw 32-byte Ed25519 key into an SPKI structure. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Requests signed longer ago (or further ahead) than this are replays or clock trouble. */
export const MAX_SKEW_SECONDS = 300;

export type VerifyFailure = 'missing' | 'malformed' | 'stale' | 'bad_signature';

/** Builds a verifier for the application's public key (64 hex characters). */
export function createVerifier(publicKeyHex: string): (signature: string | undefined, timestamp: string | undefined, body: Buffer, nowMs?: number) => VerifyFailure | undefined {
  if (!/^[0-9a-fA-F]{64}$/.test(publicKeyHex)) throw new Error('public key must be 64 hexadecimal characters');
  const key: KeyObject = createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
  return (signature, timestamp, body, nowMs = Date.now()) => {
    if (!signature || !timestamp) return 'missing';
    if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
    if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return 'stale';
    const ok = verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
    return ok ? undefined : 'bad_signature';
  };
}
