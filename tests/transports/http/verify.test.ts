import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  MAX_QUEUED_CHECKS,
  publicKeyFromHex,
  verifyRequest,
  type Verdict,
} from '../../../src/transports/http/verify.js';
import { newSigningKeys, nowSeconds, signatureHeaders } from '../../helpers/http-server.js';

const keys = newSigningKeys();
const key = publicKeyFromHex(keys.publicKeyHex);
const stranger = newSigningKeys();

describe('signature checks on the thread pool', () => {
  it(`checks more than ${MAX_QUEUED_CHECKS} at once correctly, those past ${MAX_QUEUED_CHECKS} in line`, async () => {
    const count = MAX_QUEUED_CHECKS + 44;
    const cases = Array.from({ length: count }, (_, i) => {
      const body = Buffer.from(JSON.stringify({ type: 1, id: String(i) }));
      const genuine = i % 2 === 0;
      const headers = signatureHeaders(genuine ? keys.privateKey : stranger.privateKey, body);
      const expected: Verdict = genuine ? 'ok' : 'bad-signature';
      return { body, headers, expected };
    });
    let settled = 0;
    const verdicts = cases.map((c) =>
      verifyRequest(
        key,
        c.headers['x-signature-ed25519'],
        c.headers['x-signature-timestamp'],
        c.body,
        Date.now(),
      ).then((verdict) => {
        settled += 1;
        return verdict;
      }),
    );
    // Checked in line: settled before the event loop turns. The pool's answers come on a later turn.
    await Promise.resolve();
    expect(settled).toBe(count - MAX_QUEUED_CHECKS);
    expect(await Promise.all(verdicts)).toEqual(cases.map((c) => c.expected));

    // The pool is free again: the next check goes there, not in line.
    await nextTurn();
    const body = Buffer.from('{"type":1}');
    const h = signatureHeaders(keys.privateKey, body, nowSeconds());
    let later = false;
    const next = verifyRequest(
      key,
      h['x-signature-ed25519'],
      h['x-signature-timestamp'],
      body,
      Date.now(),
    ).then((verdict) => {
      later = true;
      return verdict;
    });
    await Promise.resolve();
    expect(later).toBe(false);
    expect(await next).toBe('ok');
  });
});
