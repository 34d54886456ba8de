import { ApplicationCommandOptionType, ComponentType, MessageFlags } from 'discord-api-types/v10';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { askCommand, ASK_TEXT, QUESTION_MAX_LENGTH } from '../../commands/ask.js';
import { commands } from '../../commands/index.js';
import {
  EMERGENCY_LEAD,
  PROVIDER_RECOMMENDATION,
  redFlagTiers,
  SELF_HARM_REPLY,
} from '../../content/index.js';
import { createApp } from '../../src/core/app.js';
import { scanSafety } from '../../src/ask/red-flags.js';
import { normalizeQuestion, tokens } from '../../src/ask/text.js';
import { topicModel, URGENT_PROBABILITY } from '../../src/ask/answer.js';
import { bot } from '../../commands/index.js';
import { logHandled } from '../../src/core/logger.js';
import { commandInteraction, type OptionInput, type Who } from '../helpers/interactions.js';
import { expectMessageInvariants } from '../helpers/invariants.js';
import { memoryLogger } from '../helpers/memory-logger.js';

/** A fresh app (and so a fresh cooldown) per call. */
function send(options: OptionInput, who: Who = {}) {
  return createApp(bot).handle(commandInteraction('ask', options, who));
}

function reply(question: string, extra: OptionInput = {}, who: Who = {}): APIInteractionResponseCallbackData {
  const handled = send({ question, ...extra }, who);
  const ephemeral = extra.private === false ? false : true;
  return expectMessageInvariants(handled.response, { ephemeral });
}

function customIds(data: APIInteractionResponseCallbackData): string[] {
  return (data.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.flatMap((c) => ('custom_id' in c ? [c.custom_id] : []))
      : [],
  );
}

function allText(data: APIInteractionResponseCallbackData): string {
  return (data.embeds ?? [])
    .flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])
    .join('\n');
}

/** Questions covering every kind of /ask reply, for the invariants. */
const EVERY_KIND = [
  'I think I slipped a disc',
  'my hip still hurts after four weeks',
  'tingling around my genitals and a sore back',
  'back pain with a fever and a slipped disc',
  'what helps lower back pain',
  'my back',
  'what is the capital of France',
  'I want to kill myself',
  'I fell and now I cannot stand, do I need a hip replacement?',
  '   ',
];

