import { alt, near, rx, SEVERE, SUDDEN, type RedFlagConcept } from './words.js';

/** A message about the back alone: it names the back or spine and nothing of the hip area or legs. */
const BACK_ALONE =
  /^(?=.*\b(?:back|spine|spinal|lumbar)\b)(?!.*\b(?:hips?|hipp|hiip|h1p|hipbones?|groin|crotch|pelvis|pelvic|thighs?|buttocks?|bum|butt|glutes?|arse|backside|rear end|bottom|sacroiliac|si joint|tailbone|coccyx|legs?|side|joint)\b)/;

/** Sudden severe hip pain with no injury (red-flags.md, emergency tier). */
export const suddenSevere: RedFlagConcept = {
  id: 'sudden-severe',
  rules: [
    {
      id: 'sudden-severe',
      tier: 'emergency',
      anchors: [
        'sudden',
        'nowhere',
        'no where',
        'blue',
        'warning',
        'came on',
        'wak',
        'woke',
        'ago',
        'explod',
        'erupt',
        'struck',
        'bang',
        'lit up',
        'abrupt',
      ],
      sign: 'sudden severe hip pain with no injury',
      pattern: rx(
        near(
          SUDDEN,
          alt(
            SEVERE,
            '(?:[89]|10) 10',
            '(?:[89]|10) out of 10',
            'stabbing',
            'worst (?:pain )?(?:ever|of my life)',
            'massive',
            'so painful',
            '(?:is |was |shes |hes |im )?crying',
            'in tears',
            'killing me',
            'crushing',
            'knife',
            '(?:cant|can barely|can hardly|cannot) (?:walk|stand)',
          ),
          14,
        ),
        // "my right hip exploded with pain"
        `\\b(?:hip|hips|groin)(?: [^ .;!?]+){0,2} (?:exploded|erupted) (?:with|in) (?:pain|agony)\\b`,
        `\\b(?:woke|wake|waking) up(?: [^ .;!?]+){0,3} with (?:a |an |the )?(?:sudden |sharp |severe |stabbing |excruciating |terrible |horrible |agonising |agonizing |worst |bad )(?:[^ .;!?]+ )?(?:pain (?:deep )?in (?:my |the )?(?:left |right )?(?:hips?|groin)|(?:left |right )?(?:hip|groin) pain)\\b`,
      ),
      context: 'long',
      // The sign is the hip's: a message about the back alone (naming the back or spine and nothing of
      // the hip, buttocks, groin or legs) does not count; one that names no body part still does.
      unlessMessage: BACK_ALONE,
      // The sign is sudden severe pain with no injury; a sudden injury is the accident's sign.
      // "without any fall or injury" denies it.
      unlessSentence:
        /(?<!\b(?:no|not|never|without|nothing|any|didnt|dont|doesnt|wasnt|werent|hasnt|havent|hadnt|isnt|cant)\b(?: [^ .;!?]+){0,5} )\binjur/,
    },
  ],
};
