import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redFlagTiers, TIER_ORDER } from '../../content/index.js';
import { COMBINED_RULES, RED_FLAG_RULES } from '../../src/ask/red-flag-concepts/index.js';
import { contentSign, LEARNED_RULE, repairSafetyWords, scanSafety } from '../../src/ask/red-flags.js';
import { ask } from '../../src/ask/answer.js';
import { normalizeQuestion } from '../../src/ask/text.js';

/** The lines of a file in tests/fixtures after its header line. */
function fixtureLines(name: string): string[] {
  return readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean);
}

function scan(question: string) {
  return scanSafety(normalizeQuestion(question));
}

/** Each sign of red-flags.md, worded the ways people write it, with slips and slang. */
const EMERGENCY: Record<string, readonly string[]> = {
  'numbness around the genitals or buttocks': [
    'numbness around my genitals and my back aches',
    'my groin has gone numb',
    'tingling in my bum and lower back pain',
    'I cannot feel the toilet paper when I wipe',
    'pins and needles between my legs',
    'saddle numbness with sciatica',
    'numbnes in my buttocks',
    'my backside and inner thighs feel numb',
  ],
  'bladder or bowel control': [
    'I have lost control of my bladder',
    'bowel problems since my back went',
    'it is hard to pee and my back is killing me',
    'trouble peeing with sciatica',
    'leaking urine and lower back pain',
    'I wet myself this morning and my back hurts',
    "I can't tell when I need to pee anymore",
    'bladdr issues and back pain',
    'incontinence and hip pain',
  ],
  'both legs': [
    'sciatica in both legs',
    'both of my legs feel weak',
    'my legs keep giving way',
    'numbness in both feet and back pain',
    'shooting pains down both legs',
  ],
  'chest pain': ['chest pain and back pain', 'my chest feels tight and my back hurts'],
  'accident or fall': [
    'I was in a car crash yesterday and my back hurts',
    'his large truck plowed into the back of my little red car, and my lower back was already in pain',
    'fell off a ladder, back pain since',
    'back pain after a bad fall',
    'I tripped on the stairs and hurt my hip',
  ],
  'cannot bear weight, leg shorter or turned out': [
    "I can't put weight on my leg",
    'unable to bear weight on my left side',
    'her leg looks shorter than the other one now',
    'his foot is turned outwards after he fell',
  ],
  'sudden severe hip pain': [
    'sudden severe pain in my hip',
    'my hip pain came on suddenly and is excruciating',
    'out of nowhere my hip is agony',
  ],
  'hot swollen hip': [
    'my hip is hot and swollen',
    'red, hot and swollen hip',
    'the skin over my hip has changed colour',
    'swollen hip and a fever',
  ],
};

const URGENT: Record<string, readonly string[]> = {
  'high temperature or hot and shivery': [
    'back pain with a fever',
    'I have a high temperature and my back hurts',
    'I feel hot and shivery and my back aches',
    'back pain and chills',
    'back pain with a temprature',
    'fevr and lower back pain',
  ],
  'weight loss without trying, history of cancer': [
    "I've lost weight without trying",
    'I have been losing weight and my back hurts',
    'unexplained weight loss and back ache',
    'I had breast cancer five years ago and now back pain',
    'I am having chemotherapy and my hip hurts',
  ],
  'lump or change of shape': ['there is a lump on my back', 'the shape of my spine has changed'],
  'worse at night or not better with rest': [
    'my back pain is worse at night',
    'the pain wakes me up',
    'back pain wakes me at night',
    'hip pain keeps me awake at night',
    'the pain does not get better when I rest',
    'resting does not help my back at all',
    'it hurts even when I am lying still',
  ],
  'top of the back': ['pain at the top of my back', 'upper back pain', 'pain between my shoulder blades'],
  'single joint swollen or changed colour': [
    'my knee suddenly became swollen',
    'one joint has changed colour',
  ],
};

const GP: Record<string, readonly string[]> = {
  'not improved after weeks': [
    "my back pain hasn't improved after three weeks",
    'sciatica for six weeks and not getting better',
    'back ache for months now',
    'my back pain has lasted 2 months',
  ],
  'painkillers not working': ['painkillers are not helping my hip'],
  'stops day-to-day activities': [
    'the pain stops me doing my job',
    "I can't get out of bed because of my back",
    'my hip pain is ruining my daily life',
  ],
  'severe or getting worse': ['my back pain keeps getting worse', 'severe lower back pain'],
  'worried or struggling to cope': [
    'I am worried about my hip pain',
    "I can't cope with this back pain",
    'struggling to cope with sciatica',
  ],
};

/** Questions that mention a red-flag word but do not describe the sign. */
const NOT_A_RED_FLAG = [
  'no numbness or tingling, just a sore back',
  "I don't have any bladder problems",
  'back pain without fever',
  'my bladder and bowels are fine, my back is stiff',
  'no history of cancer, just wear and tear',
  'I fell asleep on the sofa and woke up stiff',
  'I want to lose weight to help my back',
  'will losing weight help my hip pain?',
  'does a hot water bottle help back pain',
  'a sharp shooting pain runs from my buttock to my knee',
  'my left leg tingles from the buttock down to my foot',
  'what are the red flags for back pain',
  'I have been seeing a physio for my back',
  'is walking good for sciatica',
  'does ice help with swelling',
  'pain in one leg only',
  'my legs are fine, only my lower back hurts',
  'I never had chest pain, only back pain',
  "what's the best sleeping position for hip pain at night",
  "I'm afraid of falling because my hip is weak",
  'which exercises stop me falling over',
];