describe('/ask', () => {
  it('is registered, with an optional question within Discord limits and an optional private flag', () => {
    expect(commands).toContain(askCommand);
    const [question, privateOption] = askCommand.data.options ?? [];
    expect(question).toMatchObject({
      name: 'question',
      type: ApplicationCommandOptionType.String,
      required: false,
      max_length: QUESTION_MAX_LENGTH,
    });
    // Real messages are long: a story of several sentences, then the question.
    expect(QUESTION_MAX_LENGTH).toBeGreaterThanOrEqual(1000);
    expect(QUESTION_MAX_LENGTH).toBeLessThanOrEqual(6000);
    expect(privateOption).toMatchObject({ name: 'private', type: ApplicationCommandOptionType.Boolean });
  });

  it.each(EVERY_KIND)('keeps every invariant, private by default: %j', (q) => {
    const data = reply(q);
    expect(data.flags).toBe(MessageFlags.Ephemeral);
  });

  it.each(EVERY_KIND.filter((q) => !q.includes('kill')))('private:false answers publicly: %j', (q) => {
    reply(q, { private: false });
  });

  it('answers with the best topic, then up to three other likely topics as topic buttons', () => {
    const data = reply('I think I slipped a disc');
    expect(data.embeds?.[0]?.title).toBe('Cause: Herniated disc');
    const topicButtons = customIds(data).filter((id) => id.startsWith('topic:') && id !== 'topic:urgent');
    expect(topicButtons.length).toBeLessThanOrEqual(3);
    expect(topicButtons).not.toContain('topic:cause:herniated-disc');
  });

  it('leads with the generic emergency wording and its examples, then the topic answer', () => {
    const data = reply('I have a slipped disc and I cannot control my bladder', {}, { locale: 'en-GB' });
    const [lead, answer] = data.embeds ?? [];
    expect(lead?.title).toBe(EMERGENCY_LEAD);
    expect(lead?.description).toMatch(/^For example 999 or 112 in the UK, 911 /);
    expect(lead?.fields?.[0]?.name).toBe(ASK_TEXT.mentionsField);
    expect(lead?.fields?.[0]?.value).toContain('loss of bladder or bowel control');
    expect(answer?.title).toBe('Cause: Herniated disc');
    expect(customIds(data)[0]).toBe('topic:urgent');
  });

  it('leads with the warning signs when the safety net learnt from real messages finds a story likely to describe one that no red-flag concept names', () => {
    // A real message (tests/fixtures/real/dev.tsv): a pop in the hip, then walking became harder.
    const story =
      'After sitting for a while, I got out of the car, but as soon as I did, I heard a loud pop in my hip. I was planning to head back into work to continue my shift, but with each step, the pain kept getting worse and worse. Walking became more difficult, each step more painful than the last. I had no choice but to leave work early.';
    const concepts = scanSafety(normalizeQuestion(story)).findings.filter((f) => f.tier !== 'gp');
    expect(concepts).toEqual([]);
    const data = reply(story);
    const lead = data.embeds?.[0];
    expect(lead?.title).toBe(redFlagTiers.urgent.title);
    expect(lead?.fields?.[0]).toEqual({ name: ASK_TEXT.mentionsField, value: ASK_TEXT.possibleSigns });
    expect(customIds(data)[0]).toBe('topic:urgent');
  });

  it('an infection of the hip or spine leads with see-a-doctor-urgently advice and asks the reader to check the signs', () => {
    // A real message (tests/fixtures/real/dev.tsv).
    const data = reply(
      "I have been diagnosed with sepsis of my total hip joint replacement. Please advice what medicine I can take to heel. I don't want to have invasive surgery with the current status of Covid-19. Thank you",
    );
    const lead = data.embeds?.[0];
    expect(lead?.title).toBe(redFlagTiers.urgent.title);
    expect(lead?.fields?.[0]).toEqual({ name: ASK_TEXT.mentionsField, value: ASK_TEXT.possibleSigns });
    expect(customIds(data)[0]).toBe('topic:urgent');
  });

  it('the learnt safety net reads only stories about the back or hip: a fever story about something else gets no warning signs', () => {
    // Written for this test: the net finds it likely to describe a red flag, but red-flags.md's
    // signs are signs with back or hip pain, and it names neither.
    const story =
      'I woke up in the night shivering with a high fever and chills, sweating through the sheets, and I felt so weak I could not stand up. My throat was sore and I had a terrible headache for three days.';
    expect(topicModel().read(tokens(normalizeQuestion(story))).urgentProbability).toBeGreaterThanOrEqual(
      URGENT_PROBABILITY,
    );
    const data = reply(story);
    expect(data.embeds?.[0]?.title).toBe(ASK_TEXT.unsureTitle);
    expect(customIds(data)[0]).not.toBe('topic:urgent');
  });

  it('the learnt safety net reads only stories: a short question without a sign gets its topic', () => {
    const data = reply('I was 5ft 5in and now 5ft, why?');
    expect(data.embeds?.[0]?.title).not.toBe(redFlagTiers.urgent.title);
  });

  it('leads with see-a-doctor-urgently advice for a sign of that tier', () => {
    const data = reply('back pain with a high temperature');
    expect(data.embeds?.[0]?.title).toBe(redFlagTiers.urgent.title);
    expect(data.embeds?.[0]?.description).toBe(redFlagTiers.urgent.advice);
  });

  it('answers a see-a-GP sign with when to see a provider, never the emergency lead', () => {
    const data = reply('my back pain has not got better after three weeks');
    expect(data.embeds?.[0]?.title).toBe('See a healthcare provider');
    expect(allText(data)).not.toContain(EMERGENCY_LEAD);
  });

  it('answers self-harm wording with the crisis reply only: private, no buttons, no pain content', () => {
    const data = reply('I want to end my life', { private: true });
    const publicAsked = expectMessageInvariants(
      send({ question: 'I want to end my life', private: false }).response,
      {
        ephemeral: true,
      },
    );
    for (const d of [data, publicAsked]) {
      expect(d.embeds).toHaveLength(1);
      expect(d.embeds?.[0]?.description).toContain(SELF_HARM_REPLY);
      expect(d.embeds?.[0]?.description).toContain('your local emergency number');
      expect(d.components).toEqual([]);
    }
  });

  it('says what the bot covers for a question about something else, with /help and the overviews', () => {
    const data = reply('what is the capital of France');
    expect(data.embeds?.[0]?.title).toBe(ASK_TEXT.offTopicTitle);
    expect(data.embeds?.[0]?.description).toContain('hip and lower back pain');
    expect(data.embeds?.[0]?.description).toContain('/help');
    expect(customIds(data)).toEqual(['overview:cause', 'overview:tip', 'overview:treatment', 'topic:urgent']);
    expect(send({ question: 'what is the capital of France' }).outcome).toBe('unknown-value');
  });

  it('says so when nothing matches well, and offers /help and the overviews', () => {
    const data = reply('my back');
    expect(data.embeds?.[0]?.title).toBe(ASK_TEXT.unsureTitle);
    expect(data.embeds?.[0]?.description).toContain('/help');
    expect(customIds(data)).toEqual(
      expect.arrayContaining(['overview:cause', 'overview:tip', 'overview:treatment']),
    );
  });

  it('echoes the question only escaped: no mention, no markdown, no link', () => {
    const data = reply('@everyone <@123456789012345678> **sciatica** [click](https://evil.example) help');
    const echoed = data.embeds?.[0]?.fields?.find((f) => f.name === ASK_TEXT.questionField)?.value ?? '';
    expect(echoed).toContain('@\u200beveryone');
    expect(echoed).not.toContain('<@123456789012345678>');
    expect(echoed).toContain('\\*\\*sciatica\\*\\*');
    expect(echoed).not.toMatch(/(?<!\\)\[click\]\(/);
  });

  it('a 6000-character question (a client past max_length) still gets a clear reply within limits', () => {
    const data = reply(`${'why does my hip hurt when I walk? '.repeat(177)}x`.slice(0, 6000));
    expect(data.embeds?.length).toBeGreaterThan(0);
    expect(data.embeds?.at(-1)?.footer?.text).toBe(PROVIDER_RECOMMENDATION);
  });

  it('an empty question (only spaces) gets a private prompt, not a crash', () => {
    const data = expectMessageInvariants(send({ question: '   ' }).response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe(ASK_TEXT.emptyTitle);
  });

  it('never logs the question', () => {
    const question = 'my secret question about sciatica xyzzy';
    const logger = memoryLogger('trace');
    logHandled(logger.log, send({ question }), 1.5);
    expect(logger.text()).toContain('"command":"ask"');
    expect(logger.text()).not.toContain('xyzzy');
  });
});
