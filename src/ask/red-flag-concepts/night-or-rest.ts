import { alt, rx, followedBy, together, type RedFlagConcept } from './words.js';

/** "in the early hours (of the morning)", not "in the early hours of my shift". */
const EARLY_HOURS =
  'in the (?:wee|small|early) hours(?! of (?:my|the|a|his|her|our|their) (?:shift|run|race|workout|session|job|work ?day))';
/**
 * Pain that does not improve with rest or is worse at night (red-flags.md, urgent tier). Pain "at
 * night" alone is not worse at night ("best sleeping position for hip pain at night"), and waking
 * up stiff is not being woken by the pain.
 */
const NIGHT = alt(
  'at night',
  'in the night',
  'during the night',
  'overnight',
  'at nighttime',
  'at night time',
  'in bed',
  'when (?:i )?(?:lie|lay) down',
  'lying down',
  'when (?:i )?(?:sleep|am asleep)',
  'while (?:i )?(?:sleep|am asleep)',
  'when (?:i )?(?:go|went|get|got) (?:to|in|into) bed',
  'in the middle of the night',
  EARLY_HOURS,
  'trying to sleep',
  'at bedtime',
  '(?:lying|laying) (?:still|in bed)',
);
const WORSE = alt(
  'worse',
  'worst',
  'worsen',
  'worsens',
  'worsening',
  'bad',
  'badly',
  'severe',
  'unbearable',
  'more painful',
  'hurts? more',
  'more pain',
  'increases',
  'flares? up',
  'ramps? (?:right )?up',
  'at its worst',
  // "pain especially when I lay down", "mostly at night"
  'especially',
  'mostly',
  'mainly',
);
const NOT_EASED = alt(
  '(?:doesnt|does not|dont|do not|isnt|is not|not|never|no|wont|will not|hasnt|has not|havent|have not|without)(?: get(?:ting)?| got| seem to| really| any| much){0,2} (?:better|beter|improv(?:e|es|ing|ed|ement)|eas(?:e|es|ing|ed)|go away|goes away|settle|settles|settling|help|helps|helping|relief|difference|stop|stops)',
  'failed to help',
  'does (?:naff|sod|bugger|jack|f|feck|fuck) all',
  'does nothing',
  '(?:hasnt|has not|havent|have not|not|didnt|did not|wont|doesnt|does not) (?:even )?budged?',
  'to no avail',
);
const REST = alt(
  'rest',
  'resting',
  'rested',
  'lying down',
  'lie down',
  'lay down',
  'lying still',
  'keeping still',
  'sitting still',
);
/** A pain felt, as a verb or a noun. */
const PAIN_FELT = alt(
  'hurts?',
  'hurting',
  'aches?',
  'aching',
  'pain',
  'painful',
  'throbs?',
  'throbbing',
  'agony',
);
/**
 * Words right after the pain that say rest eased it ("the pain goes away", "it is gone"), unless
 * the word between says it did not ("hardly eases", "still goes on").
 */
const EASED_AFTER =
  '(?! (?:(?!(?:not|never|hardly|barely|still|only|doesnt|dont|wont|didnt)\\b)[^ .;!?]+ )?(?:(?:goes|go|went|going) (?:away|off)|eases|eased|easing|is gone|was gone|gone|stops|stopped|disappears|disappeared|subsides|subsided|fades|faded|improves|improved|gets better|got better|is better|better|settles|settled)\\b)';
/**
 * A clause that asks why night pain happens or what helps it ("why does my hip hurt at night", "what
 * can I take for ..."), unless it goes on to tell it ("how can I sleep when my back hurts this much").
 */
const ASKING_WHY =
  /^(?:why (?:does|do|did|is|are|would|will|should|can)|how come|what (?:causes|could cause|can cause|makes|helps|can i|should i|do i)|how (?:do|can|should|to) (?:i |you )?(?:stop|ease|relieve|help|treat|get rid|prevent|deal))\b(?!.*\b(?:when|that|so|this much)\b)/;
/** A question about how to sleep with the pain: which position, mattress or pillow. */
const ABOUT_SLEEPING =
  /\b(?:best|which|what|whats|good|right|recommend\w*) (?:\w+ )?(?:sleeping )?(?:positions?|mattress(?:es)?|pillows?)\b/;
/** What wakes a person: the pain, not the alarm clock. */
const PAIN = alt('pain', 'pains', 'ache', 'aching', 'hurting', 'agony', 'spasms?');

