import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { expect } from 'vitest';
import * as content from '../../content/index.js';
import type { Source } from '../../content/index.js';
import { NAVIGATION } from '../../commands/topics.js';
import { sourceLine, sourcesFieldName } from '../../src/core/reply.js';
import { visibleTexts } from './invariants.js';

/**
 * Invariant 4: no medical statement outside the content module. A message passes when every text
 * in it is made only of content strings, credited sources and the bot's navigation words, joined by
 * punctuation. Lay terms are left out on purpose: they are search words, never shown as statements.
 */

function isSource(value: unknown): value is Source {
  return typeof value === 'object' && value !== null && 'title' in value && 'publisher' in value;
}

function stringsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (typeof value === 'object' && value !== null) {
    if (isSource(value)) out.add(sourceLine(value));
    for (const v of Object.values(value)) stringsIn(v, out);
  }
  return out;
}

const { layTerms: _searchWords, ...shown } = content;
/** Every string the content module can show, and every source credit line. */
export const CONTENT_STRINGS: ReadonlySet<string> = stringsIn(shown, new Set());
const NAVIGATION_STRINGS = stringsIn([NAVIGATION, sourcesFieldName(1), sourcesFieldName(2)], new Set());

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What is left of `text` once every allowed string (longest first, whole words only) is taken out. */
export function residue(text: string, allowed: Iterable<string>): string {
  let rest = text;
  for (const piece of [...allowed].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    if (!rest.includes(piece)) continue;
    rest = rest.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(piece)}(?![\\p{L}\\p{N}])`, 'gu'),
      '\uE000',
    );
  }
  // Markdown emphasis, bullets, separators and punctuation join the pieces; nothing else may remain.
  return rest.replace(/[\uE000\s*•·.,:;()'"[\]-]+/g, '');
}

/** Every visible text of the message is content, source credits, navigation or `extra`. */
export function expectContentText(
  data: APIInteractionResponseCallbackData,
  extra: Iterable<string> = [],
): void {
  const allowed = [...CONTENT_STRINGS, ...NAVIGATION_STRINGS, ...extra];
  for (const text of visibleTexts(data))
    expect(residue(text, allowed), `text not from content: ${text}`).toBe('');
}