function expectTier(question: string, tier: 'emergency' | 'urgent' | 'gp') {
  const found = scan(question);
  expect(found.tier, `"${question}"`).toBe(tier);
  expect(found.selfHarm).toBe(false);
}

describe('red-flag detector', () => {
  describe.each(Object.entries(EMERGENCY))('emergency tier: %s', (_sign, questions) => {
    it.each(questions)('"%s" is an emergency', (q) => expectTier(q, 'emergency'));
  });

  describe.each(Object.entries(URGENT))('see-a-doctor-urgently tier: %s', (_sign, questions) => {
    it.each(questions)('"%s" is urgent', (q) => expectTier(q, 'urgent'));
  });

  describe.each(Object.entries(GP))('see-a-GP tier: %s', (_sign, questions) => {
    it.each(questions)('"%s" is a see-a-GP sign', (q) => expectTier(q, 'gp'));
  });

  it.each(NOT_A_RED_FLAG)('"%s" is no emergency or urgent sign', (q) => {
    const found = scan(q);
    expect(
      found.findings.filter((f) => f.tier !== 'gp'),
      q,
    ).toEqual([]);
  });

  it('names the most severe tier when a question has signs of several', () => {
    const found = scan(
      'fever with back pain, and now I cannot control my bladder; it has been getting worse',
    );
    expect(found.tier).toBe('emergency');
    expect(found.findings.map((f) => f.tier)).toEqual(
      [...found.findings.map((f) => f.tier)].sort((a, b) => TIER_ORDER.indexOf(a) - TIER_ORDER.indexOf(b)),
    );
    expect(new Set(found.findings.map((f) => f.tier))).toEqual(new Set(['emergency', 'urgent', 'gp']));
  });

  it('a negation reaches only its own clause', () => {
    expectTier('no fever, but I cannot feel my groin', 'emergency');
    expectTier("I don't have numbness. I have lost control of my bowels", 'emergency');
  });

  it('reports each sign in the words of content/red-flags.ts', () => {
    const found = scan('I have a fever and leaking urine');
    const signs = TIER_ORDER.flatMap((id) => redFlagTiers[id].groups.flatMap((g) => g.signs));
    expect(found.findings.length).toBeGreaterThan(0);
    for (const f of found.findings) expect(signs).toContain(f.sign);
  });

  it('every rule names a sign of its own tier in the content module, except the infection concept, which names none', () => {
    const rules = [...RED_FLAG_RULES, ...COMBINED_RULES];
    expect(rules.filter((r) => r.sign === '').map((r) => r.id)).toEqual(['infection']);
    for (const rule of rules.filter((r) => r.sign !== '')) {
      const sign = contentSign(rule.sign);
      expect(sign, rule.id).toBeDefined();
      const tierSigns = redFlagTiers[rule.tier].groups.flatMap((g) => g.signs);
      expect(tierSigns, rule.id).toContain(sign);
    }
  });

  it('an anchored rule never skips a question it would match: each match holds an anchor', () => {
    const fixtures = resolve(import.meta.dirname, '../fixtures');
    const corpus = [
      ...[EMERGENCY, URGENT, GP].flatMap((tier) => Object.values(tier).flat()),
      ...NOT_A_RED_FLAG,
      ...readdirSync(fixtures)
        .filter((f) => f.endsWith('.tsv'))
        .flatMap((f) => readFileSync(resolve(fixtures, f), 'utf8').split('\n').slice(1))
        .map((line) => line.split('\t')[0] ?? ''),
    ].map((q) => repairSafetyWords(normalizeQuestion(q)));
    let matches = 0;
    for (const rule of RED_FLAG_RULES.filter((r) => r.anchors)) {
      for (const text of corpus) {
        for (const m of text.matchAll(rule.pattern)) {
          matches++;
          expect(
            rule.anchors?.some((a) => m[0].includes(a)),
            `${rule.id}: "${m[0]}"`,
          ).toBe(true);
        }
      }
    }
    expect(matches).toBeGreaterThan(50);
  });

  it('every emergency and urgent sign of the content module has a rule', () => {
    const covered = new Set(
      [...RED_FLAG_RULES, ...COMBINED_RULES].filter((r) => r.sign !== '').map((r) => contentSign(r.sign)),
    );
    for (const id of ['emergency', 'urgent'] as const) {
      for (const sign of redFlagTiers[id].groups.flatMap((g) => g.signs))
        expect(covered, sign).toContain(sign);
    }
  });
});

/**
 * Each clinical concept of red-flags.md in the everyday words people use for it (slang, typos,
 * long stories), and the same signs denied.
 */
