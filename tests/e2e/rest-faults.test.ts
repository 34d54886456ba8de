import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { rateLimited, serverError, unknownInteraction, type Fault } from '../fake-discord/faults.js';
import { chatInput, type BuiltInteraction } from '../fake-discord/payloads.js';
import type { RecordedRequest } from '../fake-discord/rest.js';

import { LEVEL, botForThisFile } from './bot-process.js';

const running = botForThisFile();

let users = 0;
function slashCause(): BuiltInteraction {
  users += 1;
  return chatInput('cause', { name: 'sciatica' }, { userId: `16${String(users).padStart(17, '0')}` });
}

/** Makes the next callback of this one interaction meet `fault`. */
function failCallbackOnce(interaction: BuiltInteraction, fault: Fault): void {
  running.fake.rest.inject('POST', new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`), fault, 1);
}

function callbackRequests(interaction: BuiltInteraction): RecordedRequest[] {
  return running.fake.rest.requests.filter(
    (r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interaction.id}/`),
  );
}

describe('Discord REST faults on the reply', () => {
  test('429 with Retry-After once: the reply is sent again after the wait and delivered', async () => {
    const interaction = slashCause();
    failCallbackOnce(interaction, rateLimited(1));
    const callback = await running.fake.interact(interaction);
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const [limited, retried] = callbackRequests(interaction);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(204);
    // Retry-After is a rule, not a speed: sending sooner would be another 429 on Discord.
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  test('500 once: retried and delivered', async () => {
    const interaction = slashCause();
    failCallbackOnce(interaction, serverError());
    const callback = await running.fake.interact(interaction);
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callbackRequests(interaction).map((r) => r.status)).toEqual([500, 204]);
  });

  test("the callback hangs: the bot's REST timeout gives up and the retry is delivered inside Discord's 3 s window", async () => {
    const interaction = slashCause();
    failCallbackOnce(interaction, { kind: 'hang' });
    // The fake answers 10062 to a first response later than 3 s, as Discord does, so an accepted
    // callback is one that made the window.
    const callback = await running.fake.interact(interaction);
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(callbackRequests(interaction).map((r) => r.status)).toEqual(['hang', 204]);
  });

  test('404 code 10062 (unknown interaction): a logged warning, no crash, the next one is answered', async () => {
    const interaction = slashCause();
    failCallbackOnce(interaction, unknownInteraction());
    void running.fake.interact(interaction);
    const warning = await running.bot.waitForLog(
      (l) => l.level === LEVEL.warn && l.interaction === interaction.id,
      'a warning about the undelivered reply',
    );
    expect(warning.discordCode).toBe(10062);
    expect(callbackRequests(interaction).map((r) => r.status)).toEqual([404]);
    const next = await running.fake.interact(slashCause());
    expect(next.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(running.bot.child.exitCode).toBeNull();
  });

  test("the token never appears in the bot's output", () => {
    expect(running.bot.output()).not.toContain(running.fake.token);
  });
});
