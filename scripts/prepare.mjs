/**
 * npm runs this after `npm ci` / `npm install`: build once at install, so `npm start` never has to.
 * An install without dev dependencies (`npm ci --omit=dev`) has no esbuild: it says so and leaves
 * the build to whoever ships dist/ (see README, "Run it in production").
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasBuildTools } from './build-tools.mjs';

if (!hasBuildTools(join(dirname(fileURLToPath(import.meta.url)), '..'))) {
  process.stderr.write(
    'hip-back-bot: no build tools installed (production install); not building. Ship a built dist/.\n',
  );
  process.exit(0);
}
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
