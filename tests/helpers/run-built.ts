import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built entry points (global-setup builds dist/ before the suite), as `npm start` runs them. */
export const BUILT = {
  main: resolve(import.meta.dirname, '../../dist/start.mjs'),
  ask: resolve(import.meta.dirname, '../../dist/src/cli/ask.js'),
  deploy: resolve(import.meta.dirname, '../../dist/src/cli/deploy.js'),
  invite: resolve(import.meta.dirname, '../../dist/src/cli/invite.js'),
};

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A working directory of its own (holding `dotenv` text as .env when given), so a developer's own
 * .env or shell variables never leak into a test run.
 */
export function workDir(dotenv?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hip-back-run-'));
  if (dotenv !== undefined) writeFileSync(join(dir, '.env'), dotenv);
  return dir;
}

/** Runs a built script with exactly `env` (plus PATH) and no terminal; resolves when it exits. */
export function runBuilt(
  script: string,
  args: readonly string[],
  options: { readonly env?: Record<string, string>; readonly cwd?: string; readonly input?: string } = {},
): Promise<Finished> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd ?? workDir(),
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
