import {
  alt,
  COLOUR,
  followedBy,
  HOT,
  JOINT,
  near,
  OTHER_JOINT,
  rx,
  SWOLLEN,
  together,
  type RedFlagConcept,
} from './words.js';

/**
 * An infected joint: a hot, swollen hip or skin over it that has changed colour (emergency tier),
 * or a single joint that suddenly becomes very painful, swollen or changes colour (urgent tier).
 * This is the one concept that is not about the back or hip only: any joint counts.
 */
export const jointInfection: RedFlagConcept = {
  id: 'joint-infection',
  rules: [
    {
      id: 'hot-swollen',
      tier: 'emergency',
      anchors: ['hot', 'warm', 'red', 'inflamed', 'colo', 'purple', 'blotch'],
      sign: 'a hot, swollen hip',
      pattern: rx(
        near(HOT, SWOLLEN, 4),
        near(COLOUR, alt('hip', 'hips', 'skin'), 4),
        near(HOT, alt('hip', 'hips'), 3),
      ),
      // The emergency sign is the hip's: another hot, swollen joint is the urgent sign below.
      unlessSentence: /^(?!.*\bhips?\b)/,
    },
    {
      id: 'joint-swollen-or-colour',
      tier: 'urgent',
      sign: 'a single joint that suddenly becomes very painful',
      pattern: rx(
        together(SWOLLEN, JOINT, 10),
        near(COLOUR, JOINT, 4),
        near(
          JOINT,
          alt(
            'red and hot',
            'hot and red',
            'big and red',
            'big and hot',
            'massive and red',
            'huge and red',
            'went massive',
            'gone massive',
          ),
          6,
        ),
        // The joint itself swelling up: "my knee ballooned", not "my weight ballooned".
        followedBy(JOINT, alt('ballooned', 'has ballooned', 'swelled up like a balloon'), 2),
        `\\b(?:sudden|suddenly|immediately)${'(?: [^ .;!?]+){0,4}'} pain in (?:my |the )?(?:left |right )?${OTHER_JOINT}\\b`,
        `\\b(?:woke|wake|waking) up with${'(?: [^ .;!?]+){0,3}'} pain in (?:my |the )?(?:left |right )?${OTHER_JOINT}\\b`,
      ),
      // A joint swollen after a knock, sprain or fall is an injury, not a joint suddenly infected.
      unlessMessage:
        /\b(?:fell|fall|falling|bruised|bruising|sprain\w*|strain\w*|twisted|rolled|landed|uric acid)\b/,
      // The sign is a single joint: swollen ankles and feet, or both knees, is swelling of another kind.
      unlessSentence:
        /\b(?:ankles? (?:and|&) (?:feet|foot|legs?)|(?:feet|foot|legs?) (?:and|&) ankles?|both (?:ankles|knees|feet|wrists|hands))\b/,
    },
  ],
};

/**
 * Signs that together make a more severe one: a swollen or discoloured joint with a high
 * temperature is the emergency tier's "hot, swollen hip ... especially with a high temperature".
 */
export const COMBINED_RULES = [
  {
    id: 'swollen-with-fever',
    tier: 'emergency',
    sign: 'a hot, swollen hip',
    allOf: ['joint-swollen-or-colour', 'fever'],
  },
] as const;