const CONCEPT_WORDINGS: Record<string, readonly [string, 'emergency' | 'urgent'][]> = {
  'cauda equina': [
    ["my back is killing me and I'm numb down below", 'emergency'],
    ['sciatica and it feels numb in my bum', 'emergency'],
    ['I noticed my saddle area had gone numb after a week of sciatica', 'emergency'],
    ['the numbness spread to my entire groin and right butt cheek', 'emergency'],
    ["I couldn't make it to the toilet last night, my back is agony", 'emergency'],
    ["I can't pee unless I push, lower back pain for a week", 'emergency'],
    ['there was no bladder control at that time, after my worst back episode', 'emergency'],
    ["I couldn't tell when I needed to pee, and my back went", 'emergency'],
    ['burning pain down both legs from my lower back', 'emergency'],
    ['my back and legs hurt and I am scared', 'emergency'],
    ['very slight numbing around the buttox and grion since I hurt my back', 'emergency'],
    ['back pain and my pee is weird, it dribbles', 'emergency'],
    ['back pain and i keep leaking', 'emergency'],
    ['back pain and my wee wont start', 'emergency'],
    ["haven't peed all day and my back is agony", 'emergency'],
    ['back pain and i cant feel when i need a poo', 'emergency'],
    ['i keep peeing myself, back pain', 'emergency'],
    ['my fanny is numb and my back is agony', 'emergency'],
    ['my willy feels numb and my back hurts', 'emergency'],
    ['i cant feel myself when i go to the loo and my back hurts', 'emergency'],
    ['my back pain is so bad my legs have gone dead', 'emergency'],
    ['siatica down both legs and my back is killing me', 'emergency'],
    ['MY BACK IS KILLING ME AND MY BUM IS NUMB', 'emergency'],
  ],
  'chest pain': [
    ['a pain that goes through my chest and out my back', 'emergency'],
    ['sharp pains in the right side of my chest and lower half of my back', 'emergency'],
    ['when i lay down to sleep my hearts starts paining, i also have lower back pain', 'emergency'],
    ['every now and then im suffering backpain and chestpain', 'emergency'],
  ],
  'accident or fall': [
    ['I hit the ground on my back when the horse threw me', 'emergency'],
    ['I slammed down so hard on my tailbone that I could not get up', 'emergency'],
    ['my husband fell off a ladder and his back is in constant severe pain', 'emergency'],
    ['I was thrown onto my tail bone at judo and it still hurts', 'emergency'],
    ['I collapsed in the kitchen and now my back is agony', 'emergency'],
    ['i was rear ended yesterday and my back is killing me', 'emergency'],
    ['car wreck last week, lower back pain', 'emergency'],
    ['my elderly dad took a tumble and now his hip hurts', 'emergency'],
    ['she slipped in the shower and hurt her back', 'emergency'],
    ['my nan fell over in the garden and landed on her side, she is in a lot of pain', 'emergency'],
    ['I managed to fall from a ladder and my back is in agony', 'emergency'],
    ['I was doing handstands and I lost balance, my back made a major crack sound', 'emergency'],
  ],
  'broken hip': [
    ['suddenly she broke her hip and could not move', 'emergency'],
    ["my mum fell in the kitchen and now can't stand up, her leg looks turned out", 'emergency'],
  ],
  'sudden severe hip pain': [
    ['last night I woke up with a sharp pain in my left hip and groin, no injury', 'emergency'],
    ['hip suddenly agony this morning, no injury', 'emergency'],
    ['I woke up with excruciating pain deep in my left hip and groin, like a knife', 'emergency'],
  ],
  'infected joint': [
    ['my hip is red hot and swollen and I feel shivery', 'emergency'],
    ['my toe joint has been hit by a hammer and has swollen up, the sheets hurt it', 'urgent'],
  ],
  fever: [
    ["my back aches and I've had night sweats and feel run down", 'urgent'],
    ['my lower back was killing me and my temperature was 102.5', 'urgent'],
    ['my back hurts more than ever and I am feeling super cold and shivering', 'urgent'],
    ['my back hurts and i have been sweating buckets at night', 'urgent'],
    ['lower back ache and I wake up drenched in sweat', 'urgent'],
    ['my back hurts and i am burning up', 'urgent'],
  ],
  'cancer or weight loss': [
    ['lost 8 kg without trying and my back hurts', 'urgent'],
    ["I'm getting thinner and lost 5 kg though I eat a lot, and my back and ribs ache", 'urgent'],
    ['I have myeloma and my back pain is new', 'urgent'],
    ['I have been in remission for two years and now my lower back aches all the time', 'urgent'],
    ['my clothes are hanging off me and my back aches', 'urgent'],
    ['my trousers are really hanging off me and my lower back aches every day', 'urgent'],
    [
      "I haven't been trying to lose weight, eating same as always, and my back has ached for weeks",
      'urgent',
    ],
    ['back pain, i have secondaries in my bones', 'urgent'],
  ],
  'lump or change of shape': [
    ['there is a bump on my spine that hurts', 'urgent'],
    ['a dime-sized knot on the lower mid-back that causes pain', 'urgent'],
    ['my back is a funny shape now and it hurts', 'urgent'],
    ['some swelling in the middle of my lower spine and it aches', 'urgent'],
    ['I have a Lipoma on my back, should it be hurting as much as it does?', 'urgent'],
    ['I recently developed curvature of the spine, could the Cymbalta cause it?', 'urgent'],
    ['my back pain got worse and I have lost two inches in height', 'urgent'],
  ],
  'night pain or not eased by rest': [
    ['my back pain got worse and worse at night and nothing eases it', 'urgent'],
    ['I have hip pain at night that wakes me', 'urgent'],
    ['rest failed to help and the pain continued to worsen, particularly at night', 'urgent'],
    ['my lower back pain is constant, even lying still', 'urgent'],
    ['back pain at night that stops me sleeping', 'urgent'],
    ['my hip and back hurt, and night time is the worst, I cant rest', 'urgent'],
    ['my lower back hurts every night and I get up screaming', 'urgent'],
    ['I get back pain especially when I lay down for long period of time like at night', 'urgent'],
    // Night pain told as a plain fact, and pain that never lets up (tests/fixtures/real/dev.tsv).
    ['By this time, my hip was hurting at night in bed.', 'urgent'],
    [
      'every night when I went to bed, my left leg would throb like a toothache all from my hip to my ankle',
      'urgent',
    ],
    ['My right leg hurts, 24/7. The pain radiates from my hip, through my thigh, down to my toes.', 'urgent'],
    [
      'As I sit in comfort, I am more aware than ever of how close I am to surgery on my hip. When I stop to relax, I really hurt.',
      'urgent',
    ],
    ["it didn't matter if I was active or still, my hip and leg always seemed to ache", 'urgent'],
  ],
  'upper back': [
    ['pressure on my right shoulder blade like I need to crack it', 'urgent'],
    ['a sharp pain between my left scapula and spine', 'urgent'],
    ['i have a back pain in upper left back while breathing', 'urgent'],
    ['I got a sharp pain in my back, near where my ribs meet my spine', 'urgent'],
    ['I have been experiencing sharp pain in the mid point of my back, right next to my spine?', 'urgent'],
    ['she is suffering from severe back pain, thoracolumbar area', 'urgent'],
    // Both the low and the mid back hurt: the mid back counts.
    ['low and mid back pain since Monday', 'urgent'],
  ],
};

