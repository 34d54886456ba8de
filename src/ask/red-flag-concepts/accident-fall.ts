import { alt, rx, type RedFlagConcept } from './words.js';

/**
 * Back pain that started after a serious accident or fall (red-flags.md, emergency tier): a fall,
 * a crash, being thrown from a horse, landing hard on the back, hip or tailbone.
 */

/** A fall feared is not a fall: "afraid of falling", "in case I fall", "I might fall". */
const FEARED =
  '(?<!\\b(?:afraid|scared|fear|frightened|worried|risk|chance) of |\\b(?:might|could|may|will|would|to|avoid|prevent|case i|dont|not|stop me|stops me|from|about|near) )';
/** Something that fell on the person is a knock, not their fall. */
const NOT_A_PERSON =
  '(?<!\\b(?:something|heavy|it|that|object|box|boxes|thing|things|stuff|weight|weights|shelf|tree) )';
/** When a recent accident happened: "yesterday", "last weekend", "on monday", "2 weeks ago". */
const WHEN_RECENT =
  '(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening|week|weekend)|last (?:week|weekend|month)|the other day|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:a|an|one|two|three|few|couple of|\\d+) (?:hours?|days?|weeks?) ago)';
/**
 * After `word` ("run", "hit"): "I feel like I was hit by a truck" is how the pain feels, not an
 * accident, unless the sentence says when it happened ("it looks like I was run over by a car
 * yesterday"). Checked after the word, so the look back runs only where the word is.
 */
const notFigurative = (word: string): string =>
  `(?:(?<!\\b(?:feels?|felt|feeling|looks?|looked|looking) (?:like|as if|as though) (?:(?:i|id|ive|im|you|someone|somebody) )?(?:(?:was|got|had|have|been|just|d|has|ve) ){0,2}${word})|(?=[^.;!?]*\\b${WHEN_RECENT}\\b))`;
/** "fall" and its kin, but not "fall asleep", "falling apart" or autumn. */
export const FALL = alt(
  // Nor the season: "in the fall", "since last fall", "this fall I started ...", "the fall of 2006";
  // "my last fall", "that fall", "since this fall" and "since last fall on the ice" are falls.
  `(?<!\\b(?:in the|by the|early|late) |\\b(?:since|until|before|during|over|all|in) (?:last|next) (?=fall(?! (?:on|off|from|down|onto|at|and)\\b))|(?:^|[.;!?] )(?:last|this|next) (?=fall (?:i|my|we|he|she|it|our|the|they)\\b))${FEARED}fall(?!s? asleep| apart| out with| pregnant| for| behind| of (?:that|this|last|the)(?: same)? year| of (?:19|20)\\d\\d)`,
  'falls(?! asleep| apart)',
  'fallen(?! asleep| out with| apart| behind)',
  `${FEARED}falling(?! asleep| apart| out with| behind| for)`,
  `${NOT_A_PERSON}fell(?! asleep| apart| out with| for| behind| pregnant)`,
  'tripped',
  'lost (?:my |his |her |their )?(?:balance|footing)',
  // Even after "managed to": a fall from a height is never only feared.
  'fall (?:from|off) (?:a|the|my|our) (?:ladder|roof|height|horse|bike|wall|tree|stairs?|step ?ladder|chair)',
  'slipped (?:on|down|over|and|in (?:the|a)|off (?:the|a|my|his|her)|in (?:the )?(?:bathroom|shower|bath|kitchen|toilet|garden))',
  'came (?:crashing|tumbling) down',
  // "a four metre drop onto concrete"
  '(?:\\d+|two|three|four|five|six|ten) ?(?:m|metres?|meters?|feet|ft|foot) (?:drop|fall)(?! in (?:elevation|height|altitude))',
  'came down (?:from|off) (?:about |around |nearly |over |at least )?(?:\\d+|a few|several|two|three|four|five) ?(?:m|metres?|meters?|feet|ft|foot)',
  // Falls told without "fall": "hit the deck", "my legs went from under me", "wiped out", "went flying".
  'hit the (?:floor|deck|pavement|ice|concrete)',
  '(?:legs?|feet) (?:went|gone|go|going) (?:out )?from under',
  'wiped out',
  'went (?:down|over) (?:in|on) the (?:kitchen|bathroom|stairs|ice|pavement|floor|road|street|garden|shower)',
  'went flying',
  'found (?:[^ .;!?]+ ){0,2}on the floor',
  '(?:been|was|lay|lying|laid|stuck) on the floor (?:since|all night|overnight|for hours|until)',
  'crash',
  'crashed',
  'rear ended',
  'rear end(?:ed)? collision',
  '(?:car|bike|motorbike|motorcycle|road|traffic) (?:wreck|smash|accident)',
  'wrecked (?:my|the|his|her|our) (?:car|bike|motorbike)',
  'took a (?:[^ .;!?]+ )?(?:tumble|spill|fall|header)',
  'had a (?:[^ .;!?]+ )?(?:tumble|spill)',
  'tumbled',
  '(?:a|my|the|his|her|nasty|bad|big|little|small|slight) (?:(?:little|small|nasty|bad|big) )?tumble (?:down|off|from|onto|over)',
  'tumble (?:down|off|from) (?:the |a |some |my |our )?(?:stairs|steps|staircase|hill|ladder|bank|slope|escalator)',
  `(?:run|ran)${notFigurative('(?:run|ran)')} over by (?:a |the |an )?(?:[^ .;!?]+ )?(?:car|bus|van|lorry|truck|bike|vehicle|tractor)`,
  'collision',
  'accident(?!s? in (?:my|his|her) (?:pants|trousers|underwear|knickers|nappy|bed))',
  'knocked (?:down|over|off)',
  `hit${notFigurative('hit')} by (?:a |an )?(?:car|bus|van|lorry|truck|bike|motorbike|motorcycle|scooter|vehicle|taxi|okada|keke|tractor)`,
  '(?:(?:a|the|that|this|some) )?(?:car|bus|van|lorry|truck|bike|motorbike|vehicle|cyclist) (?:hit|struck|knocked) (?:me|him|her|us)',
  '(?:plowed|ploughed|rammed|smashed|slammed|crashed) into (?:the back of |the side of )?(?:me|us|(?:my|our|his|her) (?:[^ .;!?]+ ){0,2}(?:car|van|truck|bike|motorbike|motorcycle|vehicle|scooter))',
  'thrown (?:off|from)',
  '(?:was|got|been|being|get|gets) thrown',
  '(?<!a )collapsed(?! discs?| vertebrae?| lungs?)',
  'fainted',
  'passed out',
  'blacked out',
  'threw me',
  'hit the ground',
  'flying through the air',
  'slamm(?:ed|ing) down',
  'slamm(?:ed|ing) (?:[^ .;!?]+ )?(?:onto|into|on) (?:the )?(?:ice|ground|floor|concrete|pavement|tarmac|rocks?)',
  'stacked it (?:on|off) (?:my |the |a |his |her )?(?:bike|scooter|board|skateboard|skis?|motorbike|ice|stairs|steps|hill|trail|road|pavement)',
  'crashing (?:down|into)',
  'went airborne',
  'came off (?:my |the |a |his |her |their |our )?(?:horse|bike|motorbike|motorcycle|ladder|scooter)',
  `land(?:ed|ing)? (?:hard |heavily |badly |straight |flat )?on (?:my |his |her |the )?(?:[^ .;!?]+ )?(?:back|hip|hips|tailbone|tail bone|coccyx|bum|butt|backside|bottom|side|spine|left hip|right hip|knees?|head|neck)`,
);

