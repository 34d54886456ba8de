import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** A real pino logger that writes its JSON lines to memory, for tests that read what was logged. */
export function memoryLogger(level = 'info'): {
  readonly log: Logger;
  /** Everything logged so far, as written. */
  readonly text: () => string;
  /** Each line logged so far, parsed. */
  readonly lines: () => Record<string, unknown>[];
} {
  let written = '';
  const log = pino(
    { level },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    }),
  );
  return {
    log,
    text: () => written,
    lines: () =>
      written
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
