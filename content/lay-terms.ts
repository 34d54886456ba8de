import type { TopicId } from './types.js';

/**
 * Words people use for each topic, for autocomplete and /ask. These are names for the post's topics,
 * not medical facts: nothing here is ever shown as a statement.
 */
export const layTerms = {
  connection: ['hip and back connection', 'back pain spreading to hip', 'radiating', 'related', 'linked'],
  'cause:muscle-strain': [
    'pulled muscle',
    'strained muscle',
    'sprain',
    'pulled my back',
    'overuse',
    'injury',
  ],
  'cause:sciatica': [
    'pinched nerve',
    'shooting pain down my leg',
    'sciatic nerve',
    'nerve pain down the leg',
    'trapped nerve',
  ],
  'cause:arthritis': [
    'wear and tear',
    'osteoarthritis',
    'rheumatoid arthritis',
    'stiff joints',
    'degenerative',
  ],
  'cause:herniated-disc': ['slipped disc', 'disc bulge', 'bulging disc', 'ruptured disc', 'prolapsed disc'],
  'cause:posture': ['slouching', 'bad posture', 'poor posture', 'hunching', 'misalignment'],
  'tip:exercise': ['walking', 'swimming', 'yoga', 'stretching', 'workout'],
  'tip:posture': ['sitting properly', 'good posture', 'body mechanics', 'ergonomics', 'standing straight'],
  'tip:heat-ice': [
    'heat',
    'ice',
    'heat or ice',
    'heat pack',
    'ice pack',
    'heating pad',
    'hot water bottle',
    'cold pack',
  ],
  'tip:physical-therapy': ['physio', 'physiotherapy', 'physical therapist', 'physiotherapist'],
  'tip:alternative-therapies': ['acupuncture', 'chiropractor', 'massage', 'chiro', 'chiropractic'],
  'treatment:medications': ['ibuprofen', 'painkillers', 'nsaids', 'naproxen', 'muscle relaxants', 'pills'],
  'treatment:injections': ['cortisone', 'steroid shot', 'steroid injection', 'jab', 'corticosteroid'],
  'treatment:surgery': ['hip replacement', 'operation', 'surgeon', 'hip surgery'],
  'treatment:physical-therapy': ['physio', 'physiotherapy', 'physical therapist', 'rehab'],
  urgent: ['emergency', 'red flags', 'warning signs', 'when to call 999', 'ambulance'],
  provider: ['see a doctor', 'gp', 'healthcare provider', 'when to see a doctor', 'appointment'],
} as const satisfies Record<TopicId, readonly string[]>;
