import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { droppedLogLines, LogOutput } from '../../src/core/logger.js';
import { freePort, HTTP_BUNDLE, newSigningKeys } from '../helpers/http-server.js';
import { workDir } from '../helpers/run-built.js';

/** A stdout whose reader has stopped: nothing it is given is written until `resume()`. */
function stalledStdout() {
  let written = '';
  let stalled = true;
  const held: (() => void)[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const finish = () => {
        written += chunk.toString();
        done();
      };
      if (stalled) held.push(finish);
      else finish();
    },
  });
  return {
    stream,
    written: () => written,
    resume() {
      stalled = false;
      for (const finish of held.splice(0)) finish();
    },
  };
}

/** The outputs under test hand their lines to stdout every BATCH_MS; `handed()` waits past one hand-over. */
const BATCH_MS = 5;
const handed = () => new Promise((done) => setTimeout(done, BATCH_MS + 5));

describe('the log output between the logger and stdout', () => {
  it('holds at most its bound for a stalled reader, drops and counts the rest, and says so once the reader catches up', async () => {
    const stdout = stalledStdout();
    const output = new LogOutput(stdout.stream, 10_000, BATCH_MS);
    const log = pino({ base: null, timestamp: false }, output);
    const recovered: number[] = [];
    output.onRecovered = (dropped) => {
      recovered.push(dropped);
      log.warn({ droppedLines: dropped }, 'log lines dropped');
    };
    const droppedBefore = droppedLogLines();
    for (let i = 0; i < 2_000; i++) {
      log.info({ n: i }, 'interaction');
      if (i % 100 === 0) await handed();
    }
    await handed();
    expect(stdout.stream.writableLength).toBeLessThanOrEqual(10_000);
    const dropped = droppedLogLines() - droppedBefore;
    expect(dropped).toBeGreaterThan(1_500);
    expect(recovered).toEqual([]);

    stdout.resume();
    await vi.waitFor(() => expect(recovered).toEqual([dropped]), { timeout: 2_000 });
    await output.flush(1_000);
    const lines = stdout
      .written()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg: string; n?: number; droppedLines?: number });
    expect(lines.length).toBe(2_000 - dropped + 1);
    expect(lines[0]?.n).toBe(0);
    expect(lines.at(-1)).toMatchObject({ msg: 'log lines dropped', droppedLines: dropped });
  });

  it('writes every line, in order, while the reader keeps up', async () => {
    const stdout = stalledStdout();
    stdout.resume();
    const output = new LogOutput(stdout.stream, 10_000, BATCH_MS);
    const log = pino({ base: null, timestamp: false }, output);
    for (let i = 0; i < 2_000; i++) {
      log.info({ n: i }, 'interaction');
      if (i % 100 === 0) await handed();
    }
    await output.flush(1_000);
    const numbers = stdout
      .written()
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { n: number }).n);
    expect(numbers).toEqual(Array.from({ length: 2_000 }, (_, i) => i));
  });

  it('hands the lines logged within one batch interval to stdout in one write', async () => {
    const writes: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        writes.push(chunk.toString());
        done();
      },
    });
    const output = new LogOutput(stream, 10_000, 50);
    const log = pino({ base: null, timestamp: false }, output);
    log.info({ n: 1 }, 'interaction');
    await new Promise((done) => setImmediate(done));
    log.info({ n: 2 }, 'interaction');
    expect(writes).toEqual([]);
    await vi.waitFor(() => expect(writes).toHaveLength(1), { timeout: 1_000 });
    expect(writes[0]).toBe(
      '{"level":30,"n":1,"msg":"interaction"}\n{"level":30,"n":2,"msg":"interaction"}\n',
    );
    log.info({ n: 3 }, 'interaction');
    await output.flush(1_000);
    expect(writes).toHaveLength(2);
  });

  it('flush gives up after its timeout when the reader never reads', async () => {
    const stdout = stalledStdout();
    const output = new LogOutput(stdout.stream, 10_000, BATCH_MS);
    output.write('{"msg":"last words"}\n');
    const started = Date.now();
    await output.flush(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(stdout.written()).toBe('');
  });

  it('drops lines once the reader is gone (EPIPE) instead of failing', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const output = new LogOutput(broken, 10_000, BATCH_MS);
    const before = droppedLogLines();
    output.write('{"msg":"one"}\n');
    await handed();
    await handed();
    output.write('{"msg":"two"}\n');
    expect(droppedLogLines() - before).toBe(1);
    await output.flush(1_000);
  });
});

describe('on a terminal (a pseudo-terminal from script(1))', () => {
  it('the built HTTP endpoint logs readable lines through pino-pretty, down to "stopped" after SIGTERM', async () => {
    const port = await freePort();
    // The endpoint runs in the background of script's shell, with stdout on the pseudo-terminal;
    // the shell sends it SIGTERM once this test has seen it listening and writes a line.
    const command = `"${process.execPath}" "${HTTP_BUNDLE}" & p=$!; read go; kill -TERM $p; wait $p; echo "exit=$?"`;
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: workDir(),
      env: {
        PATH: process.env.PATH ?? '',
        TERM: 'dumb',
        PORT: String(port),
        HOST: '127.0.0.1',
        DISCORD_PUBLIC_KEY: newSigningKeys().publicKeyHex,
      },
    });
    let output = '';
    let told = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!told && output.includes('listening')) {
        told = true;
        child.stdin.write('go\n');
      }
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    // eslint-disable-next-line no-control-regex
    const text = output.replace(/\r/g, '').replace(/\u001b\[\d+m/g, '');
    expect(code).toBe(0);
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: listening$/m);
    expect(text).toContain(`port: ${port}`);
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: stopped$/m);
    expect(text).toContain('exit=0');
    expect(text).not.toContain('"level"');
  }, 60_000);
});
