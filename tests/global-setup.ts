import { execFileSync } from 'node:child_process';

/** Child-process tests run the built bot, as `npm start` does: build it once before the suite. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
