import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_TOPIC_IDS, type TopicId } from '../../content/index.js';
import { ask, SHOWN_TOPICS } from '../../src/ask/answer.js';
import { evaluate, parseEvalFile } from '../../src/ask/evaluate.js';

/** Questions written for these tests, one or more per topic, in the words people use. */
const BY_TOPIC: Record<Exclude<TopicId, 'urgent'>, readonly string[]> = {
  connection: ['does a bad hip give you back pain as well', 'hip and lower back pain at once, is it linked'],
  'cause:muscle-strain': ['I tweaked my back carrying shopping', 'sprained my hip dancing'],
  'cause:sciatica': ['pain like an electric shock down my leg', 'sciatica explained'],
  'cause:arthritis': ['wear and tear in my hips', 'is osteoarthritis why my hip hurts'],
  'cause:herniated-disc': ['what is a slipped disk', 'ruptured disc in my spine'],
  'cause:posture': ['does slumping on the couch cause back pain', 'my posture is awful, is that the cause'],
  'tip:exercise': ['is pilates good for hip pain', 'what stretches help a stiff back'],
  'tip:posture': ['how do I set up my chair to protect my back', 'how to improve posture'],
  'tip:heat-ice': ['hot water bottle or ice pack for my hip', 'does heat help sciatica'],
  'tip:physical-therapy': ['would physiotherapy help my back'],
  'tip:alternative-therapies': ['does acupuncture help hips', 'is a chiropractor worth it for my back'],
  'treatment:medications': [
    'what painkillers help back pain',
    'can I take naproxen for my hip',
    // A drug named by its own name, generic or brand, and nothing else.
    'Are there any side affects from using Robaxin?',
    'is gabapentin good for sciatica',
    'Cyclobenzaprine?',
  ],
  'treatment:injections': ['what is a cortisone shot', 'steroid jab in the hip'],
  'treatment:surgery': ['when is a hip replacement needed', 'is spinal surgery worth it'],
  'treatment:physical-therapy': ['physical therapist for hip pain'],
  provider: ['when should I see a GP about my back', 'do I need a doctor for this hip pain'],
};
const PHYSICAL_THERAPY: readonly TopicId[] = ['tip:physical-therapy', 'treatment:physical-therapy'];