const DENIED = [
  'no pain when I pass urine, just back ache',
  'no numbness down below and my bladder is fine, only a sore back',
  'back pain, no fever, no weight loss, no history of cancer',
  'lower back pain with my bladder fine and no numbness',
  'does losing weight help back pain',
  'my jeans are not loose at all, my lower back just aches after the gym',
  'losing weight and stretching helped my back a lot',
  'I ride a horse at a canter and my back gets sore',
  'what about falling off the bike after my hip operation?',
  'something heavy fell on my lower back yesterday, what should I do to reduce the pain?',
  'my back has hurt since a car accident years ago',
  // An accident or fall told as long past is the history of the pain (tests/fixtures/real/dev.tsv).
  'Slipped on ice 5 years back, fell right on my tailbone, and my lower back has hurt ever since',
  'back in 2009 I fell off a ladder, and my lower back is stiff most mornings',
  'I seem to get pain in my lower-mid back whenever i row for more than 30 minutes',
  'Pain experienced lower to mid back, and it is worse after sitting',
  'the pain shoots down my leg when I sit',
  // A figure of speech, a tumble that is not a fall, and the early hours of a shift.
  'my back feels like i got run over by a truck',
  'woke up feeling like i was run over by a bus, whole back aches',
  'i tumble down easily because of dizziness, does that hurt my back',
  'my back hurts in the early hours of my shift',
  // An old accident beside words of now that tell of the pain, not of a new accident.
  'i just want to know if my old car accident from years ago causes this back pain',
  'had an accident in 2018 and just recently my back got worse',
  'i was in a car accident 3 years ago, this morning my back locked up',
  'i was in a car accident years ago and my back hurts today',
  'the pain in my lower back goes down to my leg',
  'I woke up crying this morning, my back hurts',
  'my lower back hurts when I take the washing out of the tumble dryer',
  'how can I sleep better so I do not wake up with back pain',
  'does crossing my legs cause hip pain',
  'my back hurts but my pee is normal and I can feel everything down there',
  'I sweat a lot at the gym and my back is sore after squats',
  'even sitting down was agony for a week after I lifted the sofa',
  'the shape of my pillow makes my back hurt',
  'I have a collapsed disc in my lower back, which exercises help',
  'my lupus is in remission and my back aches after gardening',
  'I am a nervous wreck about my back pain',
  'my jeans feel loose at the waist since I started running, and my hip is sore',
  'I have had scoliosis since I was 12, the curve of my spine has not changed, which stretches help my lower back',
  'my heart is fine, my lower back hurts after gardening',
  'I sleep on my back every night, is that good for my hips',
  // "fall" the season is no fall (tests/fixtures/real/dev.tsv).
  'By the fall of that same year, there were days that the pain in my lower back was so excruciating',
  'in the fall of 2006 my lower back started to ache after gardening',
  // Night pain asked about, not told; rest that eases the pain; a collision that is no accident.
  'which pillow helps hip pain at night when I sleep on my side',
  'why does my hip hurt at night',
  'what can I take for hip pain at night',
  'how do I stop back pain at night',
  'does hip arthritis hurt more when walking or resting?',
  'When I rest the pain goes away, my back is just stiff',
  'if I rest, the pain eases in my hip',
  'my lower back hurts after gardening but when I rest, the pain is gone',
  'my lower back, when I rest, it only hurts when I lift',
  'I work 24/7 and my back hurts',
  'I do my stretches day and night and my back still hurts a bit',
  'should I stay active or not with sciatica',
  'I ran into my physio yesterday and she said my back pain is muscular',
  'I slammed into my desk chair and now my back hurts',
  'pain in my lower back, in the spine just below my ribs',
  'my MRI was negative for infection in the spine, just a bulging disc',
  'no infection in my hip, the surgeon says it is arthritis',
  // An infection somewhere else beside hip pain; "last fall" the season; "back" in another sense.
  'infected tooth and hip pain',
  'I have a wound infection on my foot and hip pain',
  'hip pain since my covid infection',
  'I was digging out the septic tank and now my hip hurts',
  'Since last fall I have had lower back pain',
  'last fall I started having sciatica',
  'I have had a high fever for two days and it really gets my back up that the GP will not see me',
  'I have a high fever since eating flank steak at a barbecue',
  'I had a fever and my sister turned her back to me',
  'infection in my toe, hip hurts',
  'an infection in my ear since hip surgery',
  'my hips and infections keep bothering me',
  'next fall I want to start running, my hip is fine now',
  'what worries me is the high likelihood of getting a fractured femur during my hip replacement',
  'I am scared of breaking my hip again',
  'my back hurts from the waist down when I stand',
  // A fall long ago, dated by its month; "the lower middle part of my back" is the lower back.
  'I joined the sciatica club in December 2008 with a fall on a snowy street, and my back still hurts.',
  'I immediately felt a tweak in the lower middle part of my back',
  'I ran downhill with a 300 foot drop in elevation and my hip hurts',
  // An apostrophe typed as a space still makes a denial.
  'I don t have any numbness down there, my back just aches',
  'my lower back is sore, I didn,t fall',
  // An MRI sequence is not a thoracic level; no fall, or one long ago, and "can't walk far".
  'MRI: T2 weighted images show a bulge at L4, T1/T2 hyperintense signal in the S1 vertebra',
  'I have not fallen or been injured, but some mornings I cannot stand fully upright',
  'misdiagnosed with a slipped disc, now I can barely stand',
  'Slipped on ice 5 years back, and it has been 5 years of back pain, I cannot walk far',
];

