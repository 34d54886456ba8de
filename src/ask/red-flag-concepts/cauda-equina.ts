import { alt, gap, NUMB, rx, followedBy, together, type RedFlagConcept } from './words.js';

/**
 * Cauda equina syndrome (red-flags.md, emergency tier): numbness around the genitals or buttocks,
 * new trouble peeing or loss of bladder or bowel control, sciatica or weakness in both legs. People
 * tell these in everyday words ("numb down below", "in my bum", "couldn't make it to the toilet",
 * "can't pee unless I push", "down both legs"), so each sign is a feeling word and a body-part word
 * in the same sentence rather than one fixed phrase.
 */

const SADDLE = alt(
  'genitals?',
  'genitalia',
  'genital area',
  'groin',
  'crotch',
  'privates',
  'private parts?',
  'private area',
  'lady parts',
  'nether regions?',
  'between (?:my )?legs',
  'bum(?: cheeks?)?',
  'butt(?: cheeks?)?',
  'buttocks?',
  'buttox',
  'grion',
  'my bottom',
  'bottom area',
  'backside',
  'back passage',
  'anus',
  'rectum',
  'saddle(?: area| region)?',
  'penis',
  'vagina',
  'vulva',
  'perineum',
  'inner thighs?',
  'down below',
  'down there',
  // Slang and plain words people use for the same places.
  'fanny',
  'willy',
  'testicles?',
  'scrotum',
  'labia',
  'nether parts',
  'taints?',
  '(?:bike|bicycle) seat',
  'gooch',
  'arse(?: cheeks?)?',
  'ass cheeks?',
  'the ass',
  '(?:bum|butt|arse) ?hole',
);
/** "numb around my groin", "tingling in both buttocks"; not "tingles from the buttock down" (sciatica). */
const NUMB_LINK = `(?: (?:in|around|on|at|near|of|across|over|my|the|both|whole|entire|and|or|area|region|feeling|sensation|is|all|spread|spreading|spreads|to|into))*`;
/** Before the feeling, "bottom" is the body part ("my bottom is numb", not "the bottom of my foot"). */
const SADDLE_FIRST = alt(SADDLE, 'bottom');
/** Words between a saddle word and a feeling that move the feeling elsewhere ("buttock down to my foot"). */
const ELSEWHERE =
  'from|down|into|to|leg|legs|foot|feet|toes?|knee|knees|calf|calves|ankle|shin|arm|arms|hand|hands|fingers?|face|but|however|although';
const SADDLE_NUMB = rx(
  `\\b${NUMB}${NUMB_LINK} ${SADDLE}\\b`,
  // "rubbery" only here: legs feel rubbery after a run, a numb bottom is the sign.
  together(SADDLE_FIRST, alt(NUMB, 'rubbery'), 8, ELSEWHERE),
  `\\bsaddle (?:numbness|anaesthesia|anesthesia)\\b`,
  followedBy(NUMB, `(?:when|wen|while|after) (?:i )?wip(?:e|ing)`, 4),
  followedBy(`(?:when|wen|while|after) (?:i )?wip(?:e|ing)`, NUMB, 5),
  followedBy(
    alt('cant feel', 'cannot feel', 'couldnt feel', 'could not feel', 'no feeling', 'numb'),
    alt('toilet', 'loo', 'bathroom', 'wipe', 'wiping'),
    6,
  ),
  `\\b${alt('cant', 'cannot', 'can not', 'couldnt', 'could not')} feel (?:the )?(?:toilet paper|tissue|loo roll|my ?self (?:wipe|pee|wee|pass urine|pass water|go))\\b`,
  followedBy(alt('toilet paper', 'tissue', 'loo roll', 'wiping'), 'feels? like nothing', 6),
);

