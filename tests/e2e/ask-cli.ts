import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EMPTY_DIR, ROOT } from './bot-process.js';

const run = promisify(execFile);
const ASK = join(ROOT, 'dist/src/cli/ask.js');
/** `ask` exits 2 for an unknown command or value, after printing the same reply Discord users get. */
const EXIT_UNKNOWN = 2;

/**
 * `npm run ask -- --json --locale en-US "<line>"` through the built CLI: the exact interaction
 * response the bot would send for that command. Runs at most `parallel` CLIs at once.
 */
export async function askJsonAll(lines: readonly string[], parallel = 2): Promise<Map<string, string>> {
  const results = new Map<string, string>();
  const queue = [...lines];
  async function worker(): Promise<void> {
    for (let line = queue.shift(); line !== undefined; line = queue.shift()) {
      const stdout = await run(process.execPath, [ASK, '--json', '--locale', 'en-US', line], {
        cwd: EMPTY_DIR,
        env: { PATH: process.env.PATH ?? '' },
      }).then(
        (done) => done.stdout,
        (failed: { code?: unknown; stdout?: string }) => {
          if (failed.code === EXIT_UNKNOWN && failed.stdout) return failed.stdout;
          throw failed;
        },
      );
      results.set(line, stdout.trim());
    }
  }
  await Promise.all(Array.from({ length: parallel }, () => worker()));
  return results;
}
