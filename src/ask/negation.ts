import { isClauseBreak } from './text.js';

/**
 * Whether a red-flag finding is the writer's current symptom. NegEx-style negation: a finding is
 * negated when a negation word comes shortly before it in the same clause ("no numbness", "I don't
 * have any bladder problems", "without fever"), or a word saying it is fine comes shortly after ("my
 * bladder is fine"). Clauses end at punctuation and at contrast words, so "no fever but I can't feel
 * my groin" still finds the numbness. And a past episode the writer says is over ("had saddle
 * numbness in 2015, fully recovered since") is history, not a current sign.
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

/** "no feeling", "not much sensation", "no control": the negation is the sign itself, not a denial of it. */
const SIGN_AFTER_CUE = new Set(['feeling', 'sensation', 'control']);

/**
 * Whether a finding that spans clauses ends in a denial of its own: "hip hurts after running but no
 * swelling", "my legs are fine, no numbness or weakness". A negation that opens a clause inside the
 * match (after a comma or a contrast word) reaches the match's end when no clause break lies between.
 * Only such an opening counts: "could not make it to the toilet" and "my bum has no feeling" keep
 * their sign. The match's first and last words are never the opening: a cue there is the match's own.
 */
export function endsDenied(words: readonly string[], start: number, end: number): boolean {
  for (let i = end - 2; i > start; i--) {
    const w = words[i] ?? '';
    if (endsClause(w)) return false;
    if (
      NEGATION_CUES.has(w) &&
      !isPseudo(words, i) &&
      !SIGN_AFTER_CUE.has(words[i + 1] ?? '') &&
      !SIGN_AFTER_CUE.has(words[i + 2] ?? '') &&
      endsClause(words[i - 1] ?? '')
    )
      return true;
  }
  return false;
}

/** A time long past: "years ago", "in 2015", "last summer", "when I was a kid". */
const PAST =
  /\b(?:years? ago|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+|many|several|few|couple of) (?:years?|decades?) (?:ago|back|earlier)|decades? ago|long ago|(?:back )?in (?:19|20)\d\d|last (?:summer|spring|winter|autumn|year)|when i was (?:a )?(?:\d+|young|younger|child|kid|little|teenager|teen|baby)|as a (?:child|kid|teenager|baby))\b/;
/** Said to be over: "fully recovered", "healed", "physio fixed it", "been fine since". */
const OVER =
  /\b(?:(?:fully |completely )?recover(?:e?d|y)|healed|resolved|fixed (?:it|that|me)|cleared up|(?:went|gone) away|(?:been|was|felt|walking|doing|feeling) (?:fine|great|grate|good|ok|okay|well|normal|perfect)(?: ever)? since|no (?:problems?|issues?|trouble) since|(?:fine|all good) (?:ever )?since|fine for (?:\d+|many|several|a few) (?:years?|months?))\b/;
/** Something happening now in the sign's own clause: "In 2018 I had a disc op and today both legs are numb". */
const CURRENT =
  /\b(?:now|today|tonight|this (?:morning|afternoon|evening|week|weekend|month)|last night|yesterday|currently|at the moment|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last|this)|still|again|keeps?|recently|lately)\b/;
/** The sign came back, anywhere in the message: "it's happening again", "the same problem"; not "it never came back". */
export const AGAIN =
  /\b(?<!\b(?:never|not|hasnt|havent|hadnt|didnt|wont|nothing has) )(?:came back|come back|comes back|coming back|returned|returning|recurr\w*|again|flared? up|flaring|the same (?:thing|problem|symptoms?|pain|issue))\b/;

/** The clause around tokens [start, end): between clause breaks (punctuation or a contrast word). */
function clauseAround(words: readonly string[], start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !endsClause(words[from - 1] ?? '')) from--;
  let to = end;
  while (to < words.length && !endsClause(words[to] ?? '')) to++;
  return [from, to];
}

/** How far from the sign, in words, the past and the recovery may be told. */
const PAST_REACH = 12;

/**
 * Whether the finding at tokens [start, end) is a past episode that is over: its own clause places it
 * long ago (within PAST_REACH words) and tells nothing current, the rest of that clause or the next
 * one says it is over, and nothing in the message says it came back (`cameBack`, asked at most once
 * per message: see AGAIN). "had saddle numbness
 * after a disc op in 2015, fully recovered since" is history; "now I can't control my bladder, I had a
 * laminectomy in 2016 and recovered fully" is not (the past and the recovery are another clause's).
 */
export function pastAndOver(
  words: readonly string[],
  start: number,
  end: number,
  cameBack: () => boolean,
): boolean {
  const [from, to] = clauseAround(words, start, end);
  const clause = words.slice(Math.max(from, start - PAST_REACH), Math.min(to, end + PAST_REACH)).join(' ');
  if (!PAST.test(clause) || CURRENT.test(clause)) return false;
  const [, nextTo] = to + 1 < words.length ? clauseAround(words, to + 1, to + 1) : [0, to];
  const rest = words.slice(end, Math.min(end + PAST_REACH, to)).join(' ');
  const next = words.slice(to + 1, Math.min(nextTo, to + 1 + PAST_REACH)).join(' ');
  return (OVER.test(rest) || OVER.test(next)) && !cameBack();
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
