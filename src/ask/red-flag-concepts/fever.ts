import { alt, rx, type RedFlagConcept } from './words.js';

/**
 * Back pain with a high temperature or feeling hot and shivery (red-flags.md, urgent tier),
 * including the words people use for it: chills, freezing cold, night sweats, a thermometer reading.
 */
const FEVER = alt(
  'fever',
  'fevers',
  'feverish',
  'febrile',
  'high temperature',
  'high temp',
  'a temperature',
  'a temp',
  'temperature of',
  'my temperature',
  'temperature is',
  'temperature was',
  'raised temperature',
  'hot and shivery',
  'shivery',
  'shivering',
  'shivers',
  'shivered',
  'shiver',
  'chills',
  'rigors',
  '(?:feel(?:ing|s)?|going|gone|get(?:ting)?|goes) hot and cold',
  'temp(?:erature)? (?:is|was|has been|s) (?:really |realy |very |so |quite |super )?high',
  'night sweats',
  'sweats',
  'sweating at night',
  'burning up',
  'running a (?:temperature|temp|fever)',
  // "sweating buckets at night", "soaked in sweat in bed", "waking up drenched".
  'sweat(?:ing|s|y)?(?: [^ .;!?]+){0,3} (?:at night|in the night|through the night|overnight|in bed|in my sleep)',
  '(?:drenched|soaked|soaking|dripping) (?:in |with )?sweat',
  '(?:wake|woke|waking|wakes) up (?:drenched|soaked|soaking|dripping|sweating)',
  '(?:feel|feeling|felt|feels) (?:super |very |really |so |freezing |ice )?cold',
  'freezing(?! cold (?:water|pack))',
  '(?:9|10)\\d(?: \\d)? ?(?:f|degrees)',
  '3[89](?: \\d)? ?(?:c|degrees)',
  // "temp is 39.2", "temperature of 101"
  'temp(?:erature)? (?:is|was|of|at|hit|reads|reading)(?: about| around| over| nearly)? (?:3[89]|4[01]|10[1-5]|100 [4-9])',
);

export const fever: RedFlagConcept = {
  id: 'fever',
  rules: [
    {
      id: 'fever',
      tier: 'urgent',
      sign: 'back pain with a high temperature',
      pattern: rx(`\\b${FEVER}\\b`),
      context: 'always',
    },
  ],
};