export const nightOrRest: RedFlagConcept = {
  id: 'night-or-rest',
  rules: [
    {
      id: 'night-or-rest',
      tier: 'urgent',
      anchors: [
        'night',
        'bed',
        'hours',
        'lie',
        'lying',
        'lay',
        'sleep',
        'wake',
        'waking',
        'woke',
        'woken',
        'keep',
        'kept',
        'awake',
        'rest',
        'still',
        'avail',
        'help',
        'stop',
        'prevent',
        'even',
      ],
      sign: 'pain that does not improve with rest',
      pattern: rx(
        followedBy(WORSE, NIGHT, 3),
        // "when I get into bed, around midnight, the ache in my hip ramps right up"
        followedBy(NIGHT, `(?:the )?(?:${PAIN_FELT}|ache) (?:in (?:my|his|her) \\w+ )?${WORSE}`, 4),
        // The night first: "night time is the worst", "nights are worse".
        `\\b(?:night ?time|nights|the night)(?: (?:is|are|its|it is|gets|get|it gets))? (?:the |even |much |far )?(?:worse|worst|wrose|worser|unbearable|agony|hell)\\b`,
        // Pain that comes every night is pain at night, not a bad night.
        followedBy(
          PAIN_FELT,
          alt('every night', 'each night', 'night after night', 'most nights', 'nightly'),
          3,
        ),
        followedBy(
          alt('every night', 'each night', 'night after night', 'most nights'),
          alt('hurts?', 'hurting', 'aches?', 'aching', 'pain', 'painful', 'agony', 'screaming', 'crying'),
          3,
        ),
        followedBy(
          alt('wakes?', 'waking', 'woke', 'keeps?', 'kept', 'keeping'),
          alt('me up', 'me awake', 'me at night', 'me in the night', 'him up', 'her up'),
          2,
        ),
        `\\b(?:wakes|woke|wake|waking) (?:me|him|her)\\b`,
        `\\b(?:wakes?|woke|waking)(?: up)?${'(?: [^ .;!?]+){0,4}'} in (?:pain|agony)\\b`,
        `\\bsleepless nights?\\b`,
        `\\b(?:stops?|stopping|stopped|prevents?|preventing|keeps?|kept) me (?:from )?(?:sleeping|getting (?:to|any) sleep|getting any rest)\\b`,
        `\\beven (?:when |while |if )?(?:im |i am |i )?(?:(?:lying|laying|lie|lay|resting) (?:still|in bed|flat)|(?:sitting|keeping|staying) still)\\b`,
        `\\b(?:havent|hasnt|have not|has not|not) been able to sleep\\b`,
        `\\b(?:woken|woke|wakes?|waking|wake) (?:up )?(?:by|with|from) (?:the )?${PAIN}\\b`,
        followedBy(
          `(?:wake|woke|waking|wakes) up (?:in the middle of the night|at night|during the night)`,
          `(?:due to|because of|from|with) (?:the |severe |bad |terrible )?(?:\\w+ )?${PAIN}`,
          1,
        ),
        `\\b${alt('cant', 'cannot', 'can not', 'couldnt', 'could not', 'unable to', 'not able to', 'not being able to', 'struggle to', 'struggling to')} (?:get to |go to )?sleep\\b`,
        followedBy(
          alt('hurts?', 'aches?', 'aching', 'pain', 'painful', 'throbs?', 'throbbing'),
          alt('all night', 'all through the night'),
          2,
        ),
        // Pain whatever the position is pain that rest does not ease.
        followedBy(
          alt('pain', 'hurts?', 'hurting', 'aches?', 'aching', 'agony'),
          `(?:no matter (?:what|which|how)(?: position)?|(?:whether|weather) (?:im |i am |i )?(?:sitting|lying|laying|resting|standing|walking)|in (?:any|every) position)`,
          3,
        ),
        followedBy(NOT_EASED, REST, 4),
        followedBy(REST, NOT_EASED, 3),
        // "been resting for 2 weeks like they said and my back pain hasnt got any better"
        followedBy(
          `(?:been resting|rested|resting|bed rest) for (?:\\d+|a few|two|three|four|several|many|a couple of) (?:weeks?|months?)`,
          NOT_EASED,
          10,
        ),
        `\\b(?:rest|resting) (?:and \\w+ )?(?:failed|fails) to help\\b`,
        `\\b(?:resting|rest|lying still|lying down) (?:seems to |just |only |always )?makes? (?:it|mine|the pain|things|my \\w+(?: pain)?) worse\\b`,
        `\\bno position (?:in bed |at night |lying down |to sleep )(?:helps|works|is comfortable|eases it)\\b`,
        // "I cried out in bed" with the pain; "getting worse, this is with rest".
        `\\b(?:cried|cry|crying|screamed|screaming|yelled|yelling) (?:out )?in (?:bed|the night|my sleep)\\b`,
        followedBy(
          '(?:getting |got |gets )?worse',
          '(?:with|despite|even with) (?:the )?(?:rest|resting|bed rest)',
          4,
        ),
        // "a week resting flat and the back pain hasnt budged"
        `\\b${alt('resting', 'rested', 'bed rest', 'resting flat', 'lying flat')} (?:and|but) (?:the |my )?(?:back |hip )?(?:pain |ache |it )?${NOT_EASED}`,
        `\\beven (?:when|while|at|if|after) (?:im |i am |i |i have |ive )?(?:rest|resting|rested|lying|lie|lay|laying|sitting still|not moving|asleep|sleeping)\\b`,
        `\\b(?:pain|hurts?|aches?) (?:at|while|during) rest\\b`,
        `\\bat rest\\b`,
        `\\b(?:uncomfortable|painful|hurts?) even (?:while|when) (?:laying|lying) (?:in bed|down)\\b`,
      ),
      context: 'long',
    },
    {
      // Real messages tell night pain as a plain fact ("my hip was hurting at night in bed", "every
      // night when I went to bed my leg would throb") and pain that never lets up as "24/7".
      id: 'pain-at-night',
      tier: 'urgent',
      anchors: [
        'night',
        'bed',
        'hours',
        '24 7',
        'clock',
        'relax',
        'rest',
        'still',
        'especially',
        ...['1', '2', '3', '4', '5'].flatMap((hour) => [`${hour}am`, `${hour} am`]),
      ],
      sign: 'pain that does not improve with rest',
      pattern: rx(
        together(
          PAIN_FELT,
          alt(
            'at night',
            'in the night',
            'in the middle of the night',
            EARLY_HOURS,
            'during the night',
            'overnight',
            'every (?:single )?night',
            '(?:at|around|till|until|by) [1-5] ?am',
            'each night',
            'most nights',
            'nightly',
            'at night ?time',
            'when (?:i )?(?:go|went|get|got) to bed',
          ),
          6,
        ),
        followedBy(
          PAIN_FELT,
          alt('24 7', '(?:a)?round the clock', 'day and night', 'night and day', 'all day and all night'),
          2,
        ),
        // Rest that brings the pain, not rest that eases it ("when I rest the pain goes away").
        `${followedBy(
          `(?:when|while|if|once) (?:i |im |i am )?(?:stop (?:to )?|sit down (?:to )?|try to )?(?:relax|relaxing|rest|resting|sit still|sitting still|lie still|lying still|keep still|keeping still)`,
          // "when I rest, only hurts when I lift": the pain is elsewhere; "it only hurts more" is not.
          `(?:(?<!\\bonly )${PAIN_FELT}|\\bonly ${PAIN_FELT}(?= (?:more|worse)\\b)|(?:gets?|got|getting|is|was) worse|worsens)`,
          3,
        )}${EASED_AFTER}`,
        // "it didn't matter if I was active or still"
        `\\b(?:matter|whether|weather|hurts?|aches?|pain) (?:if |whether |when |while )?(?:i am |im |i was |i )?(?:active|moving|walking) or (?:still|resting|at rest)\\b`,
        `\\b(?:constant|constantly|non ?stop|all the time)(?: ,)? (?:day and night|night and day|24 7)\\b`,
        `\\bespecially (?:when |while )?(?:sleeping|trying to sleep|at night|in bed|lying down)\\b`,
        // "Many nights I woke up crying and unable to move, in pain"
        `\\b(?:many|most|some|every|each) nights? (?:i |he |she |we )?(?:would )?(?:woke|wake|wakes|woken|waking) up\\b`,
      ),
      context: 'long',
      // A clause that asks why or what helps ("why does my hip hurt at night?") and a sentence about
      // how to sleep ask about the sign without telling it; a question that tells it ("is it normal
      // that my hip hurts so much at night that I cry?") still counts.
      unlessBefore: ASKING_WHY,
      unlessSentence: ABOUT_SLEEPING,
    },
  ],
};
