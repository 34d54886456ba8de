import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chatInput } from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { expectMessageInvariants } from '../helpers/invariants.js';
import { PROCESS_TIMEOUT_MS, startBot, type BotProcess } from './bot-process.js';

/**
 * Why src/transports/gateway/gateway.ts keeps its one workaround (skipInteractionObjects): an
 * INTERACTION_CREATE discord.js cannot build an Interaction object from kills a plain Client,
 * while the bot answers it. If the first test ever fails, discord.js copes by itself and the
 * workaround can go.
 */

/** A slash command whose `data` is missing: discord.js reads data.type without a guard. */
function withoutData() {
  const { data: _data, ...rest } = chatInput('cause', {}, { userId: '2400000000000000001' });
  return rest;
}

const fakes: FakeDiscord[] = [];
const processes: BotProcess[] = [];

async function started(entry?: { tsx: string }): Promise<{ fake: FakeDiscord; process: BotProcess }> {
  const fake = await startFakeDiscord();
  fakes.push(fake);
  const process = await startBot(fake, entry);
  processes.push(process);
  return { fake, process };
}

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await Promise.all(fakes.map((f) => f.close()));
});

describe('an INTERACTION_CREATE without data', () => {
  let plain: { fake: FakeDiscord; process: BotProcess };
  let bot: { fake: FakeDiscord; process: BotProcess };
  beforeAll(async () => {
    [plain, bot] = await Promise.all([started({ tsx: 'tests/e2e/plain-client.ts' }), started()]);
  }, PROCESS_TIMEOUT_MS);

  test(
    'kills a plain discord.js Client with a TypeError',
    async () => {
      plain.fake.gateway.dispatch(0, 'INTERACTION_CREATE', withoutData());
      expect(await plain.process.exited()).not.toBe(0);
      expect(plain.process.stderr()).toMatch(
        /TypeError: Cannot read properties of undefined \(reading 'type'\)/,
      );
    },
    PROCESS_TIMEOUT_MS,
  );

  test(
    'gets a private "could not read" reply from the bot, which keeps serving',
    async () => {
      const callback = await bot.fake.interact(withoutData());
      const data = expectMessageInvariants(callback.response, { ephemeral: true });
      expect(data.embeds?.[0]?.title).toBe('Could not read that request');
      const next = await bot.fake.interact(chatInput('connection', {}, { userId: '2400000000000000002' }));
      expect(next.response.type).toBe(4);
      expect(bot.process.child.exitCode).toBeNull();
    },
    PROCESS_TIMEOUT_MS,
  );
});
