import { describe, expect, test } from 'vitest';
import { expectMessageInvariants } from '../helpers/invariants.js';
import { chatInput } from '../fake-discord/payloads.js';

import { LEVEL, botForThisFile } from './bot-process.js';

/** The command tests/e2e/throwing-bot.ts adds to the registry. */
const THROWING_COMMAND = 'explode';

const running = botForThisFile({}, { tsx: 'tests/e2e/throwing-bot.ts' });

describe('a command that throws', () => {
  test('gets a private error reply with an error code; the log has the same code; the bot keeps serving', async () => {
    const interaction = chatInput(THROWING_COMMAND, {}, { userId: '1900000000000000001' });
    const callback = await running.fake.interact(interaction);
    const data = expectMessageInvariants(callback.response, { ephemeral: true });
    const code = /error code (\d+)/.exec(data.embeds?.[0]?.description ?? '')?.[1];
    expect(code).toBe(interaction.id);

    const logged = await running.bot.waitForLog((l) => l.level === LEVEL.error, 'the error');
    expect(logged.errorCode).toBe(code);
    expect(logged.msg).toContain(`error code ${code}`);

    const next = await running.fake.interact(chatInput('help', {}, { userId: '1900000000000000002' }));
    expectMessageInvariants(next.response, { ephemeral: false });
    expect(running.bot.child.exitCode).toBeNull();
  });

  test("the token never appears in the bot's output", () => {
    expect(running.bot.output()).not.toContain(running.fake.token);
  });
});
