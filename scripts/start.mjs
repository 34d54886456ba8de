/**
 * `npm start` and `npm run start:http`: run the built bot, building it first only when dist/ is
 * missing or older than the sources (a fresh clone where install did not build, or an edited file).
 * A current build starts at once; a production install (no TypeScript) never compiles.
 *   node scripts/start.mjs          the gateway bot, or the local console (dist/src/cli/start.js)
 *   node scripts/start.mjs http     the HTTP interactions endpoint (dist/http.mjs)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['dist/src/cli/start.js', 'dist/http.mjs'];
/** Written last by every build (esbuild always rewrites it; tsc skips unchanged files). */
const BUILD_MARK = 'dist/http.mjs';
const INPUTS = [
  'src',
  'commands',
  'content',
  'scripts/build-http.mjs',
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

function hasTypeScript() {
  try {
    createRequire(join(root, 'package.json')).resolve('typescript');
    return true;
  } catch {
    return false;
  }
}

const why = staleness();
if (why && hasTypeScript()) {
  process.stderr.write(`Building first: ${why}.\n`);
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

await import(
  pathToFileURL(join(root, process.argv[2] === 'http' ? 'dist/http.mjs' : 'dist/src/cli/start.js')).href
);
