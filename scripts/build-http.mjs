/**
 * Bundles the HTTP interactions endpoint (src/cli/start-http.ts) into one ES module, dist/http.mjs,
 * which `npm run start:http` runs. A replica then reads one file instead of resolving and loading
 * hundreds (discord-api-types alone is over a hundred CommonJS files), so it answers its first
 * request sooner. Run by `npm run build` after tsc has type-checked the sources.
 */
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/start-http.ts'],
  outfile: 'dist/http.mjs',
  bundle: true,
  // Node built-ins stay imports; the target is the oldest Node the package supports (engines).
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // pino starts worker threads from files it resolves at run time, and pino-pretty is loaded by name
  // only on a terminal: both stay in node_modules (they are production dependencies) instead of the bundle.
  external: ['pino', 'pino-pretty'],
  // Some bundled CommonJS dependencies call require(): give the ES module bundle one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // The list of every bundled file, read by the test that checks discord.js is not among them.
  metafile: true,
  sourcemap: true,
  logLevel: 'warning',
}).then(async (result) => {
  const { writeFile } = await import('node:fs/promises');
  await writeFile('dist/http.meta.json', JSON.stringify(result.metafile));
});
