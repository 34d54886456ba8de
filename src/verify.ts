import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PUBLIC_KEY_HEX = /^[0-9a-fA-F]{64}$/;
const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;
/** Discord sends the signing time as Unix seconds. */
const TIMESTAMP = /^\d{1,12}$/;
/** A signed request older (or newer) than this is refused as a possible replay. */
export const MAX_CLOCK_SKEW_S = 5 * 60;

export function isPublicKeyHex(hex: string): boolean {
  return PUBLIC_KEY_HEX.test(hex);
}

/** The application's public key (64 hex characters) as a KeyObject: made once, used for every request. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isPublicKeyHex(hex)) throw new Error('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export type Verdict =
  'ok' | 'missing-headers' | 'malformed-signature' | 'malformed-timestamp' | 'stale' | 'bad-signature';

/**
 * Checks Discord's request signature: Ed25519 over the timestamp header followed by the raw body.
 * Anything but 'ok' must be answered 401 (Discord probes the endpoint with bad signatures).
 */
export function verifyRequest(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
): Verdict {
  if (signatureHex === undefined || timestamp === undefined) return 'missing-headers';
  if (!SIGNATURE_HEX.test(signatureHex)) return 'malformed-signature';
  if (!TIMESTAMP.test(timestamp)) return 'malformed-timestamp';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return 'stale';
  const signed = Buffer.allocUnsafe(timestamp.length + body.length);
  signed.write(timestamp, 0, 'latin1');
  body.copy(signed, timestamp.length);
  return verify(null, signed, key, Buffer.from(signatureHex, 'hex')) ? 'ok' : 'bad-signature';
}
