import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Whether `npm run build` can run here: it needs both tsc and esbuild. Checking TypeScript alone is
 * not enough: it is valibot's optional peer dependency, so `npm prune --omit=dev` keeps it.
 */
export function hasBuildTools(root) {
  const require = createRequire(join(root, 'package.json'));
  try {
    require.resolve('typescript');
    require.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}
