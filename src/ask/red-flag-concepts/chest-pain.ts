import { alt, followedBy, near, rx, type RedFlagConcept } from './words.js';

/** Back pain with chest pain (red-flags.md, emergency tier), including a pain "through my chest and out my back". */
const CHEST_PAIN = alt(
  'pain',
  'pains',
  'painful',
  'hurts',
  'hurt',
  'hurting',
  'ache',
  'aches',
  'aching',
  'tight',
  'tightness',
  'tightening',
  'pressure',
  'sore',
  'discomfort',
  'crushing',
  'squeezing',
  'stabbing',
  'paining',
  'heaviness',
  'feels? heavy',
  'heavy feeling',
  'squeezed',
  'like a band',
);

export const chestPain: RedFlagConcept = {
  id: 'chest-pain',
  rules: [
    {
      id: 'chest-pain',
      tier: 'emergency',
      anchors: ['chest', 'heart', 'sternum', 'breast'],
      sign: 'chest pain',
      pattern: rx(
        near(
          `chest(?! (?:and |& )?(?:shoulder )?(?:workouts?|exercises?|press|day|flys?|flies))`,
          CHEST_PAIN,
          6,
        ),
        near(alt('sternum', 'breastbone', 'breast bone'), CHEST_PAIN, 4),
        `\\b(?:behind|under|in) (?:my |the )?(?:sternum|breastbone|breast bone)\\b`,
        `\\bthrough (?:my |the )?chest\\b`,
        `\\bchest ?pains?\\b`,
        `\\bheart attack\\b`,
        near(alt('squeezing', 'crushing', 'pressure on', 'tightness in'), '(?:my )?heart', 2),
        // "my heart starts paining", "pain in my heart": the chest told as the heart.
        followedBy('(?:my )?hearts?', CHEST_PAIN, 3),
        followedBy(alt('pain', 'pains', 'aching'), '(?:in|around) (?:my )?heart', 1),
      ),
      context: 'always',
    },
  ],
};
