import { alt, BACK_PART, rx, followedBy, together, type RedFlagConcept } from './words.js';

/**
 * A lump or a change in the shape of the back (red-flags.md, urgent tier): a lump, bump, knot or
 * growth told in the same sentence as the back or spine, or a back that has changed shape.
 */
const LUMP = alt(
  'lumps?',
  'lumpy',
  'lump(?:y)?ish',
  'lipomas?',
  'bumps?',
  'hump',
  '(?:a|an|large|big|small|hard|sized|huge) knot',
  'mass',
  'growth',
  'cyst',
  'deformity',
  'deformed',
  'misshapen',
  'sticking out',
  'sticks out',
  '(?:hard |small |little )?ball under (?:the |my )?skin',
  'bulge (?:on|in) my',
  'knobbly',
  'knobby',
  'raised (?:bit|area|spot|patch)',
);

export const lumpOrShape: RedFlagConcept = {
  id: 'lump-or-shape',
  rules: [
    {
      id: 'lump-or-shape',
      tier: 'urgent',
      sign: 'a lump or a change in the shape of the back',
      pattern: rx(
        together(LUMP, BACK_PART, 30),
        // "the marble-sized lump is just above my right kidney"
        together(LUMP, 'kidneys?', 6),
        together(alt('swelling', 'swollen'), BACK_PART, 6),
        `\\bshape of (?:my |the )?(?:back|spine)\\b`,
        followedBy(
          alt('back', 'spine'),
          alt(
            'changed shape',
            'changing shape',
            'crooked',
            'curved',
            'curving',
            // Not the figure of speech "bent out of shape".
            'bent(?! out of shape)',
            '(?:a )?(?:different|funny|odd|weird|strange|new) shape',
            '(?<!bent )out of shape',
            'twisted',
            'lopsided',
          ),
          4,
        ),
        `\\b(?:inches|inch|cm) shorter\\b`,
        // A curve that is new, not a scoliosis known for years.
        `\\b(?:developed|developing|new|getting|got) (?:a )?(?:curvature|curve) (?:of|in) (?:my |the )?(?:spine|back)\\b`,
        `\\b(?:lost|losing|lose) (?:(?:\\d+|an?|one|two|three|four|several|a few|some) )?(?:inches|inch|cm|height)(?: (?:in|of) height)?\\b`,
      ),
    },
  ],
};
