import { FALL, OLD_INJURY } from './accident-fall.js';
import { alt, CANT, gap, near, rx, type RedFlagConcept } from './words.js';

const BREAK = alt('broke', 'broken', 'break', 'breaking', 'fractured?', 'fracturing', 'cracked');
/**
 * A break feared in the future is not a break ("the risk of a fractured hip during surgery",
 * "terrified she's going to fall and break her hip"); one feared to have happened is ("I might have
 * broken my hip", "I'm afraid I've broken it", "worried about my gran, she broke her hip"). Checked
 * after the verb, so the look back runs only where a verb of breaking is.
 */
const FEARED_BREAK = `(?<!\\b(?:(?:risks?|chances?|likelihood|danger) of|(?:afraid|scared|terrified|frightened|worried|fear) (?:of|about)|prevent(?:s|ing)?|avoid(?:s|ing)?)(?: (?!(?:she|he|i|they|we|it|my|her|his|their|our)\\b)[^ .;!?]+){0,2} ${BREAK}|\\b(?:going to|gonna|will|might|could|may)(?: fall and)? ${BREAK})`;

/**
 * A message that tells of no fall (in the accident concept's words: "I haven't fallen", "a slipped
 * disc" and "an injury" do not count): the "cannot stand" sign told without the leg is one after a fall.
 */
const NO_FALL = new RegExp(
  `^(?!.*(?<!\\b(?:havent|hasnt|have not|has not|not|never|didnt|no)\\b(?: [^ .;!?]+){0,2} )\\b(?:${FALL}|grazes|grazed|bruises|bruised)\\b)`,
);

/**
 * A possible broken hip (red-flags.md, emergency tier): after a fall or injury the person cannot
 * stand or put weight on the leg, or the leg looks shorter or turned outwards; or a hip said to be
 * broken.
 */
export const hipFracture: RedFlagConcept = {
  id: 'hip-fracture',
  rules: [
    {
      id: 'cannot-bear-weight',
      tier: 'emergency',
      sign: 'a fall or injury after which you cannot stand',
      pattern: rx(
        `\\b${CANT}(?: even| really)? ${alt('put (?:any )?weight (?:on|through)', 'bear (?:any )?weight', 'weight bear', 'take (?:any )?weight', 'stand on (?:it|(?:my|that|the|his|her) (?:(?:left|right|bad|good) )?leg)')}\\b`,
        `\\b${alt('looks?', 'looking', 'seems?', 'appears?', 'now', 'suddenly')}${gap(2)} shorter\\b`,
        near(
          alt('leg', 'legs', 'foot', 'feet'),
          alt(
            'turned out(?:wards?)?',
            'turning out(?:wards?)?',
            'turns out(?:wards?)?',
            'pointing out(?:wards?)?',
            'points out(?:wards?)?',
            'rotated',
            'twisted out(?:wards?)?',
            'at an? (?:odd|strange|weird|funny) angle',
            'point in odd directions',
          ),
          4,
        ),
        `\\b${BREAK}${FEARED_BREAK} (?:my |his |her |their |your |a |the )?(?:left |right )?${alt('hip', 'hip bone', '(?:a )?bone in (?:my |his |her |their |your |the )?hip', 'neck of (?:the |my |his |her )?femur')}\\b`,
        `\\bhip (?:is |was |has been )?(?:broken|fractured|fracture)\\b`,
      ),
    },
    {
      // A broken thigh bone is a broken hip's sign too ("she slipped and broke her femur"), unless it
      // broke long ago ("I broke my femur when I was 12").
      id: 'broken-femur',
      tier: 'emergency',
      sign: 'a fall or injury after which you cannot stand',
      pattern: rx(
        `\\b${BREAK}${FEARED_BREAK} (?:my |his |her |their |your |a |the )?(?:left |right )?(?:femur|thigh ?bone)\\b`,
        `\\b(?:femur|thigh ?bone) (?:is |was |has been )?(?:broken|fractured)\\b`,
      ),
      anchors: ['femur', 'thigh'],
      unlessNear: OLD_INJURY,
    },
    {
      // The same sign told without the leg: after a fall, "I couldn't get up", "I stopped being able
      // to walk". Only in a message that tells of a fall, and not of one long ago.
      id: 'cannot-stand-after-injury',
      tier: 'emergency',
      sign: 'a fall or injury after which you cannot stand',
      pattern: rx(
        `\\b(?:${CANT}|stopped being able to|no longer able to|can no longer)(?: even| really)? (?:stand(?: up)?|get up|get back up|walk(?! (?:far|long|for|more|much|very|any distance|too)\\b))\\b`,
      ),
      context: 'always',
      unlessMessage: NO_FALL,
      unlessNear: OLD_INJURY,
    },
  ],
};
