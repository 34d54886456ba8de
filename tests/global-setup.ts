import { execFileSync } from 'node:child_process';

/**
 * Child-process tests run the built bot, as `npm start` and `npm run start:http` do: build it once
 * before the suite (tsc, then the HTTP endpoint's bundle).
 */
export default function setup(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
}
