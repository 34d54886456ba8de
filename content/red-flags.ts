import type { Source } from './types.js';

/** Red-flag facts beyond the post, from content/source/red-flags.md, each tier with its sources. */

const NHS_WALES_SCIATICA = {
  title: 'Sciatica',
  publisher: 'NHS 111 Wales',
  url: 'https://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/',
} as const satisfies Source;
const ROYAL_FREE_CES = {
  title: 'Cauda equina syndrome leaflet',
  publisher: 'Royal Free London NHS Foundation Trust',
  url: 'https://www.royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/cauda-equina-syndrome',
} as const satisfies Source;
const NORTHERN_TRUST_LBP = {
  title: 'Low back pain',
  publisher: 'Northern Health and Social Care Trust',
  url: 'https://northerntrust.hscni.net/services/physiotherapy-services/physiotherapy-service-outpatient-service/low-back-pain/',
} as const satisfies Source;
const VERSUS_ARTHRITIS_HIP = {
  title: 'Hip pain',
  publisher: 'Versus Arthritis',
  url: 'https://www.versusarthritis.org/about-arthritis/conditions/hip-pain/',
} as const satisfies Source;
const NHS_BACK_PAIN = {
  title: 'Back pain (red flags section, as reproduced by NHS GP practice pages)',
  publisher: 'NHS',
} as const satisfies Source;
const NHS_SEPTIC_ARTHRITIS = {
  title: 'Septic arthritis (NHS content syndication)',
  publisher: 'NHS',
} as const satisfies Source;
const MAYO_BACK_PAIN = {
  title: 'Back pain (history of cancer, osteoporosis, steroid use)',
  publisher: 'Mayo Clinic',
} as const satisfies Source;
const NHS_WALES_BACK_PAIN = {
  title: 'Back pain',
  publisher: 'NHS 111 Wales',
  url: 'https://111.wales.nhs.uk/Encyclopaedia/b/article/backpain/',
} as const satisfies Source;

export type RedFlagTierId = 'emergency' | 'urgent' | 'gp';

export interface RedFlagGroup {
  /** What the signs go with, e.g. "Back pain or sciatica with any of". */
  readonly heading: string;
  readonly signs: readonly string[];
}

export interface RedFlagTier {
  readonly id: RedFlagTierId;
  readonly title: string;
  /** The advice to lead with when a sign of this tier applies. */
  readonly advice: string;
  readonly groups: readonly RedFlagGroup[];
  readonly sources: readonly Source[];
}

/** The first words of every urgent reply: the generic wording, whatever the user's locale. */
export const EMERGENCY_LEAD = 'If you have any of these, call your local emergency number now';
/** The other way to get emergency care, from the emergency tier's heading. */
export const EMERGENCY_DEPARTMENT = 'Or go to an emergency department now.';

export const redFlagTiers = {
  emergency: {
    id: 'emergency',
    title: 'Call your local emergency number or go to an emergency department now',
    advice: `${EMERGENCY_LEAD} or go to an emergency department.`,
    groups: [
      {
        heading: 'Back pain or sciatica with any of',
        signs: [
          'numbness or tingling around the genitals or buttocks (including altered feeling when wiping)',
          'difficulty peeing, leaking urine, or loss of bladder or bowel control that is new',
          'sciatica on both sides, or weakness or numbness in both legs that is severe or getting worse',
          'chest pain',
          'pain that started after a serious accident or fall',
        ],
      },
      {
        heading: 'Hip pain with any of',
        signs: [
          'a fall or injury after which you cannot stand or put weight on the leg, or the leg looks shorter or turned outwards (possible broken hip; people can sometimes still walk with one)',
          'sudden severe hip pain with no injury',
          'a hot, swollen hip, or skin over it that has changed colour, especially with a high temperature',
        ],
      },
    ],
    sources: [NHS_WALES_SCIATICA, ROYAL_FREE_CES, NORTHERN_TRUST_LBP, VERSUS_ARTHRITIS_HIP, NHS_BACK_PAIN],
  },
  urgent: {
    id: 'urgent',
    title: 'See a doctor urgently (same day or next day; in the UK, an urgent GP appointment or NHS 111)',
    advice:
      'See a doctor urgently: the same day or the next day (in the UK, an urgent GP appointment or NHS 111).',
    groups: [
      {
        heading: 'Any of',
        signs: [
          'back pain with a high temperature or feeling hot and shivery',
          'weight loss without trying, or a history of cancer',
          'a lump or a change in the shape of the back',
          'pain that does not improve with rest or is worse at night',
          'pain at the top of the back rather than the lower back',
          'a single joint that suddenly becomes very painful, swollen or changes colour (possible joint infection)',
        ],
      },
    ],
    sources: [NHS_BACK_PAIN, NHS_SEPTIC_ARTHRITIS, MAYO_BACK_PAIN],
  },
  gp: {
    id: 'gp',
    title: 'See a GP or healthcare provider (not an emergency)',
    advice: 'See a GP or healthcare provider. This is not an emergency.',
    groups: [
      {
        heading: 'Any of',
        signs: [
          'back pain that has not improved after a few weeks of treating it at home',
          'pain that stops you doing day-to-day activities, is severe or getting worse',
          'sciatica that has not improved after a few weeks (it usually gets better in 4 to 6 weeks)',
          'hip pain that has not improved after two weeks of regularly taking painkillers',
          'you are worried about the pain or struggling to cope',
        ],
      },
    ],
    sources: [NHS_WALES_BACK_PAIN, NHS_WALES_SCIATICA, VERSUS_ARTHRITIS_HIP],
  },
} as const satisfies Record<RedFlagTierId, RedFlagTier>;

/** Most severe first: the order replies show them in. */
export const TIER_ORDER = ['emergency', 'urgent', 'gp'] as const satisfies readonly RedFlagTierId[];

export interface EmergencyNumber {
  readonly numbers: string;
  /** Where the numbers apply, worded as red-flags.md words it. */
  readonly where: string;
  /** Discord locales whose users most likely want this example first. */
  readonly locales: readonly string[];
}

/** Examples only: replies always say "your local emergency number" first. */
export const emergencyNumbers = [
  { numbers: '999 or 112', where: 'in the UK', locales: ['en-GB'] },
  { numbers: '911', where: 'in the US and Canada', locales: ['en-US'] },
  {
    numbers: '112',
    where: 'across the European Union',
    locales: [
      'bg',
      'cs',
      'da',
      'de',
      'el',
      'es-ES',
      'fi',
      'fr',
      'hr',
      'hu',
      'it',
      'lt',
      'nl',
      'pl',
      'ro',
      'sv-SE',
    ],
  },
  { numbers: '000', where: 'in Australia', locales: [] },
] as const satisfies readonly EmergencyNumber[];

/** The wording conventions of red-flags.md. */
export const NOT_A_DIAGNOSIS =
  'The bot gives general information, not a diagnosis, and does not replace a clinician.';
export const SELF_HARM_REPLY =
  'This bot cannot help with thoughts of self-harm or suicide. Please contact your local emergency number or a crisis line now. You do not have to face this alone.';
