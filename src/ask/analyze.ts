import { stemmer } from 'stemmer';
import { DOMAIN_WORDS } from '../../content/ask-terms.js';
import { stemOf } from './softmax.js';
import { isClauseBreak, normalizeQuestion, tokens } from './text.js';

/**
 * Turns text (a question, or a topic's names and text) into search terms: Porter stems of the words
 * that carry meaning, plus each pair of neighbouring stems ("slip_disc"), so a phrase outranks its
 * words scattered. Words that every topic shares (hip, back, pain) are not terms: they only say the
 * question is about the bot's subject.
 */

/** Function words, and question words that say nothing about the topic. */
const STOPWORDS = new Set(
  (
    'a an the and or but if so than then too very just also still even ever only own same such ' +
    'i im ive id me my mine myself we our us you your youre he she his her him they them their it its ' +
    'is am are was were be been being have has had having do does did doing done get gets got getting ' +
    'can cant could couldnt will wont would wouldnt shall should shouldnt may might must ' +
    'dont doesnt didnt isnt arent wasnt werent havent hasnt hadnt ' +
    'of at by for with about against between into through during before above below to from ' +
    'up down in out on off over under again further here there when where what which who whom whose ' +
    'this that these those all any both few more most some no nor not ' +
    'now lot lots bit thing things something anything really quite pretty kind sort ' +
    'please thanks thank hi hello hey ok okay fine yes yeah well like one ones lower left right side ' +
    'since week weeks day days time times year years month months today yesterday always sometimes ' +
    'usually often know think want wonder wondering ask asking question tell say said mean see'
  ).split(' '),
);

/**
 * Words too common to name a topic on their own ("good" in "good posture", "how" in "how to sit"):
 * in names and texts they count only as part of a pair; in a question they may still match the
 * words that ask for a kind.
 */
const PAIR_ONLY = new Set(
  (
    'how good bad poor better best proper properly correct wrong make use help work problem ' +
    'take go way new old long heavy keep after affect each other another'
  )
    .split(' ')
    .map((w) => stemmer(w)),
);

/**
 * Starts and joins a pair of stems. Leading with it keeps prefix search of a single word ("lift")
 * from reaching every pair that starts with it ("lift_safe").
 */
export const PAIR_MARK = '_';

/** Before a word, these say the question is without it ("no numbness")... */
const ABSENT_BEFORE = new Set(['no', 'without', 'never', 'nor', 'neither', 'avoid', 'prevent']);
/** ...and so do these after it ("my legs are fine"; but not "is naproxen ok"). */
const LINKING = new Set(['is', 'are', 'feel', 'feels', 'seem', 'seems', 'look', 'looks']);
const FINE = new Set(['fine', 'ok', 'okay', 'normal', 'alright']);
const ABSENT_REACH = 3;

function isAbsent(words: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= Math.max(0, at - ABSENT_REACH); i--) {
    const w = words[i] ?? '';
    if (isClauseBreak(w)) break;
    if (ABSENT_BEFORE.has(w)) return true;
  }
  return LINKING.has(words[at + 1] ?? '') && FINE.has(words[at + 2] ?? '');
}

const SUBJECTS = ['hip', 'back', 'pain'] as const;
const DOMAIN = {
  hip: new Set<string>(DOMAIN_WORDS.hip),
  back: new Set<string>(DOMAIN_WORDS.back),
  pain: new Set<string>(DOMAIN_WORDS.pain),
};

/** The first subject whose words hold `word` (a loop: no closure for each word of a long message). */
function subjectOf(word: string): (typeof SUBJECTS)[number] | undefined {
  for (const s of SUBJECTS) if (DOMAIN[s].has(word)) return s;
  return undefined;
}

/** Separates phrases in an indexed list, so no pair of stems spans two phrases. */
export const PHRASE_BREAK = '|';

export interface Analysis {
  /** Stems and stem pairs, in order. */
  readonly terms: string[];
  /** Which of the bot's subjects the text names: hip, back, pain. */
  readonly mentions: { readonly hip: boolean; readonly back: boolean; readonly pain: boolean };
}

/**
 * `question`: the text is a question, so common words stay as single terms too, and words it says
 * are absent ("no numbness", "my legs are fine") are left out. Otherwise it is indexed text.
 */
/**
 * "hurt my back", "injured my hip": a pain word used as a verb on the bot's subject says something
 * caused the pain, so the question reads as one about a cause (and an injury).
 */
const INJURED = new Set([
  'hurt',
  'hurts',
  'hurting',
  'injured',
  'injure',
  'injuring',
  'wrenched',
  'jarred',
  'damaged',
]);
const OWNERS = new Set(['my', 'his', 'her', 'their', 'the']);
const CAUSE_TERM = 'caus';
const CAUSED_TERMS = [CAUSE_TERM, 'injur'];

function causesPain(words: readonly string[], at: number): boolean {
  const next = words[at + 1] ?? '';
  const subject = OWNERS.has(next) ? (words[at + 2] ?? '') : next;
  return INJURED.has(words[at] ?? '') && (DOMAIN.back.has(subject) || DOMAIN.hip.has(subject));
}

/** "it hurts when I sit", "aches after walking": pain tied to something that brings it on. */
const BROUGHT_ON = new Set(['when', 'whenever', 'after', 'while', 'if', 'from']);
function painBroughtOn(words: readonly string[], at: number): boolean {
  return DOMAIN.pain.has(words[at] ?? '') && BROUGHT_ON.has(words[at + 1] ?? '');
}

export function analyze(text: string, question = true): Analysis {
  return analyzeWords(tokens(normalizeQuestion(text.replaceAll(PHRASE_BREAK, '.'))), question);
}

/** `analyze` of a text already normalised and split into words (src/ask/text.ts). */
export function analyzeWords(words: readonly string[], question = true): Analysis {
  const terms: string[] = [];
  const mentions = { hip: false, back: false, pain: false };
  let previous: string | undefined;
  words.forEach((word, i) => {
    if (isClauseBreak(word)) {
      previous = undefined;
      return;
    }
    const subject = subjectOf(word);
    if (subject) mentions[subject] = true;
    if (question && causesPain(words, i) && !isAbsent(words, i)) terms.push(...CAUSED_TERMS);
    else if (question && painBroughtOn(words, i)) terms.push(CAUSE_TERM);
    if (subject || STOPWORDS.has(word) || word.length < 2) return;
    if (question && isAbsent(words, i)) {
      previous = undefined;
      return;
    }
    // Stems kept by the learnt models' word store: a story's words are stemmed once for both.
    const stem = stemOf(word);
    if (question || !PAIR_ONLY.has(stem)) terms.push(stem);
    if (previous !== undefined) terms.push(`${PAIR_MARK}${previous}${PAIR_MARK}${stem}`);
    previous = stem;
  });
  return { terms, mentions };
}
