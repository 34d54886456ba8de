/**
 * Bundles each entry point that a process manager starts into one ES module, so a start reads one
 * file instead of resolving and loading hundreds (discord.js and discord-api-types alone are
 * hundreds of CommonJS files):
 *   dist/start.mjs  src/cli/start.ts: the gateway bot or the local console (`npm start`)
 *   dist/http.mjs   src/cli/start-http.ts: the HTTP interactions endpoint (`npm run start:http`)
 * Run by `npm run build` after tsc has type-checked the sources (tsc's dist/src/ serves the other
 * commands). dist/http.mjs is written last: scripts/start.mjs compares the sources with its time.
 */
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';

/**
 * One copy of each package discord.js shares with us. discord.js require()s @discordjs/builders,
 * @discordjs/ws and discord-api-types, while our ES modules import them: by default esbuild bundles
 * the package's CommonJS build for the first and its ES module build for the second, so the bundle
 * carried, and every start compiled and ran, two copies of each (about 350 KiB). Here our imports of
 * those packages resolve the way require() does. Only those: any other package keeps its ES module
 * build, which esbuild can tree-shake (valibot's whole CommonJS build is 20 times what we use of it).
 */
const SHARED_WITH_DISCORD_JS = /^(discord\.js|discord-api-types|@discordjs\/(builders|ws))(\/|$)/;
const oneCopyOfEachPackage = {
  name: 'one-copy-of-each-package',
  setup(build) {
    build.onResolve({ filter: SHARED_WITH_DISCORD_JS }, async (args) => {
      if (args.pluginData === 'as-require') return undefined;
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      const asRequire = await build.resolve(args.path, {
        kind: 'require-call',
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'as-require',
      });
      return asRequire.errors.length > 0 ? undefined : asRequire;
    });
  },
};

const BUNDLES = [
  { entry: 'src/cli/start.ts', out: 'dist/start.mjs' },
  { entry: 'src/cli/start-http.ts', out: 'dist/http.mjs' },
];

for (const { entry, out } of BUNDLES) {
  const result = await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    // Node built-ins stay imports; the target is the oldest Node the package supports (engines).
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // pino-pretty is loaded by name, only on a terminal (src/core/logger.ts): it stays in node_modules
    // (a production dependency) instead of the bundle. pino itself is bundled: loaded from
    // node_modules, its 29 files took 20-28 ms of the HTTP endpoint's cold start.
    external: ['pino-pretty'],
    plugins: [oneCopyOfEachPackage],
    // Whitespace and comments out, names kept (stack traces stay readable; the source map maps
    // lines back): the start parses about 40% less text.
    minifyWhitespace: true,
    minifySyntax: true,
    // Some bundled CommonJS dependencies call require(): give the ES module bundle one. It also
    // serves the optional add-ons discord.js and ws try to require (zlib-sync, bufferutil,
    // utf-8-validate): esbuild leaves a require() it cannot resolve inside try/catch to run time.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // The list of every bundled file (dist/http.meta.json is read by the test that checks discord.js
    // is not among them).
    metafile: true,
    sourcemap: true,
    logLevel: 'warning',
  });
  await writeFile(out.replace(/\.mjs$/, '.meta.json'), JSON.stringify(result.metafile));
}
