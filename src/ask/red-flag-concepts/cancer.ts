import { alt, near, rx, followedBy, type RedFlagConcept } from './words.js';

/** Weight loss without trying, or a history of cancer (red-flags.md, urgent tier). */

const WEIGHT = alt('weight', '(?:\\d+ ?)?(?:kilos?|kgs?|pounds|lbs?)', 'stone');
const UNEXPLAINED = alt(
  'without trying',
  'not trying',
  '(?:havent|hasnt|not) been trying',
  'for no reason',
  'no reason',
  'unexplained',
  'unintentional(?:ly)?',
  'unintended',
  'unexpected(?:ly)?',
  'without dieting',
  'not dieting',
  'dont know why',
  'without meaning to',
  'eat a lot',
  'eating normally',
  'eating (?:the )?same',
  'without changing (?:a thing|anything)',
);
/** Wanting to lose weight is not losing it without trying. */
const WEIGHT_INTENT =
  /\b(?:want|wants|wanted|trying|try|tried|need|needs|should|could|would|will|plan|planning|hope|hoping|going to|gonna|diet|dieting|help|helps|does|do|can|if|how)\b/;
/** Weight lost on purpose, told beside the exercise or diet that did it. */
const ON_PURPOSE =
  /(?<!\b(?:not|no|without|havent|stopped|not been) )\b(?:stretching|exercis\w*|working out|workouts?|gym|diet\w*|healthy eating|running|fitter|foam roller|calories)\b/;
const CANCER = alt(
  'cancer',
  'cancers',
  'cancerous',
  'tumou?rs?',
  'malignant',
  'malignancy',
  'chemo',
  'chemotherapy',
  'radiotherapy',
  'radiation',
  'oncologist',
  'oncology',
  'leuka?emia',
  'lymphoma',
  'myeloma',
  'metastas[ie]s',
  'metastatic',
  'secondaries',
  'bone mets',
);

export const cancer: RedFlagConcept = {
  id: 'cancer',
  rules: [
    {
      id: 'weight-loss-unexplained',
      tier: 'urgent',
      anchors: ['lost', 'losing', 'lose', 'dropp', 'weight', 'thinner', 'kg'],
      sign: 'weight loss without trying',
      pattern: rx(
        near(
          alt('lost', 'losing', 'lose', 'dropped', 'dropping', 'weight loss', 'weight', 'thinner'),
          UNEXPLAINED,
          6,
        ),
      ),
      context: 'long',
    },
    {
      id: 'weight-loss',
      tier: 'urgent',
      anchors: [
        'lost',
        'losing',
        'dropp',
        'shed',
        'weight',
        'thinner',
        'skinnier',
        'hanging',
        'falling',
        'loose',
        'baggy',
      ],
      sign: 'weight loss without trying',
      pattern: rx(
        followedBy(alt('lost', 'losing', 'dropped', 'dropping', 'shed', 'shedding'), WEIGHT, 3),
        followedBy(
          alt('lost', 'losing', 'dropped'),
          alt('not dieting', 'not trying', 'without trying', 'without dieting'),
          10,
        ),
        `\\bweight loss\\b`,
        `\\bweight (?:is |has been |keeps |has )?(?:dropping|falling|going down|coming off|dropped|fallen)\\b`,
        `\\bgetting (?:thinner|skinnier)\\b`,
        `\\b(?:clothes|trousers|jeans|pants|dress|belt) (?:are |is )?(?:(?:literally|now|really|all|so|just|getting) )?(?:hanging off|falling off|loose|looser|baggy)\\b`,
      ),
      unlessBefore: WEIGHT_INTENT,
      unlessSentence: ON_PURPOSE,
      context: 'long',
    },
    {
      id: 'cancer',
      tier: 'urgent',
      sign: 'weight loss without trying, or a history of cancer',
      pattern: rx(`\\b${CANCER}\\b`),
      unlessBefore: /\bfamily history\b/,
      context: 'always',
    },
    {
      // "I'm in remission": said of cancer unless another illness is named.
      id: 'remission',
      tier: 'urgent',
      sign: 'weight loss without trying, or a history of cancer',
      pattern: rx(`\\bremission\\b`),
      unlessMessage:
        /\b(?:lupus|crohns?|colitis|arthritis|psoriasis|eczema|depression|multiple sclerosis|addiction)\b/,
      context: 'always',
    },
  ],
};
