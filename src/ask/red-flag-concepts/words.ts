import type { RedFlagTierId } from '../../../content/index.js';

/**
 * The shared pieces of the red-flag concepts: how a rule is shaped, the helpers that build its
 * patterns, and the everyday words that several concepts use. Patterns run on the normalised
 * question (src/ask/text.ts: lower case, no apostrophes, punctuation as its own token) after typo
 * repair. They only recognise signs; every statement shown to the user comes from
 * content/red-flags.ts, found through `sign` (the start of the sign's text there).
 */
export interface RedFlagRule {
  readonly id: string;
  readonly tier: RedFlagTierId;
  /**
   * The start of the content sign this rule recognises; empty for a rule that recognises a clinical
   * concept red-flags.md gives no single sign for (its finding asks the reader to check the signs).
   */
  readonly sign: string;
  readonly pattern: RegExp;
  /** The finding does not count when this matches the clause before it (e.g. "I want to lose weight"). */
  readonly unlessBefore?: RegExp;
  /** The finding does not count when this matches anywhere in its sentence. */
  readonly unlessSentence?: RegExp;
  /**
   * The finding does not count when this matches within NEAR_WORDS words of it in its sentence: "a
   * crash years ago" is history, but not "I came off my bike and it really hurts, I had a crash years
   * ago" told without a full stop.
   */
  readonly unlessNear?: RegExp;
  /** The finding does not count when this matches anywhere in the message. */
  readonly unlessMessage?: RegExp;
  /**
   * Words (or word starts) one of which every match contains: a question with none of them skips
   * the pattern, which keeps the long patterns from costing time on every question.
   */
  readonly anchors?: readonly string[];
  /** For see-a-GP signs: strong ones make `provider` the answer, weak ones only favour it. */
  readonly strength?: 'strong' | 'weak';
  /**
   * red-flags.md lists most signs as "back pain (or hip pain) with ...": `always`, the message
   * must also speak of the back, hip, spine or legs somewhere; `long`, only a message of more than
   * LONG_MESSAGE_WORDS words must (a short one sent to this bot is about its subject).
   */
  readonly context?: 'always' | 'long';
  /** Besides the back, hip or legs, a message that matches this is also on the subject. */
  readonly about?: RegExp;
}

/** A clinical concept of red-flags.md and the rules that recognise its signs. */
export interface RedFlagConcept {
  readonly id: string;
  readonly rules: readonly RedFlagRule[];
}

/** One word of the question (commas count: they are tokens too, but sentence ends are not). */
export const WORD = '[^ .;!?]+';
export const alt = (...choices: string[]): string => `(?:${choices.join('|')})`;
export const gap = (max: number): string => `(?: ${WORD}){0,${max}}`;
/** `a`, then up to `max` other words, then `b`. */
export const followedBy = (a: string, b: string, max: number): string => `\\b${a}\\b${gap(max)} \\b${b}\\b`;
export const near = (a: string, b: string, max: number): string =>
  alt(followedBy(a, b, max), followedBy(b, a, max));
export const rx = (...sources: string[]): RegExp => new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'g');
/**
 * Up to `max` words, none of them one of `stop` (a word that moves the finding elsewhere, or a
 * punctuation token such as a comma): a stop must be the whole word.
 */
export const gapWithout = (max: number, stop: string): string =>
  `(?: (?!(?:${stop})(?![^ ]))${WORD}){0,${max}}`;
/** `a` and `b` in the same sentence, either order, at most `max` words apart, with no `stop` word between. */
export const together = (a: string, b: string, max: number, stop = '\\0'): string =>
  alt(`\\b${a}\\b${gapWithout(max, stop)} \\b${b}\\b`, `\\b${b}\\b${gapWithout(max, stop)} \\b${a}\\b`);

/**
 * "back" meaning return, again or ago ("went back to the doctor", "the pain came back", "two weeks
 * back", "back in 1996"), not the body part.
 */
const NOT_RETURN =
  '(?<!\\b(?:go|goes|went|gone|going|come|comes|came|coming|get|gets|got|getting|bring|brought|call|called|calls|look|looked|looking|sent|send|hold|held|holding|sit|sat|step|stepped|fight|fought|give|gave|giving|pay|paid|set|way|is|was|are|were|be|been|bounce|bounced|put|turn|turned|think|thought|move|moved|moving|bit|cut|fell|pushed|push|pulled|pull|kick|kicked|head|headed|drive|drove|walk|walked|run|ran|its|it|day|days|week|weeks|month|months|year|years|while) )';
/** The bot's subject: a message naming none of these is not about back or hip pain. */
export const BACK_OR_HIP = new RegExp(
  `\\b${alt(
    `${NOT_RETURN}back(?! of| to| home| then| and forth| up| in the| on track| in (?:19|20)\\d\\d)`,
    'back (?:pain|ache|aches|hurts|hurting|problems?|issues?|injury|spasms?|trouble)',
    // "my back in the night", "my back's been bad" (backs): a back someone owns is the body part.
    '(?:my|his|her|their|your|lower|upper|mid|middle|sore|bad|whole) backs?(?! up| to (?:me|him|her|them|us|you)| on (?:me|him|her|them|us|you))',
    // "back's killing me", normalised to "backs"; not "the backs of my legs".
    'backs(?= (?:been|killing|is|was|has|hurting|hurts|aching|aches|sore|cooked|wrecked|gone|playing|bad|awful|agony|really|so|still|acting|feeling|stiff|tight|screaming|shot|done|in bits|giving|out|a bit)\\b)',
    'backache',
    'backpains?',
    'backside',
    'spine',
    'spinal',
    'lumbar',
    'lumber',
    'thoracic',
    'hips?',
    'sciatica',
    'sciatic',
    'buttocks?',
    'bum',
    'butt',
    'glutes?',
    'tailbone',
    'tail bone',
    'coccyx',
    'pelvis',
    'pelvic',
    'sacrum',
    'sacroiliac',
    'si joints?',
    'vertebra[e]?',
    'discs?',
    'disks?',
    '[lst]\\d{1,2}',
    'legs?',
    'groin',
    'saddle',
    'shoulder ?blades?',
    'between (?:my |the |his |her |both )?shoulders',
    'scapula',
    'waist',
    'flank(?! steak)',
    'cauda equina',
  )}\\b`,
);
/** Messages longer than this must name the bot's subject for a `long` rule to count. */
export const LONG_MESSAGE_WORDS = 25;

