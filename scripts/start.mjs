/**
 * `npm start`, `npm run start:http` and `npm run deploy`: run the built entry point, building it
 * first only when dist/ is missing or older than the sources (a fresh clone where install did not
 * build, or an edited file).
 * A current build starts at once; a production install (no esbuild) never compiles.
 *   node scripts/start.mjs              the gateway bot, or the local console (dist/start.mjs)
 *   node scripts/start.mjs http         the HTTP interactions endpoint (dist/http.mjs)
 *   node scripts/start.mjs deploy ...   `npm run deploy` (dist/src/cli/deploy.js), given the rest
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['dist/src/cli/start.js', 'dist/start.mjs', 'dist/http.mjs'];
/** Written last by every build (esbuild always rewrites it; tsc skips unchanged files). */
const BUILD_MARK = 'dist/http.mjs';
const INPUTS = [
  'src',
  'commands',
  'content',
  'scripts/build-bundles.mjs',
  'tsconfig.json',
  'tsconfig.build.json',
];

/** The newest modification time of a file or of any file below a folder. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function staleness() {
  const outputs = OUTPUTS.map((f) => join(root, f));
  if (!outputs.every((f) => existsSync(f))) return 'dist/ has not been built';
  const built = statSync(join(root, BUILD_MARK)).mtimeMs;
  const changed = INPUTS.filter((f) => existsSync(join(root, f)) && newest(join(root, f)) > built);
  return changed.length > 0 ? `${changed.join(', ')} changed since the last build` : undefined;
}

const why = staleness();
// What only a stale build needs is loaded only then: a current build starts without it.
const hasBuildTools = why ? (await import('./build-tools.mjs')).hasBuildTools : () => false;
if (why && hasBuildTools(root)) {
  process.stderr.write(`Building first: ${why}.\n`);
  const { execFileSync } = await import('node:child_process');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
} else if (why === 'dist/ has not been built') {
  process.stderr.write(
    'dist/ has not been built and the build tools are not installed: run `npm ci && npm run build` before `npm prune --omit=dev`.\n',
  );
  process.exit(1);
} else if (why) {
  process.stderr.write(
    `Warning: ${why}, but the build tools are not installed; running the existing build.\n`,
  );
}

const ENTRIES = { http: 'dist/http.mjs', deploy: 'dist/src/cli/deploy.js' };
const mode = Object.hasOwn(ENTRIES, process.argv[2] ?? '') ? process.argv[2] : undefined;
// The entry reads its own options from process.argv.slice(2), as if run directly.
if (mode) process.argv.splice(2, 1);
await import(pathToFileURL(join(root, mode ? ENTRIES[mode] : 'dist/start.mjs')).href);
