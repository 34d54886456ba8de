import type { CauseSlug, Entry, Source, TipSlug, TreatmentSlug } from './types.js';

/** The one article every fact of the bot comes from (content/source/post.txt). */
export const POST_SOURCE = {
  title: 'Causes of Hip and Lower Back Pain: Alleviation Tips',
  publisher: 'consumer health blog post',
} as const satisfies Source;

/** The post's closing sentence, verbatim. Every message reply ends with it. */
export const PROVIDER_RECOMMENDATION =
  'If you are experiencing persistent or severe lower back hip pain, it is essential to consult with a healthcare provider for a proper diagnosis and personalized treatment plan.';

export const connection = {
  title: 'Lower Back and Hip Pain Connection',
  summary: 'The lower back and hips are closely connected anatomically.',
  text:
    'The lower back and hips are closely connected anatomically, with many muscles, nerves, and joints overlapping in these areas. ' +
    'When there is dysfunction or imbalance in one area, it can often lead to pain and discomfort in the other.\n\n' +
    'Lower back pain can radiate to the hips, while hip pain can also cause lower back discomfort. ' +
    'This interconnectedness makes it important to address both areas when experiencing pain in the lower back or hips.',
  source: POST_SOURCE,
} as const satisfies Entry;

/** The post's section headings, used as the titles of the overviews. */
export const sectionHeadings = {
  causes: 'Causes of Hip and Lower Back Pain',
  tips: 'Alleviating Lower Back Hip Pain',
  treatments: 'Hip Pain Treatments',
} as const;

export const causesIntro =
  'There are several common causes of hip and lower back pain that can contribute to discomfort and limited mobility.';

export const causes = {
  'muscle-strain': {
    title: 'Muscle strain or sprain',
    summary: 'Overuse or injury to the muscles in the lower back or hips.',
    text: 'Overuse or injury to the muscles in the lower back or hips can lead to pain and discomfort.',
    source: POST_SOURCE,
  },
  sciatica: {
    title: 'Sciatica',
    summary: 'Compression or irritation of the sciatic nerve.',
    text: 'Compression or irritation of the sciatic nerve, which runs from the lower back down through the hips and legs, can cause sharp, shooting pain.',
    source: POST_SOURCE,
  },
  arthritis: {
    title: 'Arthritis',
    summary: 'Degenerative conditions like osteoarthritis or rheumatoid arthritis.',
    text: 'Degenerative conditions like osteoarthritis or rheumatoid arthritis can affect the joints in the hips and lower back, causing pain and stiffness.',
    source: POST_SOURCE,
  },
  'herniated-disc': {
    title: 'Herniated disc',
    summary: 'Cushioning discs between the vertebrae bulge or rupture.',
    text: 'When the cushioning discs between the vertebrae in the lower back bulge or rupture, it can put pressure on nearby nerves, leading to pain in the hips and legs.',
    source: POST_SOURCE,
  },
  posture: {
    title: 'Posture and alignment issues',
    summary: 'Poor posture, improper body mechanics, or misalignment of the spine.',
    text: 'Poor posture, improper body mechanics, or misalignment of the spine can contribute to lower back and hip pain over time.',
    source: POST_SOURCE,
  },
} as const satisfies Record<CauseSlug, Entry>;

export const tipsIntro =
  'Fortunately, there are several effective ways to alleviate lower back hip pain and improve overall comfort and mobility.';

export const tips = {
  exercise: {
    title: 'Exercise regularly',
    summary: 'Gentle exercises like walking, swimming, or yoga.',
    text: 'Engaging in gentle exercises like walking, swimming, or yoga can help strengthen the muscles in the lower back and hips, reducing pain and improving flexibility.',
    source: POST_SOURCE,
  },
  posture: {
    title: 'Maintain good posture',
    summary: 'Practicing proper posture and body mechanics.',
    text: 'Practicing proper posture and body mechanics can help prevent strain on the lower back and hips, reducing the risk of pain and discomfort.',
    source: POST_SOURCE,
  },
  'heat-ice': {
    title: 'Apply heat or ice',
    summary: 'Using heat packs or ice packs on the affected areas.',
    text: 'Using heat packs or ice packs on the affected areas can help reduce inflammation and alleviate pain in the lower back and hips.',
    source: POST_SOURCE,
  },
  'physical-therapy': {
    title: 'Try physical therapy',
    summary: 'Working with a physical therapist.',
    text: 'Working with a physical therapist can help address muscle imbalances, improve flexibility, and alleviate pain in the lower back and hips.',
    source: POST_SOURCE,
  },
  'alternative-therapies': {
    title: 'Consider alternative therapies',
    summary: 'Techniques like acupuncture, chiropractic care, or massage therapy.',
    text: 'Techniques like acupuncture, chiropractic care, or massage therapy can help relieve tension and pain in the lower back and hips.',
    source: POST_SOURCE,
  },
} as const satisfies Record<TipSlug, Entry>;

export const treatmentsIntro =
  'In addition to lifestyle changes and self-care strategies, there are also medical treatments available to help alleviate hip pain and improve overall well-being.';

export const treatments = {
  medications: {
    title: 'Medications',
    summary: 'Over-the-counter or prescription medications like NSAIDs or muscle relaxants.',
    text: 'Over-the-counter or prescription medications like NSAIDs or muscle relaxants can help reduce pain and inflammation in the hips and lower back.',
    source: POST_SOURCE,
  },
  injections: {
    title: 'Injections',
    summary: 'Corticosteroid injections.',
    text: 'Corticosteroid injections can be used to reduce inflammation and provide temporary relief from hip pain.',
    source: POST_SOURCE,
  },
  surgery: {
    title: 'Surgery',
    summary: 'Surgical interventions like hip replacement surgery, in severe cases.',
    text: 'In severe cases of hip pain, surgical interventions like hip replacement surgery may be necessary to alleviate pain and improve mobility.',
    source: POST_SOURCE,
  },
  'physical-therapy': {
    title: 'Physical therapy',
    summary: 'Working with a physical therapist.',
    text: 'Working with a physical therapist can help strengthen the muscles around the hip joint, improve flexibility, and reduce pain.',
    source: POST_SOURCE,
  },
} as const satisfies Record<TreatmentSlug, Entry>;

export const closing = {
  title: 'Closing advice',
  summary: 'There are many options available to help manage hip pain.',
  text:
    'By understanding the connection between the lower back and hips, identifying the common causes of hip and lower back pain, and implementing effective strategies to alleviate discomfort, it is possible to find relief and improve overall quality of life.\n\n' +
    'Whether through exercise, posture correction, or medical interventions, there are many options available to help manage hip pain and promote better health and well-being.',
  source: POST_SOURCE,
} as const satisfies Entry;

export const provider = {
  title: 'See a healthcare provider',
  summary: 'Persistent or severe pain needs a proper diagnosis.',
  text: PROVIDER_RECOMMENDATION,
  source: POST_SOURCE,
} as const satisfies Entry;