export const NUMB = alt(
  'numb',
  'numbness',
  'numbed',
  'numbing',
  'tingling',
  'tingly',
  'tingle',
  'tingles',
  'pins and needles',
  'no feeling',
  'zero feeling',
  'zero sensation',
  '(?:not much|hardly any|very little|barely any) (?:feeling|sensation)',
  'lost feeling',
  'loss of feeling',
  'lost sensation',
  'loss of sensation',
  'no sensation',
  'reduced sensation',
  'reduced feeling',
  'altered feeling',
  'altered sensation',
  'cant feel',
  'cannot feel',
  'can not feel',
  'couldnt feel',
  'could not feel',
  'feels? (?:weird|wierd|werid|strange|different|odd|funny|dead|asleep)',
  '(?:weird|wierd|strange|odd|funny) (?:feeling|sensation)',
  '(?:cant|cannot|can not|couldnt|could not) (?:really |properly |quite )feel',
  'gone to sleep',
  'feeling of coldness',
  // "when I wipe it feels like someone else's skin"
  'feels? like (?:its |it is )?(?:someone|somebody) elses',
  'feels? like (?:its |it is )?not (?:mine|my own)',
  'like (?:after )?(?:a |the )?(?:dentist|dental|dentists) (?:injection|jab|needle)',
);
export const CANT = alt(
  'cant',
  'cannot',
  'can not',
  'couldnt',
  'could not',
  'unable to',
  'not able to',
  'not being able to',
  'impossible to',
  'struggling to',
  'struggle to',
  'hard to',
  'difficult to',
  'hurts to',
  'too painful to',
);
export const SUDDEN = alt(
  'sudden',
  'suddenly',
  'all of a sudden',
  'out of (?:absolutely |completely |literally |total |totally )?nowhere',
  'out of no where',
  'out of the blue',
  'without warning',
  'came on fast',
  'came on quickly',
  // An onset minutes or hours ago: "hip pain hit me like 30 mins ago".
  'abrupt(?:ly)?(?! movements?| moves?| turns?| twists?| changes?)',
  'outta nowhere',
  '(?:was |got )?struck by',
  'went bang',
  'lit up (?:like|with|in)',
  '(?:hit|came on|started|struck)(?: me)?(?: like| about| around)? (?:\\d+|a few|an?|half an|one|two|three|four|five|a couple of) (?:mins?|minutes|hours?|hrs?) ago',
);
export const SEVERE = alt(
  'severe',
  'severely',
  'excruciating(?:ly)?',
  'agonising(?:ly)?',
  'agonizing(?:ly)?',
  'agony',
  'unbearabl[ey]',
  'intense',
  'extreme',
  'terrible',
  'worst',
  'crippling',
  'horrendous',
  'horrific',
  'awful',
  'very bad',
  'really bad',
  'so bad',
  'very painful',
  'really painful',
  'extremely painful',
  '(?:im|i am|was|left me) screaming',
  'screaming in (?:pain|agony)',
  '(?:very|so|really|extremely) strong pain',
  'worst (?:[^ .;!?]+ )?pain',
);
/** Hot or red skin, but not a hot water bottle, a warm bath or "red flags". */
export const HOT = alt(
  'hot(?! (?:water|packs?|baths?|showers?|tubs?|compress|pads?|bottles?|and cold|or cold|yoga))',
  'warm(?! (?:water|packs?|baths?|showers?|compress|pads?|bottles?|up))',
  'red(?! flags?)',
  'inflamed',
);
export const SWOLLEN = alt(
  'swollen',
  'swelling',
  'swell',
  'swelled',
  'puffy',
  'swollen up',
  'giant ball',
  'puffed (?:right )?up',
);
export const COLOUR = alt(
  'changed colou?r',
  'changing colou?r',
  'changes colou?r',
  'change colou?r',
  'different colou?r',
  'discolou?red',
  'discolou?ration',
  'gone red',
  'turned red',
  'gone purple',
  'turned purple',
  'purple',
  'purply',
  // "has gone a weird dark red colour"
  '(?:gone|turned|went|going|turning) (?:a )?(?:[^ .;!?]+ ){0,2}(?:red|purple|purply|blue|black|dark|yellow) colou?r',
  'blotchy',
);
export const JOINT = alt(
  'hip',
  'hips',
  'joint',
  'joints',
  'knee',
  'ankle',
  'wrist',
  'elbow',
  'shoulder',
  'toe',
  'finger',
);
/** Joints away from the back and hip: pain there is not this bot's subject, so only a sudden one counts. */
export const OTHER_JOINT = alt('knee', 'ankle', 'wrist', 'elbow', 'shoulder', 'toe', 'finger');
/** Where the back is, in words people use. */
export const BACK_PART = alt(
  'back(?! of| to| home| in| then| on| up| and forth)',
  'spine',
  'spinal',
  'vertebrae?',
  'tailbone',
  'coccyx',
  'backbone',
  'lumbar',
  'shoulder ?blades?',
);