/** Wordings from real messages, each with the rule that must find it (not just some rule of its tier). */
const FOUND_BY: readonly (readonly [string, string])[] = [
  [
    'I have been diagnosed with sepsis of my total hip joint replacement. Please advice what medicine I can take',
    'infection',
  ],
  [
    'she is now suspected to have a TB infection in the spine. The MRI revealed an abscess with a pus collection in it',
    'infection',
  ],
  ['I think I have an infection in my lower back', 'infection'],
  ['they ruled out a fracture but found an infection in my spine', 'infection'],
  ['my x-ray was negative but the surgeon says the hip replacement is infected', 'infection'],
  ['I was told I have discitis', 'infection'],
  ['I contracted a spinal infection and 3 operations later I have a damaged spine', 'infection'],
  // Night pain told inside a question, rest that does not ease it.
  ['Is it normal that my hip hurts so much at night that I cry?', 'pain-at-night'],
  ['does anyone else get back pain at night that wakes them up', 'pain-at-night'],
  ['Are my symptoms serious, back pain 24/7 for 3 weeks', 'pain-at-night'],
  ['when I rest the pain hardly eases', 'pain-at-night'],
  ['when I rest the pain still goes on for hours', 'pain-at-night'],
  ['when I relax the pain goes through the roof', 'pain-at-night'],
  ['this fall has left me with terrible back pain', 'accident-or-fall'],
  ['the infection has spread to my spine', 'infection'],
  ['my prosthetic hip joint has an infection', 'infection'],
  ['there is an abscess in my back', 'infection'],
  ['spinal TB', 'infection'],
  ['my back surgery wound is infected', 'infection'],
  ['because of this fall my hip hurts so much', 'accident-or-fall'],
  ['ever since last fall on the ice my back has hurt', 'accident-or-fall'],
  ['I was ice skating, this fall i hurt my back badly', 'accident-or-fall'],
  ['How bad is it that my hip hurts at night', 'pain-at-night'],
  ['How can I sleep when my back hurts this much at night', 'pain-at-night'],
  ['my back hurts at night, I tried a new mattress but nothing helps', 'pain-at-night'],
  ['it hurts when active or still', 'pain-at-night'],
  ['when I lie still the pain goes into my leg', 'pain-at-night'],
  ['my lower back: when I rest it only hurts more', 'pain-at-night'],
  ['my hip, when I lie still it gets worse and worse', 'pain-at-night'],
  // A probe of everyday wordings of every sign (written for these tests, like a patient on a forum).
  ['the shooting pain used to be one side now its both sides, getting worse every day', 'both-legs'],
  ['my right leg had sciatica and now my left leg has it too', 'both-legs'],
  ['pain between my shoulders and a tight crushing feeling in my chest', 'chest-pain'],
  ['my son came off his motorbike and says his back is really sore', 'accident-or-fall'],
  ["took a nasty tumble down the stairs and my back's been bad since", 'accident-or-fall'],
  ['woke up with agonising hip pain, no injury, can hardly move', 'sudden-severe'],
  ['my hip just suddenly went and the pain is 10/10, didnt fall or anything', 'sudden-severe'],
  ["my husband's back pain is worst in the middle of the night", 'night-or-rest'],
  ['my wife has pain high up in her back near her neck', 'top-of-back'],
  ['my back hurts up top between the shoulders, lower is fine', 'top-of-back'],
  ['she wet herself and her back is agony', 'bladder-bowel'],
  ['By this time, my hip was hurting at night in bed.', 'pain-at-night'],
  ['My right leg hurts, 24/7. The pain radiates from my hip.', 'pain-at-night'],
  ['When I stop to relax, I really hurt. My hip is bad.', 'pain-at-night'],
  ['my back hurts when I go to bed', 'pain-at-night'],
  ['I got a sharp pain in my back, near where my ribs meet my spine', 'top-of-back'],
  ['she is suffering from severe back pain, thoracolumbar area', 'top-of-back'],
  ['a truck plowed into the back of my little red car and my back hurts', 'accident-or-fall'],
  ['since that fall my hip hurts when I walk', 'accident-or-fall'],
  ['since my last fall my hip hurts', 'accident-or-fall'],
  ['I had a fall of the ladder and my back hurts', 'accident-or-fall'],
  ['after the fall of 2 metres my back hurts', 'accident-or-fall'],
  // Batch 11 of real messages (dev part).
  [
    'yesterday she slipped as she tried to get into a chair and broke her femur. Now she is in pain',
    'broken-femur',
  ],
  // Batch 12 of real messages (dev part).
  [
    "The diagnosis of arthritic stenosis stands. At least it explains why my legs wouldn't work.",
    'both-legs',
  ],
  ['Tuesday and Wednesday came and lower body was losing more control.', 'both-legs'],
  [
    "that's a four metre drop whilst on my knees onto what seems like concrete. it hurt like hell (little did I know but I had prolapsed my L4/L5 Disc)",
    'accident-or-fall',
  ],
  // A fourth review.
  ['my dad got hit by a car on his bike this morning and now he cant stand', 'accident-or-fall'],
  ['I urinated on the sofa and didnt even know, my back has been bad all week', 'bladder-bowel'],
  // Cross-validated misses of dev.tsv, in the writers' words.
  [
    'I am just now starting to have problems with hip pain. It is very painful at night because I sleep on my side.',
    'pain-at-night',
  ],
  ['I hurt in my hips in the morning. and night time is the wrose. I can t sleep.', 'night-or-rest'],
  ['Last night I cried out in bed. It was because of the pain of middle age arthritis.', 'night-or-rest'],
  [
    'The past few days my back has been getting worse, this is with rest and absolutely no riding of any kind.',
    'night-or-rest',
  ],
  ['I have low back pain with bilateral hiop and leg pain to the knees for several years.', 'both-legs'],
  ['The marble-sized lump is just above my right kidney.', 'lump-or-shape'],
  ['the backaches are back with a vengeance, pain in my upper and lower back', 'top-of-back'],
  // Batch 10 of real messages (dev part), in the writers' words.
  ['Recently found out that I have managed to fracture T7 & T8 vertebrae.', 'top-of-back'],
  [
    'I landed on my useless tailbone and bounce, bounce, bounce...down the stairs, I went.',
    'accident-or-fall',
  ],
  [
    "I tripped on an extension cord, went down, missed the rubber mats I stand on, and landed on the concrete. I couldn't get up.",
    'accident-or-fall',
  ],
  [
    'Then came Thursday when I fell down a flight of stairs. I fell hard on my right side.',
    'accident-or-fall',
  ],
  [
    'grazes and bruises mainly, and some hip pain. I hadn’t even got as far as the chicanes when I stopped being able to walk.',
    'cannot-stand-after-injury',
  ],
  // Batch 6 of real messages (tests/fixtures/real/dev.tsv), in the writers' words.
  [
    'Last week my tumble down the stairs did quite the number on me. Sitting, rolling over in bed and raising my legs too high hurt.',
    'accident-or-fall',
  ],
  ['I was run over by a car four months ago. I have constant pain shoot up to my hip.', 'accident-or-fall'],
  // A fall this year, or yesterday beside an old one, is no old injury.
  ['i fell down the stairs in 2026 and my back hurts', 'accident-or-fall'],
  ['two years back i had surgery, yesterday i fell off a ladder and my back hurts', 'accident-or-fall'],
  ['a few years back i hurt my back, last night i slipped on ice and landed on my back', 'accident-or-fall'],
  ['i feel like i was hit by a bus: a car hit me yesterday and my back hurts', 'accident-or-fall'],
  // A second review: a recent accident told beside a figure of speech, a tumble or an old one.
  ['feeling like crap since i was hit by a car on monday, lower back agony', 'accident-or-fall'],
  ['it looks like i was run over by a car yesterday my hip is black and blue', 'accident-or-fall'],
  ['little tumble down the steps today, hip aching', 'accident-or-fall'],
  ['tumble down the stairs yesterday and my back hurts', 'accident-or-fall'],
  ['i fell off a ladder 2 weeks ago, and a car accident years ago, my back hurts', 'accident-or-fall'],
  ['fell off my horse last weekend, chronic back pain before that', 'accident-or-fall'],
  ['car hit me yesterday and my back hurts', 'accident-or-fall'],
  ['back pain is worse in the early hours of the day', 'night-or-rest'],
  // Batch 7 of real messages (tests/fixtures/real/dev.tsv).
  ['no over-the-counter pain killers help, it radiates to my sides and down to my legs', 'both-legs'],
  [
    'Many nights I woke up crying and unable to move, in pain. My lower back is the problem.',
    'pain-at-night',
  ],
  ['my lower back gets really bad after running, and begins to spike down my legs when sitting', 'both-legs'],
  [
    'It is a low back pain radiating into my hips. It comes on mainly in the early hours of the morning.',
    'night-or-rest',
  ],
  // "back in the night" is still the back: the fever counts.
  [
    'a burning pain in my back in the night, with a high fever and shaking chills, for two days now and not getting any better since Monday',
    'fever',
  ],
  // Dev misses of the December 3 sixth session: the whole lower body, a broken bone in the hip, a knee landing.
  [
    'I felt a lot of pain in the lower limbs. I could not feel the lower portion of my body and had to call someone.',
    'both-legs',
  ],
  ['went numb from the waist down and my back is killing me', 'both-legs'],
  ['weakness in the lower half of my body since this morning, back pain too', 'both-legs'],
  ['my back hurts and I cant feel anything below my waist', 'both-legs'],
  ['"It looks to me that you may have broken a bone in your hip," my physician said.', 'cannot-bear-weight'],
  ['my mum fractured the neck of femur last week', 'cannot-bear-weight'],
  ['she fractured the neck of her femur and her hip is agony', 'cannot-bear-weight'],
  [
    'I wiped out and landed hard on my knee and hip, and realized I could not move my left leg',
    'accident-or-fall',
  ],
  // A current sign told beside a past episode that is over.
  ['had surgery in 2015, been fine since, but now my bum is numb and my back hurts', 'saddle-numbness'],
  ['had saddle numbness in 2015, fully recovered. Now it has come back with my back pain', 'saddle-numbness'],
  ['had breast cancer in 2015, all clear since, now new back pain', 'cancer'],
  [
    'years ago my back pain woke me in the night, physio fixed it, but now it wakes me again',
    'night-or-rest',
  ],
  // A denial reaches only its own clause.
  ['no fever, but my hip is hot and swollen', 'hot-swollen'],
];

