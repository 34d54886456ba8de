import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectMessageInvariants } from '../helpers/invariants.js';
import { chatInput } from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { LEVEL, startBot, type BotProcess, PROCESS_TIMEOUT_MS } from './bot-process.js';

/** The command tests/e2e/throwing-bot.ts adds to the registry. */
const THROWING_COMMAND = 'explode';

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  fake = await startFakeDiscord();
  bot = await startBot(fake, { tsx: 'tests/e2e/throwing-bot.ts' });
}, PROCESS_TIMEOUT_MS);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('a command that throws', () => {
  test('gets a private error reply with an error code; the log has the same code; the bot keeps serving', async () => {
    const interaction = chatInput(THROWING_COMMAND, {}, { userId: '1900000000000000001' });
    const callback = await fake.interact(interaction);
    const data = expectMessageInvariants(callback.response, { ephemeral: true });
    const code = /error code (\d+)/.exec(data.embeds?.[0]?.description ?? '')?.[1];
    expect(code).toBe(interaction.id);

    const logged = await bot.waitForLog((l) => l.level === LEVEL.error, 'the error');
    expect(logged.errorCode).toBe(code);
    expect(logged.msg).toContain(`error code ${code}`);

    const next = await fake.interact(chatInput('help', {}, { userId: '1900000000000000002' }));
    expectMessageInvariants(next.response, { ephemeral: false });
    expect(bot.child.exitCode).toBeNull();
  });

  test("the token never appears in the bot's output", () => {
    expect(bot.output()).not.toContain(fake.token);
  });
});
