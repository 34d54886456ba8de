import {
  ComponentType,
  InteractionResponseType,
  TextInputStyle,
  type APIModalInteractionResponse,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { ASK_TEXT, QUESTION_MAX_LENGTH } from '../../commands/ask.js';
import { bot } from '../../commands/index.js';
import { createApp } from '../../src/core/app.js';
import { commandInteraction, modalSubmitInteraction, type OptionInput } from '../helpers/interactions.js';
import { expectMessageInvariants } from '../helpers/invariants.js';

function modalFor(options: OptionInput = {}): APIModalInteractionResponse {
  const handled = createApp(bot).handle(commandInteraction('ask', options));
  expect(handled.outcome).toBe('ok');
  expect(handled.response?.type).toBe(InteractionResponseType.Modal);
  return handled.response as APIModalInteractionResponse;
}

/** What /ask question:<text> answers, as JSON, from a fresh app. */
function askJson(options: OptionInput) {
  return JSON.stringify(createApp(bot).handle(commandInteraction('ask', options)).response);
}

describe('/ask with no question opens a question box (modal)', () => {
  it('answers with type 9: a form titled for the bot, one required paragraph input up to the question limit, with a placeholder, all inside Discord’s limits', () => {
    const { data } = modalFor();
    expect(data.custom_id).toBe('ask:private');
    expect(data.title).toBe('Ask hip-back-bot');
    expect(data.title.length).toBeLessThanOrEqual(45);
    expect(data.components).toHaveLength(1);
    const [label] = data.components;
    expect(label?.type).toBe(ComponentType.Label);
    if (label?.type !== ComponentType.Label) return;
    expect(label.label.length).toBeLessThanOrEqual(45);
    expect(label.component).toEqual({
      type: ComponentType.TextInput,
      custom_id: 'question',
      style: TextInputStyle.Paragraph,
      required: true,
      max_length: QUESTION_MAX_LENGTH,
      placeholder: ASK_TEXT.modalPlaceholder,
    });
    expect(ASK_TEXT.modalPlaceholder.length).toBeLessThanOrEqual(100);
    expect(QUESTION_MAX_LENGTH).toBeLessThanOrEqual(4000);
  });

  it('keeps the privacy choice in the form’s custom_id, so no process holds state', () => {
    expect(modalFor({ private: false }).data.custom_id).toBe('ask:public');
    expect(modalFor({ private: true }).data.custom_id).toBe('ask:private');
  });

  it.each([
    ['label', 'I think I slipped a disc'],
    ['label', 'I have lost control of my bladder and my back hurts'],
    ['row', 'shooting pain down my leg'],
    ['label', 'what is the weather tomorrow'],
  ] as const)('submitting it (%s layout) answers exactly as /ask question: %j', (layout, question) => {
    const submitted = createApp(bot).handle(modalSubmitInteraction('ask:private', { question }, {}, layout));
    expect(submitted.label).toBe('ask');
    expectMessageInvariants(submitted.response, { ephemeral: true });
    expect(JSON.stringify(submitted.response)).toBe(askJson({ question }));
  });

  it('a public form answers publicly, exactly as /ask question:... private:false', () => {
    const question = 'does heat help my hip?';
    const submitted = createApp(bot).handle(modalSubmitInteraction('ask:public', { question }));
    expectMessageInvariants(submitted.response, { ephemeral: false });
    expect(JSON.stringify(submitted.response)).toBe(askJson({ question, private: false }));
  });

  it('/ask question:... keeps answering directly', () => {
    const handled = createApp(bot).handle(commandInteraction('ask', { question: 'sciatica' }));
    expect(handled.response?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  it('a form of an older version gets a private "unknown form" reply; a blank question the /ask prompt', () => {
    const stale = createApp(bot).handle(modalSubmitInteraction('old-form:1', { question: 'hip' }));
    expect(stale.outcome).toBe('unknown-command');
    expect(stale.label).toBe('unknown');
    const data = expectMessageInvariants(stale.response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe('Unknown form');
    const blank = createApp(bot).handle(modalSubmitInteraction('ask:public', { question: '  ' }));
    expect(expectMessageInvariants(blank.response, { ephemeral: false }).embeds?.[0]?.title).toBe(
      ASK_TEXT.emptyTitle,
    );
  });

  it('a submit with an input past Discord’s 4,000 characters is malformed, with the could-not-read reply', () => {
    const handled = createApp(bot).handle(
      modalSubmitInteraction('ask:private', { question: 'x'.repeat(4001) }),
    );
    expect(handled.outcome).toBe('malformed');
    expect(handled.reason).toBe('data.components.0.component.value: expected 0 to 4000 characters');
    expectMessageInvariants(handled.response, { ephemeral: true });
  });
});