/** Real messages that name a red-flag word but are not about the back or hip (red-flags.md: "back pain with ..."). */
const OTHER_SUBJECT = [
  'I was six months pregnant and the baby pushed on my bladder, giving me stress and urge incontinence, so I wet myself when I coughed',
  'i have lymphoma what causes cramp after chemo treatment',
  'i have very bad tightness in the chest and I just started on patches to quit smoking, is it my asthma or the patches?',
  'I tripped on a pillow and hit my left arm on the dresser as I fell, and it is still swollen a month later',
  'my father had a mild heart attack back in 1996 and is on heart medication',
  'I had a road accident and fractured my right thumb three weeks back, when can I lift again',
  'My ankle and foot are swollen, will it or meds affect my lumbar surgery next month?',
];

describe('red-flag concepts in everyday words', () => {
  describe.each(Object.entries(CONCEPT_WORDINGS))('%s', (_concept, cases) => {
    it.each(cases)('"%s" is %s', (q, tier) => expectTier(q, tier));
  });

  it.each(DENIED)('"%s" is no emergency or urgent sign', (q) => {
    expect(
      scan(q).findings.filter((f) => f.tier !== 'gp'),
      q,
    ).toEqual([]);
  });

  it.each(OTHER_SUBJECT)('"%s" is about something else, so no red flag', (q) => {
    expect(
      scan(q).findings.filter((f) => f.tier !== 'gp'),
      q,
    ).toEqual([]);
  });

  it.each(FOUND_BY)('"%s" is found by %s', (q, rule) => {
    expect(scan(q).findings.map((f) => f.rule)).toContain(rule);
  });

  it('the same sign with back pain is a red flag', () => {
    expectTier('i have lymphoma and new back pain', 'urgent');
    expectTier('tightness in the chest and my back hurts', 'emergency');
  });
});

