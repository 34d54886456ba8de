import { isClauseBreak } from './text.js';

/**
 * NegEx-style negation for short questions: a finding is negated when a negation word comes shortly
 * before it in the same clause ("no numbness", "I don't have any bladder problems", "without fever"),
 * or a word saying it is fine comes shortly after ("my bladder is fine"). Clauses end at punctuation
 * and at contrast words, so "no fever but I can't feel my groin" still finds the numbness.
 * When in doubt the finding stands: a missed red flag costs more than a false alarm.
 */

const NEGATION_CUES = new Set([
  'no',
  'not',
  'without',
  'never',
  'none',
  'nor',
  'neither',
  'dont',
  'doesnt',
  'didnt',
  'havent',
  'hasnt',
  'hadnt',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'wont',
  'deny',
  'denies',
  'free',
  'zero',
  'nothing',
  'avoid',
  'avoiding',
  'prevent',
]);

/** Words that end the reach of a negation, besides punctuation. */
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'yet', 'except', 'whereas', 'apart']);

/** Negation words that do not negate what follows them ("no longer", "not sure if"). */
const PSEUDO_NEGATIONS = [
  ['no', 'longer'],
  ['not', 'sure'],
  ['not', 'certain'],
  ['no', 'idea'],
  ['not', 'only'],
  ['no', 'matter'],
  ['didnt', 'matter'],
  ['doesnt', 'matter'],
  ['dont', 'matter'],
  ['dont', 'know'],
  ['didnt', 'know'],
  ['dont', 'understand'],
  ['never', 'had', 'this'],
  // Fillers: "no lie the worst pain of my life".
  ['no', 'lie'],
  ['not', 'gonna', 'lie'],
  ['no', 'joke'],
  ['no', 'kidding'],
  ['not', 'kidding'],
  ['no', 'exaggeration'],
  ['not', 'even', 'joking'],
  ['not', 'joking'],
  // A fear, not a denial: "what if I never walk again".
  ['never', 'walk', 'again'],
] as const;

const FINE_WORDS = new Set(['fine', 'ok', 'okay', 'normal', 'alright', 'unaffected']);

const CUE_REACH = 5;
const FINE_REACH = 4;

function isPseudo(words: readonly string[], at: number): boolean {
  return PSEUDO_NEGATIONS.some((phrase) => phrase.every((w, k) => words[at + k] === w));
}

function endsClause(token: string): boolean {
  return isClauseBreak(token) || CLAUSE_WORDS.has(token);
}

/** Whether the finding at tokens [start, end) is negated by its clause. */
export function isNegated(words: readonly string[], start: number, end: number): boolean {
  for (let i = start - 1; i >= Math.max(0, start - CUE_REACH); i--) {
    const w = words[i] ?? '';
    if (endsClause(w)) break;
    if (NEGATION_CUES.has(w) && !isPseudo(words, i)) return true;
  }
  for (let i = end; i < Math.min(words.length, end + FINE_REACH); i++) {
    const w = words[i] ?? '';
    if (endsClause(w)) break;
    if (FINE_WORDS.has(w)) return true;
  }
  return false;
}
