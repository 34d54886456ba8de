import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chatInput } from '../fake-discord/payloads.js';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.js';
import { startBot, type BotProcess, PROCESS_TIMEOUT_MS } from './bot-process.js';

let fake: FakeDiscord;
let bot: BotProcess;

beforeAll(async () => {
  // A short heartbeat interval, so a zombie connection is noticed within two seconds.
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1_000 });
  bot = await startBot(fake);
}, PROCESS_TIMEOUT_MS);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

let users = 0;
function slashTips() {
  users += 1;
  return chatInput('tips', {}, { userId: `15${String(users).padStart(17, '0')}` });
}

/**
 * Breaks shard 0 with `fault`, sends an interaction as soon as the fake sees the socket gone (so
 * it can only arrive by replay), and returns the resume and the callback.
 */
async function interactionWhileDown(fault: () => void) {
  const disconnected = fake.gateway.next('disconnect');
  const resumed = fake.gateway.next('resume');
  fault();
  await disconnected;
  const answered = fake.interact(slashTips());
  return { resume: await resumed, callback: await answered };
}

describe('the gateway connection breaks and the bot resumes', () => {
  test.each([
    ['close code 4000 (unknown error)', () => fake.gateway.close(0, 4000)],
    ['an abnormal close (the TCP connection drops)', () => fake.gateway.drop(0)],
    ['op 7 (Discord asks for a reconnect)', () => fake.gateway.requestReconnect(0)],
  ])(
    '%s: resumed at the resume URL, and the interaction sent while down is answered',
    async (_name, fault) => {
      const identifies = fake.gateway.identifies.length;
      const { resume, callback } = await interactionWhileDown(fault);
      expect(resume.path).toBe('/resume');
      expect(resume.replayed).toBeGreaterThanOrEqual(1);
      expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(fake.gateway.identifies.length, 'no new IDENTIFY').toBe(identifies);
    },
  );

  test('heartbeat ACKs stop: the bot drops the zombie connection, resumes and keeps answering', async () => {
    const resumed = fake.gateway.next('resume');
    fake.gateway.stopAcking(0);
    expect((await resumed).path).toBe('/resume');
    const callback = await fake.interact(slashTips());
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  test('op 9 (session invalidated): the bot identifies again and answers later interactions', async () => {
    const identified = fake.gateway.next('identify');
    fake.gateway.invalidateSession(0);
    const identify = await identified;
    expect(identify.shard).toEqual([0, 1]);
    expect(fake.gateway.identifies).toHaveLength(2);
    const callback = await fake.interact(slashTips());
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  test('the bot logged each resume, is still running, and never printed the token', () => {
    expect(bot.logs().filter((l) => l.msg === 'shard resumed').length).toBeGreaterThanOrEqual(4);
    expect(bot.child.exitCode).toBeNull();
    expect(bot.output()).not.toContain(fake.token);
  });
});