describe('self-harm detector', () => {
  it.each([
    'I want to kill myself',
    'I feel suicidal because of the pain',
    "I don't want to live like this anymore",
    'thinking about ending my life',
    'I want to die, my back hurts so much',
    'I have been self harming',
    'I want to hurt myself',
  ])('"%s" is self-harm wording', (q) => expect(scan(q).selfHarm).toBe(true));

  it.each([
    'I hurt myself lifting a box',
    'this back pain is killing me',
    'I am not suicidal, just fed up with sciatica',
    'can I die from sciatica',
  ])('"%s" is not', (q) => expect(scan(q).selfHarm).toBe(false));
});

/**
 * A probe of every emergency and urgent sign in the words people use on Discord (slang, typos,
 * non-native English, a parent or an elderly relative, long stories), written for these tests by a
 * helper who had not seen the detector: 10 that tell the sign and 4 that do not per sign. `either`
 * marks a general question about a sign ("is a hot swollen hip always an infection?"), for which the
 * warning signs are a fair answer.
 */
const PROBE = fixtureLines('red-flag-probe.tsv').map(
  (line) => line.split('\t') as [string, 'flag' | 'quiet' | 'either', string, string],
);

/** Non-signs of the probe the concepts still take for signs: past episodes, mostly (see below). */
const QUIET_MISSES = 16;

describe('red-flag probe (tests/fixtures/red-flag-probe.tsv)', () => {
  it.each(PROBE.filter(([, expect]) => expect === 'flag'))(
    '"%s" leads with the warning signs (%s, %s, %s)',
    (text) => {
      expect(ask(text).ranking[0]).toBe('urgent');
    },
  );

  // Denials ("no numbness, bladder fine") and figures of speech keep the concepts quiet. A past
  // episode told as over ("had saddle numbness in 2015, fully recovered since") does not: a check for
  // it hid current signs told beside an old one ("now I can't control my bladder, I had a
  // laminectomy in 2016 and recovered fully"), and recall comes first. Nor does someone else's story
  // or a general question.
  it('raises no emergency or urgent concept for at least 25 of the 41 non-signs', () => {
    const quiet = PROBE.filter(([, expect]) => expect === 'quiet').map(([text]) => text);
    const raised = quiet.filter((text) => scan(text).findings.some((f) => f.tier !== 'gp'));
    expect(raised.length, raised.join('\n')).toBeLessThanOrEqual(QUIET_MISSES);
  });
});

/**
 * Two more probes, each by a helper who had seen neither the detector nor the probes before: 8 (second
 * probe) or 10 (third) messages per sign that tell it, 4 or 5 that do not. Each was held out for one
 * measurement (101 of 112 and 117 of 140 signs found), then its misses were fixed (a sudden hip pain
 * "so painful she's crying", "a mess in my pants", "resting flat and the pain hasn't budged", "struck
 * by a severe pain in my hip", "me taint's gone all pins and needles", ...). Their non-signs are mostly
 * someone else's story, a figure of speech or a past episode, which the concepts do not tell apart
 * (recall first); the bound is how many lead with the warning signs today.
 */
describe.each([
  ['red-flag-probe-2.tsv', 42],
  ['red-flag-probe-3.tsv', 34],
])('red-flag probe tests/fixtures/%s', (file, quietMisses) => {
  const probe = fixtureLines(file).map((line) => line.split('\t') as [string, string, string, string]);

  it.each(probe.filter(([, expect]) => expect === 'flag'))(
    '"%s" leads with the warning signs (%s, %s, %s)',
    (text) => {
      expect(ask(text).ranking[0]).toBe('urgent');
    },
  );

  it(`leads with the warning signs for at most ${quietMisses} of its non-signs`, () => {
    const quiet = probe.filter(([, expect]) => expect === 'quiet').map(([text]) => text);
    const raised = quiet.filter((text) => ask(text).ranking[0] === 'urgent');
    expect(raised.length, raised.join('\n')).toBeLessThanOrEqual(quietMisses);
  });
});

