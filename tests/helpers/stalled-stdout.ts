import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A node process whose stdout is a real pipe (a FIFO: 64 KiB in the kernel, as under `node app |
 * log-shipper`; a child's 'pipe' stdio is a socket pair, which buffers far more) read by this
 * process until `stall()`, as a stuck log shipper or a paused pager stops reading.
 */
export interface StalledStdoutProcess {
  readonly child: ChildProcess;
  /** The JSON log lines read so far. */
  readonly logs: Record<string, unknown>[];
  waitForLog(
    match: (line: Record<string, unknown>) => boolean,
    what: string,
  ): Promise<Record<string, unknown>>;
  /** Stops reading stdout: once the pipe and this side's small buffer are full, the child's writes wait. */
  stall(): void;
  /** Reads again. */
  resume(): void;
  readonly exited: Promise<number | null>;
}

export function spawnWithStalledStdout(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  cwd: string,
): StalledStdoutProcess {
  const dir = mkdtempSync(join(tmpdir(), 'hip-back-fifo-'));
  const fifo = join(dir, 'stdout');
  execFileSync('mkfifo', [fifo]);
  // The read end first (non-blocking, so opening does not wait for a writer), then the write end.
  const readFd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const writeFd = openSync(fifo, 'w');
  rmSync(dir, { recursive: true });
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', writeFd, 'pipe'],
  });
  closeSync(writeFd);
  const reader = new Socket({ fd: readFd, readable: true, writable: false });
  const logs: Record<string, unknown>[] = [];
  const watchers = new Set<() => void>();
  let partial = '';
  let errors = '';
  reader.setEncoding('utf8');
  reader.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const text of lines) if (text.trim()) logs.push(JSON.parse(text) as Record<string, unknown>);
    for (const watcher of watchers) watcher();
  });
  reader.on('error', () => undefined);
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const exited = new Promise<number | null>((done) =>
    child.once('exit', (code) => {
      reader.destroy();
      done(code);
    }),
  );
  return {
    child,
    logs,
    waitForLog(match, what) {
      return new Promise((done, fail) => {
        const check = () => {
          const line = logs.find(match);
          if (!line) return;
          watchers.delete(check);
          done(line);
        };
        watchers.add(check);
        check();
        void exited.then((code) =>
          fail(new Error(`exited (${code}) before logging ${what}; stderr: ${errors}`)),
        );
      });
    },
    stall: () => reader.pause(),
    resume: () => reader.resume(),
    exited,
  };
}
