import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVACY_PATH, repositoryRoot, TERMS_PATH } from '../../core/config.js';

/**
 * The privacy policy and terms, served as GET /privacy and GET /terms so an operator can give those
 * URLs to the Developer Portal. They are the repository's PRIVACY.md and TERMS.md, sent as they are
 * (Markdown reads as plain text), with text/plain so every browser shows them instead of
 * downloading them.
 */
export const PAGE_FILES = { [PRIVACY_PATH]: 'PRIVACY.md', [TERMS_PATH]: 'TERMS.md' } as const;
export type PagePath = keyof typeof PAGE_FILES;

/** Reads both documents once, at start; a missing file is a broken install and throws. */
export function loadPages(root = repositoryRoot()): ReadonlyMap<string, string> {
  return new Map(
    Object.entries(PAGE_FILES).map(([path, file]) => [path, readFileSync(join(root, file), 'utf8')]),
  );
}
