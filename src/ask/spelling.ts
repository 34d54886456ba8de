import SearchableMap from 'minisearch/SearchableMap';

/**
 * Typo repair for the words that decide safety: a red-flag or self-harm word typed with a slip
 * ("bladdr", "numbnes", "temprature") is read as the word meant. Only words that are not already
 * known are repaired, so "seeing" never becomes "peeing" and "fewer" never becomes "fever".
 */
export interface Speller {
  /** The token as meant: itself when known or too far from every target, else the closest target. */
  correct(token: string): string;
}

/** Allowed edits grow with length: short words have too many neighbours to repair safely. */
function maxEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

export function createSpeller(targets: Iterable<string>, known: Iterable<string>): Speller {
  const map = new SearchableMap<true>();
  for (const t of targets) map.set(t, true);
  const knownWords = new Set<string>(known);
  for (const t of map.keys()) knownWords.add(t);

  return {
    correct(token) {
      if (knownWords.has(token) || !/^[a-z]+$/.test(token)) return token;
      const edits = maxEdits(token.length);
      let best = token;
      let bestDistance = Infinity;
      if (edits > 0) {
        for (const [word, [, distance]] of map.fuzzyGet(token, edits)) {
          if (distance < bestDistance || (distance === bestDistance && word < best)) {
            best = word;
            bestDistance = distance;
          }
        }
      }
      return best;
    },
  };
}
