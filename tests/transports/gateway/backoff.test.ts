import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { backoffDelay, isUnreachable } from '../../../src/transports/gateway/backoff.js';

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
}

describe('backoffDelay', () => {
  it('waits between half and all of a step that doubles from 1 s up to 30 s', () => {
    const steps = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000];
    steps.forEach((step, i) => {
      expect(backoffDelay(i + 1, 1_000, () => 0)).toBe(step / 2);
      expect(backoffDelay(i + 1, 1_000, () => 1)).toBe(step);
      const jittered = backoffDelay(i + 1);
      expect(jittered).toBeGreaterThanOrEqual(step / 2);
      expect(jittered).toBeLessThanOrEqual(step);
    });
    expect(backoffDelay(1_000)).toBeLessThanOrEqual(30_000);
  });

  it('scales with the base: the cap is 30 times it', () => {
    expect(backoffDelay(1, 20, () => 1)).toBe(20);
    expect(backoffDelay(5, 20, () => 1)).toBe(320);
    expect(backoffDelay(6, 20, () => 1)).toBe(600);
    expect(backoffDelay(60, 20, () => 0)).toBe(300);
  });
});

describe('isUnreachable: what a start retries', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'ECONNRESET', 'ENETUNREACH'])(
    'a network error (%s)',
    (code) => expect(isUnreachable(networkError(code))).toBe(true),
  );

  it('a timeout of the REST client (AbortError), and a network error as the cause', () => {
    expect(
      isUnreachable(Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })),
    ).toBe(true);
    expect(isUnreachable(new TypeError('fetch failed', { cause: networkError('ECONNREFUSED') }))).toBe(true);
  });

  it('Discord answering 5xx', () => {
    const request = { body: undefined, files: undefined };
    expect(isUnreachable(new HTTPError(502, 'Bad Gateway', 'GET', '/gateway/bot', request))).toBe(true);
  });

  it('not a rejected token, another 4xx, or a bug', () => {
    const request = { body: undefined, files: undefined };
    const unauthorized = new DiscordAPIError(
      { code: 0, message: '401: Unauthorized' },
      0,
      401,
      'GET',
      '/gateway/bot',
      request,
    );
    expect(isUnreachable(unauthorized)).toBe(false);
    expect(isUnreachable(new HTTPError(404, 'Not Found', 'GET', '/gateway/bot', request))).toBe(false);
    expect(isUnreachable(new TypeError("Cannot read properties of undefined (reading 'url')"))).toBe(false);
    expect(isUnreachable('ECONNREFUSED')).toBe(false);
  });
});
