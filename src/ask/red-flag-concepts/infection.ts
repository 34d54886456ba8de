import { alt, rx, type RedFlagConcept } from './words.js';

/**
 * An infection the person says is in their spine, a disc or the hip (sepsis of a hip replacement, a
 * spinal abscess, tuberculosis of the spine). red-flags.md lists the signs of one (a high
 * temperature, a hot swollen joint) but not the diagnosis itself, so the finding names no sign: the
 * reply asks the reader to check the signs it lists, as the learnt safety net's does.
 */
const INFECTION = alt(
  'infections?',
  'infected',
  'sepsis',
  'septic',
  'abscess(?:es)?',
  'pus',
  'osteomyelitis',
  'discitis',
  'diskitis',
  'spondylodiscitis',
  'tuberculosis',
);
const WHERE = alt(
  'spine',
  'spinal',
  'vertebra',
  'vertebrae',
  'vertebral',
  'discs?',
  'disks?',
  'hips?',
  'sacrum',
  'sacroiliac',
  'tailbone',
  'coccyx',
  'prosthesis',
  '[lst]\\d{1,2}',
);

/** Up to two words between the infection and where it is ("of my total hip", "in my L4 disc"). */
const LINK = '(?:(?!(?:and|or|with|but|plus)\\b)[^ .;!?]+ ){0,2}';

export const infection: RedFlagConcept = {
  id: 'infection',
  rules: [
    {
      id: 'infection',
      tier: 'urgent',
      anchors: ['infect', 'sepsis', 'septic', 'abscess', 'pus', 'itis', 'tuberculosis', 'potts'],
      sign: '',
      pattern: rx(
        // "sepsis of my total hip replacement", "an infection in my L4 disc", "pus in my spine"
        `\\b${INFECTION} (?:in|of|around|near|at|on|inside) (?:my |the |his |her |their )?${LINK}${WHERE}\\b`,
        // "my hip replacement is infected", "could her hip be infected"
        `\\b${WHERE} ${LINK}(?:is|was|got|has|had|became|be|been|has become|has been|is now) infected\\b`,
        // "an infected hip", "a spinal infection", "a disc abscess"
        `\\binfected (?:(?!(?:and|or|with|but|plus)\\b)[^ .;!?]+ )?${WHERE}\\b`,
        `\\b${WHERE} (?:[^ .;!?]+ )?${alt('infections?', 'abscess(?:es)?', 'sepsis')}\\b`,
        `\\bseptic (?:arthritis|hip|joint)\\b`,
        // Infections of the spine named on their own.
        `\\b${alt('discitis', 'diskitis', 'spondylodiscitis', 'vertebral osteomyelitis', 'epidural abscess', 'spinal abscess', 'potts disease')}\\b`,
        `\\binfection (?:in|of) (?:my |the |his |her )?(?:lower |upper |mid )?back\\b`,
        `\\bback (?:is|was|got|has got) infected\\b`,
      ),
      context: 'always',
      about:
        /\b(?:discitis|diskitis|spondylodiscitis|osteomyelitis|epidural abscess|spinal abscess|potts disease)\b/,
      // A test that found no infection, or an infection ruled out, is no infection.
      unlessSentence:
        /\b(?:negative for (?:an? )?infection|(?:ruled out|no signs? of|clear of) (?:an? )?infection|infection (?:was |has been |is )?ruled out)\b/,
    },
  ],
};
