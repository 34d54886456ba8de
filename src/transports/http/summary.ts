import type { Logger } from '../../core/logger.js';

/** At most one summary line per reason in this long. */
export const SUMMARY_INTERVAL_MS = 1_000;

interface Pending {
  readonly msg: string;
  readonly fields: Readonly<Record<string, unknown>>;
  count: number;
}

/**
 * Requests refused before any work (bad signatures, other 4xx, clients gone before the answer)
 * cost their sender nothing, so a line each would let one unauthenticated client fill the disk
 * and the log pipe. They are counted instead: each reason gets one line with its count at most
 * once per interval, the first within an interval of it.
 */
export class RequestSummary {
  readonly #log: Logger;
  readonly #intervalMs: number;
  readonly #pending = new Map<string, Pending>();
  #timer: NodeJS.Timeout | undefined;

  constructor(log: Logger, intervalMs = SUMMARY_INTERVAL_MS) {
    this.#log = log;
    this.#intervalMs = intervalMs;
  }

  /** One more request for `msg` and `reason`; `fields` (fixed per reason, never from the request) go in its line. */
  count(msg: string, reason: string, fields: Readonly<Record<string, unknown>> = {}): void {
    const key = `${msg}\u0000${reason}`;
    const pending = this.#pending.get(key);
    if (pending) pending.count += 1;
    else this.#pending.set(key, { msg, fields: { ...fields, reason }, count: 1 });
    if (!this.#timer) {
      this.#timer = setTimeout(() => this.flush(), this.#intervalMs);
      this.#timer.unref();
    }
  }

  /** Logs what was counted since the last line and starts a new interval (also at shutdown). */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const { msg, fields, count } of this.#pending.values())
      this.#log.info({ ...fields, count, intervalMs: this.#intervalMs }, msg);
    this.#pending.clear();
  }
}