/**
 * Current signs written by a reviewer to attack checks since removed (a denial of something else, a
 * past episode beside a current sign, "if", "ever", "fine since", "recovered"): the warning signs must
 * lead through a concept, not only through the learnt net. One is still missed ("sudden pain in my
 * hip, no joke agonising": the severity is too far from "sudden").
 */
const REVIEW = fixtureLines('red-flag-review.tsv');
const REVIEW_MISSES = 1;
/**
 * A second review's messages (tests/fixtures/red-flag-review-2.tsv), written to find current signs
 * the session's changes lost against the code before them: none is lost. Through a concept, 228 of
 * 245 lead with the warning signs (218 before the changes); the rest are told far from their body part
 * ("both legs, no strength in them at all"), beside a denial ("nothing touches it at night"), or are
 * not signs ("my hip hurts").
 */
const REVIEW_2 = fixtureLines('red-flag-review-2.tsv');
const REVIEW_2_MISSES = 17;

/** A review's messages: current signs (F) and messages that are not signs (Q). */
function reviewed(file: string): { signs: string[]; nonSigns: string[] } {
  const rows = fixtureLines(file).map((line) => line.split('\t') as [string, 'F' | 'Q']);
  return {
    signs: rows.filter(([, kind]) => kind === 'F').map(([text]) => text),
    nonSigns: rows.filter(([, kind]) => kind === 'Q').map(([text]) => text),
  };
}

const warnsFirst = (text: string): boolean => ask(text).ranking[0] === 'urgent';

/**
 * A third review (tests/fixtures/red-flag-review-3.tsv), aimed at what the seventh session narrowed:
 * sudden severe pain that names no hip ("sudden agonising pain in my left glute"), the pregnancy veto
 * of bladder signs, falls told without "fall" ("found my gran on the floor"), thoracic levels. Against
 * the session's start 82 of 143 signs led with the warning signs, after the first version of the
 * change 77; now all but 4 do (told more than 14 words from the suddenness, or beside an old injury).
 * Of its 53 non-signs at most 7 are raised (46 at the start).
 */
const REVIEW_3 = reviewed('red-flag-review-3.tsv');

describe('third red-flag review (tests/fixtures/red-flag-review-3.tsv)', () => {
  it('leads with the warning signs for all but 4 of its current signs', () => {
    const missed = REVIEW_3.signs.filter((text) => !warnsFirst(text));
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(4);
  });

  it('raises at most 7 of its 53 non-signs', () => {
    const raised = REVIEW_3.nonSigns.filter(warnsFirst);
    expect(raised.length, raised.join('\n')).toBeLessThanOrEqual(7);
  });
});

/**
 * A fourth review (tests/fixtures/red-flag-review-4.tsv) attacked a guard that kept English words out
 * of the typo repair ("towel" is not "bowel"): people type "bowls", "groan", "all of a sodden", "a
 * high temperate" and "continence problems" for the sign, and the guard lost 29 of its 81 signs. The
 * guard was removed; now all but one lead with the warning signs (a fall "in june 2008 and again last
 * night", told too far apart).
 */
const REVIEW_4 = reviewed('red-flag-review-4.tsv');

describe('fourth red-flag review (tests/fixtures/red-flag-review-4.tsv)', () => {
  it('leads with the warning signs for all but 1 of its current signs, typos that are words included', () => {
    const missed = REVIEW_4.signs.filter((text) => !warnsFirst(text));
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(1);
  });
});

/** Everyday words near a sign's words that are not the sign (from the first review). */
const NOT_A_SIGN = [
  "I have random back pain, it's really bad some days",
  'sometimes I get a random really bad twinge in my hip when I turn',
  'my kids were screaming and suddenly I twisted my back lifting one, now it aches',
  'my hip randomly clicks, feels really strong after physio though',
  "I'm a heavy smoker, chest x-ray was clear, just lower back pain from sitting",
  'both my legs feel rubbery after the squat session and my lower back is sore',
  'my weight ballooned after pregnancy and now my hips hurt',
  'I broke my femur when I was 12 and now my hip hurts when I run',
  'my temp was 99 this morning, back is stiff',
  'I stacked it up on the shelf and my back twinged',
  "I've been resting for 2 days like the doctor said and it's not got better yet, is that normal for a pulled muscle?",
  'my bra strap digs in and my shoulders ache',
  "I've had a fever and chills for three days and my GP backs the flu theory, should I rest?",
];

/** Whether /ask leads with the warning signs because a concept found a sign, not only the learnt net. */
function ledByAConcept(text: string): boolean {
  const result = ask(text);
  return (
    result.ranking[0] === 'urgent' && result.findings.some((f) => f.tier !== 'gp' && f.rule !== LEARNED_RULE)
  );
}

describe('red-flag review (tests/fixtures/red-flag-review.tsv)', () => {
  it('leads with the warning signs through a concept for the current signs', () => {
    const missed = REVIEW.filter((text) => !ledByAConcept(text));
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(REVIEW_MISSES);
  });

  it('leads with the warning signs through a concept for the current signs of the second review', () => {
    const missed = REVIEW_2.filter((text) => !ledByAConcept(text));
    expect(missed.length, missed.join('\n')).toBeLessThanOrEqual(REVIEW_2_MISSES);
  });

  it.each(NOT_A_SIGN)('"%s" is no emergency or urgent sign', (text) => {
    expect(scan(text).findings.filter((f) => f.tier !== 'gp')).toEqual([]);
  });
});
