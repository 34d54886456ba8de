/** A REST fault to inject: the next `times` requests matching `method` and `path` get it. */
export type Fault =
  | {
      readonly kind: 'status';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** Never answers; the connection stays open until the client gives up. */
  | { readonly kind: 'hang' }
  /** Answers normally, but only after `ms`. */
  | { readonly kind: 'delay'; readonly ms: number };

export interface FaultRule {
  readonly method: string;
  readonly path: RegExp;
  readonly fault: Fault;
  remaining: number;
}

/** 429 as Discord sends it: the Retry-After header in seconds, and retry_after in the body. */
export function rateLimited(retryAfterSeconds: number): Fault {
  return {
    kind: 'status',
    status: 429,
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-ratelimit-scope': 'user',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': String(retryAfterSeconds),
    },
    body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
  };
}

export function serverError(): Fault {
  return { kind: 'status', status: 500, body: { message: '500: Internal Server Error', code: 0 } };
}

export function unknownInteraction(): Fault {
  return { kind: 'status', status: 404, body: { message: 'Unknown interaction', code: 10062 } };
}

export function missingAccess(): Fault {
  return { kind: 'status', status: 403, body: { message: 'Missing Access', code: 50001 } };
}

/** Takes the first rule matching a request and uses one of its remaining injections. */
export function takeFault(rules: FaultRule[], method: string, path: string): Fault | undefined {
  const rule = rules.find((r) => r.remaining > 0 && r.method === method && r.path.test(path));
  if (!rule) return undefined;
  rule.remaining -= 1;
  return rule.fault;
}
