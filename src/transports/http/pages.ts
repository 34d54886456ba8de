import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRIVACY_PATH, TERMS_PATH } from '../../core/config.js';

/**
 * The privacy policy and terms, served as GET /privacy and GET /terms so an operator can give those
 * URLs to the Developer Portal. They are the repository's PRIVACY.md and TERMS.md, sent as they are
 * (Markdown reads as plain text), with text/plain so every browser shows them instead of
 * downloading them.
 */
export const PAGE_FILES = { [PRIVACY_PATH]: 'PRIVACY.md', [TERMS_PATH]: 'TERMS.md' } as const;
export type PagePath = keyof typeof PAGE_FILES;

/** The repository's root: the first folder with a package.json above `file` (this module by default). */
export function repositoryRoot(file = fileURLToPath(import.meta.url)): string {
  // Compiled by tsc this module is dist/src/transports/http/pages.js; bundled, it is dist/http.mjs.
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${file}`);
  }
}

/** Reads both documents once, at start; a missing file is a broken install and throws. */
export function loadPages(root = repositoryRoot()): ReadonlyMap<string, string> {
  return new Map(
    Object.entries(PAGE_FILES).map(([path, file]) => [path, readFileSync(join(root, file), 'utf8')]),
  );
}
