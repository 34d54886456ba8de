import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { isHex } from '../../core/formats.js';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
/** Discord sends the signing time as Unix seconds. */
const TIMESTAMP = /^\d{1,12}$/;
/** A signed request older (or newer) than this is refused as a possible replay. */
export const MAX_CLOCK_SKEW_S = 5 * 60;
/**
 * Signature checks handed to the thread pool and not yet done. Past this many, a check runs in line
 * on the event loop instead, which slows reading new requests: a flood cannot queue bodies (up to
 * 64 KiB each, plus the signed copy) without bound.
 */
export const MAX_QUEUED_CHECKS = 256;
let queuedChecks = 0;

/** The application's public key (64 hex characters) as a KeyObject: made once, used for every request. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!isHex(hex, 64)) throw new Error('an Ed25519 public key is 64 hexadecimal characters');
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
 *
 * The header checks run at once; the signature itself is checked on libuv's thread pool
 * (node:crypto's verify with a callback), so the event loop goes on reading and answering other
 * requests meanwhile, and one process uses more than one core (up to MAX_QUEUED_CHECKS at a time).
 * Rejects only on a failure inside node:crypto, never because of what the request holds.
 */
export function verifyRequest(
  key: KeyObject,
  signatureHex: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
): Promise<Verdict> {
  if (signatureHex === undefined || timestamp === undefined) return Promise.resolve('missing-headers');
  if (!isHex(signatureHex, 128)) return Promise.resolve('malformed-signature');
  if (!TIMESTAMP.test(timestamp)) return Promise.resolve('malformed-timestamp');
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) return Promise.resolve('stale');
  const signed = Buffer.allocUnsafe(timestamp.length + body.length);
  signed.write(timestamp, 0, 'latin1');
  body.copy(signed, timestamp.length);
  const signature = Buffer.from(signatureHex, 'hex');
  if (queuedChecks >= MAX_QUEUED_CHECKS)
    return Promise.resolve(verify(null, signed, key, signature) ? 'ok' : 'bad-signature');
  queuedChecks += 1;
  return new Promise((resolve, reject) => {
    verify(null, signed, key, signature, (err, valid) => {
      queuedChecks -= 1;
      if (err) reject(err);
      else resolve(valid ? 'ok' : 'bad-signature');
    });
  });
}
