import { InteractionResponseType } from 'discord-api-types/v10';
import { describe, expect, test } from 'vitest';
import { chatInput } from '../fake-discord/payloads.js';

import { botForThisFile } from './bot-process.js';

// A short heartbeat interval, so a zombie connection is noticed within two seconds.
const running = botForThisFile({ heartbeatIntervalMs: 1_000 });

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
  const disconnected = running.fake.gateway.next('disconnect');
  const resumed = running.fake.gateway.next('resume');
  fault();
  await disconnected;
  const answered = running.fake.interact(slashTips());
  return { resume: await resumed, callback: await answered };
}

describe('the gateway connection breaks and the bot resumes', () => {
  test.each([
    ['close code 4000 (unknown error)', () => running.fake.gateway.close(0, 4000)],
    ['an abnormal close (the TCP connection drops)', () => running.fake.gateway.drop(0)],
    ['op 7 (Discord asks for a reconnect)', () => running.fake.gateway.requestReconnect(0)],
  ])(
    '%s: resumed at the resume URL, and the interaction sent while down is answered',
    async (_name, fault) => {
      const identifies = running.fake.gateway.identifies.length;
      const { resume, callback } = await interactionWhileDown(fault);
      expect(resume.path).toBe('/resume');
      expect(resume.replayed).toBeGreaterThanOrEqual(1);
      expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(running.fake.gateway.identifies.length, 'no new IDENTIFY').toBe(identifies);
    },
  );

  test('heartbeat ACKs stop: the bot drops the zombie connection, resumes and keeps answering', async () => {
    const resumed = running.fake.gateway.next('resume');
    running.fake.gateway.stopAcking(0);
    expect((await resumed).path).toBe('/resume');
    const callback = await running.fake.interact(slashTips());
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  test('op 9 (session invalidated): the bot identifies again and answers later interactions', async () => {
    const identified = running.fake.gateway.next('identify');
    running.fake.gateway.invalidateSession(0);
    const identify = await identified;
    expect(identify.shard).toEqual([0, 1]);
    expect(running.fake.gateway.identifies).toHaveLength(2);
    const callback = await running.fake.interact(slashTips());
    expect(callback.response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
  });

  test('the bot logged each resume, is still running, and never printed the token', () => {
    expect(running.bot.logs().filter((l) => l.msg === 'shard resumed').length).toBeGreaterThanOrEqual(4);
    expect(running.bot.child.exitCode).toBeNull();
    expect(running.bot.output()).not.toContain(running.fake.token);
  });
});