/**
 * An accident long ago that left chronic pain: "years ago", "5 years back", "back in 2009" (a year
 * before 2020, so a recent one never reads as old). Not when the sentence also tells of a recent
 * accident: "two years back I had surgery, yesterday I fell", "fell off a ladder 2 weeks ago".
 */
const EVENT =
  '(?:fell|fall|fallen|slipped|tripped|crash|crashed|accident|collision|hit|knocked|tumbled?|thrown|threw|landed|came off|run over|ran over)';
const RECENT_EVENT = `\\b(?:again,? ${WHEN_RECENT}|${WHEN_RECENT},? (?:(?:i|he|she|we|they|my \\w+) )?(?:(?:just|had|have|was|got) )?(?:(?:a|an) )?${EVENT}|just (?:had (?:a |an )?)?${EVENT}|${EVENT}\\b(?:(?!\\bago\\b)[^.;!?]){0,30}?\\b${WHEN_RECENT})\\b`;
export const OLD_INJURY = new RegExp(
  `^(?!.*${RECENT_EVENT}).*\\b(?:years? ago|years? after|(?:\\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|few) (?:years?|decades?) (?:back|earlier|before)|decades? ago|long ago|(?:back )?in (?:the )?(?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19\\d\\d|20[01]\\d)|when i was (?:a )?(?:\\d+|young|a kid|a child|little|younger|at school|in school|a teenager)|as a (?:kid|child|teenager)|due to (?:an?|the|my) (?:\\w+ )?(?:accident|fall)|chronic|old (?:injury|accident)|in my (?:teens|twenties|youth))\\b`,
);

export const accidentFall: RedFlagConcept = {
  id: 'accident-fall',
  rules: [
    {
      id: 'accident-or-fall',
      tier: 'emergency',
      sign: 'pain that started after a serious accident or fall',
      pattern: rx(`\\b${FALL}\\b`),
      context: 'always',
      // Landing or falling on one's side is landing on the hip, even when the message never says
      // "hip"; a fall from a height or down a flight of stairs, or one after which the person could not
      // get up or stand, is a serious fall whatever part the message names.
      about:
        /\b(?:land(?:ed|ing)?|fell|fallen|falling) (?:hard |heavily |badly )?on (?:my|his|her|their) (?:left |right )?side\b|\b(?:fell|fall|fallen|falling|tumbled) down (?:a |the |some )?(?:whole |entire )?(?:flight of )?(?:stairs|steps)\b|\b(?:couldnt|could not|cant|cannot|unable to|not able to) (?:even )?(?:get (?:back )?up|stand)\b|\b(?:fell|fall|fallen|falling) (?:from|off) (?:a |the |my |our )?(?:ladder|roof|height|horse|scaffold|scaffolding|tree)\b/,
      // An accident long ago that left chronic pain is the history of the pain, not a new emergency.
      unlessNear: OLD_INJURY,
    },
  ],
};
