import { alt, rx, together, type RedFlagConcept } from './words.js';

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

export const infection: RedFlagConcept = {
  id: 'infection',
  rules: [
    {
      id: 'infection',
      tier: 'urgent',
      anchors: ['infect', 'sepsis', 'septic', 'abscess', 'pus', 'itis', 'tuberculosis'],
      sign: '',
      pattern: rx(
        together(INFECTION, WHERE, 6),
        `\\binfection (?:in|of) (?:my |the |his |her )?(?:lower |upper |mid )?back\\b`,
        `\\bback (?:is|was|got|has got) infected\\b`,
      ),
      context: 'always',
      // A test that found none, or an infection ruled out, is no infection.
      unlessSentence: /\b(?:negative|ruled out|no sign of|no signs of|clear of)\b/,
    },
  ],
};