const PEE = alt(
  'pee',
  'peeing',
  'piss',
  'pissing',
  'urinate',
  'urinated',
  'urinating',
  'urination',
  'wee',
  'weeing',
  'urine',
  'pass water',
  'passing water',
  'pass urine',
  'passing urine',
  'poo',
  'pooing',
  'poop',
  'pooping',
);
const TROUBLE = alt(
  'difficulty',
  'difficulties',
  'difficult',
  'trouble',
  'hard',
  'harder',
  'struggle',
  'struggling',
  'problems?',
  'issues?',
  'cant',
  'cannot',
  'can not',
  'couldnt',
  'could not',
  'unable to',
  'not able to',
  'hardly',
  'barely',
  'straining',
);
const BLADDER_BOWEL = rx(
  `\\b${alt('(?<!gall )bladder', '(?<!small |irritable |inflammatory )bowels?(?! obstruction| cancer)', 'incontinen(?:ce|t)', 'urinary retention', 'catheter')}\\b`,
  `\\b(?:no|lost|loss of|lose|losing) (?:all )?(?:my )?(?:bladder|bowel) (?:control|function)\\b`,
  `\\b${TROUBLE}(?: to| when| with| while| at)?${gap(2)} ${PEE}\\b`,
  followedBy(
    PEE,
    alt(
      'difficult',
      'hard',
      'trouble',
      'a struggle',
      'a problem',
      'problems?',
      'issues?',
      'difficulty',
      'difficulties',
      'wont come',
      'not coming',
      'weak',
      'stopped',
      'came out',
      'comes out',
      'come out',
      'coming out',
      'leaked',
      'leaking',
      'wont start',
      'wont flow',
      'doesnt start',
      'doesnt come',
      'takes (?:ages|forever)',
    ),
    2,
  ),
  followedBy(
    alt(
      'leak(?:ing|s|ed)?',
      'dribbl(?:e|es|ing)',
      'lost control',
      'losing control',
      'no control',
      'cant control',
      'cannot control',
      'couldnt control',
      'cant hold',
      'cannot hold',
      'can not hold',
      'couldnt hold',
      'cant stop',
    ),
    alt('urine', 'pee', 'wee', 'poo', 'poop', 'it in', 'myself', 'toilet', 'bowels?', 'bladder'),
    3,
  ),
  `\\b${alt('wet', 'wetting', 'peeing', 'weeing', 'pooing', 'pooping', 'pissing', 'peed', 'pooed', 'pooped', 'soiled', 'soiling', 'pissed', 'weed')} (?:my ?self|him ?self|her ?self|the bed|(?:my|his|her) (?:pants|trousers|underwear|knickers))\\b`,
  `\\b${alt('cant', 'cannot', 'can not', 'couldnt', 'could not', 'dont', 'do not', 'didnt', 'unable to')} (?:tell|feel|know|sense) when (?:i )?(?:need|needed|have|had|want|wanted) (?:to (?:pee|wee|go|poo|urinate)|a (?:pee|wee|poo|poop))\\b`,
  followedBy(TROUBLE, alt('toilet', 'loo', 'bathroom'), 3),
  `\\b(?:couldnt|could not|cant|cannot|didnt|did not) make it to the (?:toilet|loo|bathroom)\\b`,
  followedBy(PEE, `(?:unless|until) i (?:push|strain|press)`, 3),
  `\\b${PEE}(?: a bit| a little| myself)? without (?:meaning|wanting|trying|realising|realizing|noticing|knowing) to\\b`,
  `\\b(?:(?:an|a|another|little|small|a little|a small) )?accidents? in (?:my|his|her) (?:pants|trousers|underwear|knickers|nappy|bed)\\b`,
  `\\b(?:a )?mess in (?:my|his|her) (?:pants|trousers|underwear|knickers)\\b`,
  // "I urinated on the sofa and didn't even know"
  `\\b(?:peed|weed|wet|urinated|urinate|pissed|pooed|pooped)(?: [^ .;!?]+){0,4} (?:and |but )?(?:didnt|did not|without|never) (?:even )?(?:know|knowing|notice|noticing|realise|realising|realize|realizing|feel|feeling)\\b`,
  // Changed flow in everyday words: "my pee dribbles", "wee is weird", "I keep leaking".
  followedBy(PEE, alt('dribbl(?:e|es|ing)', 'weird', 'strange', 'odd', 'different', 'slow', 'weaker'), 4),
  `\\b(?:keep|keeps|kept|been|started|start|always|now) (?:on )?(?:leaking|dribbling)\\b`,
  `\\b(?:push|strain|straining|pushing) to (?:pee|wee|urinate|go|get (?:anything|it|something|things|the flow|a stream|it all) (?:going|out|started|flowing))\\b`,
  // "I hadn't felt myself go": leaking without feeling it.
  `\\b(?:hadnt|didnt|did not|had not|never|not) (?:even )?(?:felt|feel|noticed?|realised|realized) (?:my ?self|him ?self|her ?self) (?:go|going|pee|wee|leak)\\b`,
  `\\b(?:havent|hasnt|have not|has not|not|didnt|did not|cant|cannot|couldnt) (?:been able to )?(?:peed|pee|weed|wee|urinated|urinate|been for a (?:pee|wee))(?: [^ .;!?]+){0,1} (?:all day|since|for (?:hours|a day|\\d+ hours))\\b`,
);

