import { alt, rx, together, type RedFlagConcept } from './words.js';

/**
 * An infection the person says is in their spine, a disc or the hip (sepsis of a hip replacement, a
 * spinal abscess, tuberculosis of the spine). red-flags.md lists the signs of one (a high
 * temperature, a hot swollen joint) but not the diagnosis itself, so the finding names no sign: the
 * reply asks the reader to check the signs it lists, as the learnt safety net's does.
 */
/** Infections of the spine named on their own: they say where they are. */
const SPINE_INFECTION = alt(
  'discitis',
  'diskitis',
  'spondylodiscitis',
  'vertebral osteomyelitis',
  'epidural abscess',
  'spinal abscess',
  'psoas abscess',
  'paraspinal abscess',
  'potts disease',
);
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
  'tb',
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
/**
 * Words that start another thought, so an infection on their far side is somewhere else ("an
 * infected tooth and hip pain", "a chest infection in March, hip pain since").
 */
const ANOTHER_THOUGHT = 'and|or|with|but|plus|since|after|because|then|,';

export const infection: RedFlagConcept = {
  id: 'infection',
  rules: [
    {
      id: 'infection',
      tier: 'urgent',
      anchors: ['infect', 'sepsis', 'septic', 'abscess', 'pus', 'itis', 'tuberculosis', 'tb', 'potts'],
      sign: '',
      pattern: rx(
        // Up to six words apart, either way: "has spread to my spine", "my prosthetic hip joint has an infection".
        together(INFECTION, WHERE, 6, ANOTHER_THOUGHT),
        `\\bseptic (?:arthritis|hip|joint)\\b`,
        `\\b${SPINE_INFECTION}\\b`,
        `\\b(?:infection|abscess|pus) (?:in|of|on) (?:my |the |his |her )?(?:lower |upper |mid )?back\\b`,
        `\\bback (?:surgery |operation )?(?:wound |incision |scar )?(?:is|was|got|has got|has become) infected\\b`,
      ),
      context: 'always',
      about: new RegExp(`\\b(?:${SPINE_INFECTION}|osteomyelitis)\\b`),
      // A test that found no infection, or an infection ruled out, is no infection.
      unlessSentence:
        /\b(?:negative for (?:an? )?infection|(?:ruled out|no signs? of|clear of) (?:an? )?infection|infection (?:was |has been |is )?ruled out)\b/,
    },
  ],
};
