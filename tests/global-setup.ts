import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Child-process tests run the built bot, as `npm start` and `npm run start:http` do: build it once
 * before the suite (tsc, then the HTTP endpoint's bundle).
 *
 * Every temporary folder the tests make (hip-back-e2e-*, hip-back-run-*, ...) goes into one folder
 * of the run's own: TMPDIR points there for the test workers and the processes they start, and it
 * is removed when the run ends, so no run leaves folders behind.
 */
export default function setup(): () => void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const previous = process.env.TMPDIR;
  const folder = mkdtempSync(join(tmpdir(), 'hip-back-tests-'));
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