describe('/ask ranking', () => {
  describe.each(Object.entries(BY_TOPIC))('%s', (topic, questions) => {
    it.each(questions)('"%s" is answered with it', (q) => {
      const result = ask(q);
      expect(result.kind).toBe('answer');
      const accepted = PHYSICAL_THERAPY.includes(topic as TopicId) ? PHYSICAL_THERAPY : [topic];
      expect(accepted).toContain(result.ranking[0]);
    });
  });

  it('a red flag puts urgent first, then the topic the question is about', () => {
    const result = ask('I have a slipped disc and now I cannot control my bladder');
    expect(result.ranking.slice(0, 2)).toEqual(['urgent', 'cause:herniated-disc']);
    expect(result.tier).toBe('emergency');
  });

  it('a see-a-doctor-urgently sign puts urgent first too', () => {
    const result = ask('my back pain is worse at night and I have a fever');
    expect(result.ranking[0]).toBe('urgent');
    expect(result.tier).toBe('urgent');
  });

  it.each([
    'my hip still hurts after four weeks',
    'I am struggling to cope with my back pain',
    'my sciatica has not improved for six weeks',
  ])('a strong see-a-GP sign answers with provider, never urgent: "%s"', (q) => {
    const result = ask(q);
    expect(result.ranking[0]).toBe('provider');
    expect(result.ranking).not.toContain('urgent');
  });

  it('a weak see-a-GP sign favours provider without hiding a clear topic', () => {
    expect(ask('my back keeps getting worse').ranking[0]).toBe('provider');
    const surgery = ask('when is hip pain severe enough for a hip replacement');
    expect(surgery.ranking.slice(0, 2)).toEqual(['treatment:surgery', 'provider']);
  });

  it.each([
    ['no numbness or tingling, does heat help my back?', 'tip:heat-ice'],
    ["I don't have any bladder problems, is it sciatica?", 'cause:sciatica'],
    ['without any fever, can a physio help my hip', 'tip:physical-therapy|treatment:physical-therapy'],
  ])('a red flag the question rules out is not a red flag: "%s"', (q, topics) => {
    const result = ask(q);
    expect(topics.split('|')).toContain(result.ranking[0]);
    expect(result.ranking).not.toContain('urgent');
  });

  it('self-harm wording gets only the crisis answer', () => {
    const result = ask('the pain is so bad I want to end my life');
    expect(result.kind).toBe('self-harm');
    expect(result.ranking).toEqual(['urgent']);
  });

  it('a question about a kind but no entry gets that overview', () => {
    const result = ask('what can help my lower back pain?');
    expect(result.kind).toBe('overview');
    expect(result.overview).toBe('tip');
  });

  it('hip or back pain that matches no topic well is "unsure", not a guess', () => {
    expect(ask('my back').kind).toBe('unsure');
  });

  // Short real questions (tests/fixtures/real/dev.tsv): what the classifier learnt from real
  // messages corrects the topic search where the search alone was wrongly sure or unsure.
  it.each([
    'I’ve had 2 knee operations, knee feels like loose?',
    'I have plantar fasciitis. Can I use a drugstore product to treat it? Or should I see a doctor?',
  ])('a short question the search matched but real questions put out of scope gets no topic: "%s"', (q) => {
    expect(ask(q).kind).not.toBe('answer');
  });

  // A review of the change above (written for these tests, like a Discord user).
  it.each(['what causes back pain', 'what are the causes of hip pain'])(
    'a question that asks for causes in general is offered causes, not answered with one: "%s"',
    (q) => {
      const result = ask(q);
      expect(result.kind).toBe('unsure');
      expect(result.ranking.length).toBeGreaterThan(1);
      expect(result.ranking.every((t) => t.startsWith('cause:'))).toBe(true);
    },
  );

  it.each(['what treatments are there for back pain', 'what treatments are there for hip pain'])(
    'a question that asks for treatments in general gets their overview: "%s"',
    (q) => {
      const result = ask(q);
      expect(result.kind).toBe('overview');
      expect(result.overview).toBe('treatment');
    },
  );

  it('a short question about another body part is not answered with a hip or back topic', () => {
    expect(ask('wrist pain from typing').kind).not.toBe('answer');
  });

  it('a question the search matched but real questions put out of scope still offers what it found', () => {
    const result = ask('should i rest or keep moving');
    expect(result.kind).toBe('unsure');
    expect(result.ranking.length).toBeGreaterThan(0);
  });

  it.each(['slipped disc symptoms', 'symptoms of a herniated disc'])(
    'the warning-signs topic keeps the place the search gave it: "%s"',
    (q) => {
      const result = ask(q);
      expect(result.ranking[0]).toBe('cause:herniated-disc');
      expect(result.ranking.slice(0, 3)).toContain('urgent');
    },
  );

  it.each([
    ['Would you recommend something a bit stronger than meloxicam?', 'treatment:medications'],
    [
      'How do I know if my mom needs rehabilitation after her hip injury? She is in a lot of pain.',
      'treatment:physical-therapy',
    ],
  ])('a short question the search was unsure of gets the topic real questions had: "%s"', (q, topic) => {
    const result = ask(q);
    expect(result.kind).toBe('answer');
    expect(result.ranking[0]).toBe(topic);
  });

  it.each(['what is the capital of France', 'recommend a good film', 'how do I get rid of a headache'])(
    'a question not about hip or back pain is off-topic: "%s"',
    (q) => {
      const result = ask(q);
      expect(result.kind).toBe('off-topic');
      expect(result.ranking).toEqual([]);
    },
  );

  it('shows at most four topics, each once, all valid topic ids', () => {
    for (const q of ['what exercises and stretches help sciatica and a slipped disc', 'back pain']) {
      const { ranking } = ask(q);
      expect(ranking.length).toBeLessThanOrEqual(SHOWN_TOPICS);
      expect(new Set(ranking).size).toBe(ranking.length);
      for (const t of ranking) expect(ALL_TOPIC_IDS).toContain(t);
    }
  });

  it('a 6000-character question still gets an answer, and a red flag at its end still counts', () => {
    const long = `${'my lower back aches when I sit at my desk all day. '.repeat(116)}I cannot control my bladder`;
    expect(long.length).toBeGreaterThan(5900);
    expect(ask(long).ranking[0]).toBe('urgent');
  });
});

describe('/ask on the project question sets (tests/fixtures)', () => {
  const FILES = [
    'ask-heldout.tsv',
    'ask-unseen.tsv',
    'ask-blind.tsv',
    'ask-blind-2.tsv',
    'ask-blind-3.tsv',
    'ask-blind-4.tsv',
  ];

  it('all of them together meet the goals', () => {
    const cases = FILES.flatMap((file) => {
      const parsed = parseEvalFile(readFileSync(resolve(import.meta.dirname, '../fixtures', file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
      return parsed.cases;
    });
    expect(cases.length).toBeGreaterThanOrEqual(120);
    const report = evaluate(cases);
    expect(report.top1).toBeGreaterThanOrEqual(0.95);
    expect(report.top3).toBeGreaterThanOrEqual(0.99);
    expect(report.redFlagRecall).toBe(1);
    expect(report.falseAlarm).toBeLessThanOrEqual(0.02);
  });
});