/** Both legs, in the words people use for both. */
const BOTH_LEGS = alt(
  'both (?:of )?(?:my |his |her )?legs',
  'both (?:of )?(?:my |his |her )?feet',
  'both (?:of )?(?:my |his |her )?thighs',
  'both (?:of )?(?:my |his |her )?calves',
  'both sides',
  'both buttocks',
  'both hips',
  'my legs',
  'his legs',
  'her legs',
  'legs',
  'bilateral',
  'either leg',
  'each leg',
  // The whole lower body: "from the waist down", "the lower half of my body".
  '(?:from )?(?:the|my|his|her) (?:waist|hips) down',
  'below (?:the|my|his|her) waist',
  '(?:the )?(?:lower|bottom) (?:half|portion|part) of (?:my|his|her|the) body',
);
const LEG_WEAK = alt(
  NUMB,
  'weak',
  'weakness',
  'weaker',
  'giving way',
  'give way',
  'gave way',
  'giving out',
  'gave out',
  'buckling',
  'buckle',
  'buckled',
  'jelly',
  'collapse',
  'collapsing',
  'collapsed',
  'wobbly',
  'cant move',
  'cannot move',
  'unable to move',
  'paralysed',
  'paralyzed',
  'sciatica',
  'shooting pains?',
  'nerve pains?',
  'nerve like pains?',
  'burning',
  'pains? (?:running |going |shooting |radiating )?down',
  'spread(?:s|ing)?(?: down| to| into)?',
  'radiat(?:es|ing)',
  '(?:gone|going|feel|feels|felt|feeling) dead',
  'like (?:jelly|lead)',
);
/** Plain pain counts only with words that are surely both legs ("pain in both legs"). */
const SURELY_BOTH = alt(
  'both (?:of )?(?:my |his |her )?legs',
  'both (?:of )?(?:my |his |her )?thighs',
  'legs both sides',
  'down both',
  // "bilateral hip and leg pain"
  'bilateral (?:[^ .;!?]+ (?:and )?)?legs?',
);
const BOTH_LEG_SIGNS = rx(
  together(BOTH_LEGS, LEG_WEAK, 6),
  `\\b${alt('(?:my|his|her|both) legs', 'back and legs', 'legs and back')} (?:are |were |is |have been |also |so |very |really )*${alt('painful', 'hurt', 'hurts', 'hurting', 'aching', 'ache', 'throbbing', 'in agony')}\\b`,
  `\\bpains? in (?:my|his|her|both) legs\\b`,
  // "radiates to my sides and down to my legs"
  `\\bdown (?:to|into) (?:both |my |his |her )legs\\b`,
  // "begins to spike down my legs", "shoots down the back of both legs"
  `\\b${alt('shoots?', 'shooting', 'shot', 'spikes?', 'spiking', 'goes', 'going', 'went', 'runs?', 'running', 'ran', 'travels?', 'travell?ing', 'radiates?', 'radiating', 'spreads?', 'spreading', 'moves?', 'moving', 'burns?', 'burning')} down (?:the backs? of )?(?:my|his|her|both) legs\\b`,
  together(SURELY_BOTH, alt('pain', 'pains', 'hurts?', 'hurting', 'aches?', 'aching', 'agony'), 8),
  `\\blegs (?:are |keep |have |had )?(?:giving|gave|give) (?:way|out)\\b`,
  // "my legs wouldn't work", "lower body was losing more control"
  `\\blegs (?:wouldnt|wont|would not|didnt|did not|dont|do not|stopped|stop|have stopped) (?:work|working)\\b`,
  `\\blower (?:body|half)(?: [^ .;!?]+){0,2} (?:losing|lost|loses|lose) (?:more |all |some )?(?:control|strength|feeling|sensation)\\b`,
  // From one side to both: "it used to be one side, now it's both sides", "now my left leg has it too".
  `\\bnow (?:its |it is |it has gone |it goes |in |down )?(?:on |into |down )?both (?:sides|legs)\\b`,
  `\\b(?:now )?(?:my |his |her )?(?:left|right|other) leg (?:is doing it|does it|has it|is going|is affected|is the same|feels the same)(?: too| as well)\\b`,
);

export const caudaEquina: RedFlagConcept = {
  id: 'cauda-equina',
  rules: [
    {
      id: 'saddle-numbness',
      tier: 'emergency',
      sign: 'numbness or tingling around the genitals',
      pattern: SADDLE_NUMB,
    },
    {
      id: 'bladder-bowel',
      tier: 'emergency',
      sign: 'difficulty peeing, leaking urine',
      pattern: BLADDER_BOWEL,
      context: 'long',
      // Only leaking that the sentence puts down to a baby on the bladder is pregnancy's own: a review
      // found a wider pregnancy veto hiding current signs ("since being pregnant with my son years
      // ago", "my wife is pregnant", "not currently pregnant"); recall comes first.
      unlessSentence:
        /\b(?:baby|bump|uterus|womb)(?: [^ .;!?]+){0,2} (?:on|against|onto) (?:my |her )?bladder\b/,
    },
    {
      id: 'both-legs',
      tier: 'emergency',
      sign: 'sciatica on both sides',
      pattern: BOTH_LEG_SIGNS,
    },
  ],
};
