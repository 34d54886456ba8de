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

/** Only plain words are repaired. (A regex literal in `correct` would be a new object per word.) */
const LETTERS_ONLY = /^[a-z]+$/;

/** Allowed edits grow with length: short words have too many neighbours to repair safely. */
function maxEdits(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/** The letters a-z of a word, one bit each. */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97;
    if (letter >= 0 && letter < 26) mask |= 1 << letter;
  }
  return mask;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

export function createSpeller(targets: Iterable<string>, known: Iterable<string>): Speller {
  const map = new SearchableMap<true>();
  for (const t of targets) map.set(t, true);
  const knownWords = new Set<string>(known);
  for (const t of map.keys()) knownWords.add(t);
  const shapes = [...map.keys()].map((t) => ({ length: t.length, letters: letterMask(t) }));

  /**
   * Whether some target might be within `edits` of the token: each edit changes the length by at
   * most one and adds or removes at most one letter. Most unknown words of a long message are far
   * from every target, and this skips the typo search, most of the cost of reading them.
   */
  function mayBeNear(token: string, edits: number): boolean {
    const letters = letterMask(token);
    // A loop rather than shapes.some: no closure for each word of a long message.
    for (const t of shapes) {
      if (
        Math.abs(t.length - token.length) <= edits &&
        bitCount(t.letters & ~letters) <= edits &&
        bitCount(letters & ~t.letters) <= edits
      )
        return true;
    }
    return false;
  }

  return {
    correct(token) {
      if (knownWords.has(token) || !LETTERS_ONLY.test(token)) return token;
      const edits = maxEdits(token.length);
      let best = token;
      let bestDistance = Infinity;
      if (edits > 0 && mayBeNear(token, edits)) {
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
