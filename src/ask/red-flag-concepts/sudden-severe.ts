import { alt, near, rx, SEVERE, SUDDEN, type RedFlagConcept } from './words.js';

/** Sudden severe hip pain with no injury (red-flags.md, emergency tier). */
export const suddenSevere: RedFlagConcept = {
  id: 'sudden-severe',
  rules: [
    {
      id: 'sudden-severe',
      tier: 'emergency',
      anchors: ['sudden', 'nowhere', 'no where', 'blue', 'warning', 'came on', 'wak', 'woke', 'ago'],
      sign: 'sudden severe hip pain with no injury',
      pattern: rx(
        near(
          SUDDEN,
          alt(SEVERE, '10 10', '10 out of 10', 'stabbing', 'worst (?:pain )?(?:ever|of my life)'),
          5,
        ),
        `\\b(?:woke|wake|waking) up(?: [^ .;!?]+){0,3} with (?:a |an |the )?(?:sudden |sharp |severe |stabbing |excruciating |terrible |horrible |agonising |agonizing |worst |bad )(?:[^ .;!?]+ )?(?:pain (?:deep )?in (?:my |the )?(?:left |right )?(?:hips?|groin)|(?:left |right )?(?:hip|groin) pain)\\b`,
      ),
      context: 'long',
      // The sign is sudden severe pain with no injury; a sudden injury is the accident's sign.
      unlessSentence: /(?<!\b(?:no|didnt|not|without|havent|hadnt|any) )\binjur/,
    },
  ],
};
