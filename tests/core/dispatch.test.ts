import {
  InteractionResponseType,
  type APIApplicationCommandAutocompleteResponse,
} from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import type { SlashCommand } from '../../src/core/command.js';
import { commands } from '../../commands/index.js';
import { createApp } from '../../src/core/app.js';
import { bot } from '../../commands/index.js';
import { Cooldown } from '../../src/core/cooldown.js';
import {
  autocompleteInteraction,
  commandInteraction,
  componentInteraction,
  snowflake,
} from '../helpers/interactions.js';
import { expectMessageInvariants } from '../helpers/invariants.js';

const throwing: SlashCommand = {
  data: { name: 'broken', description: 'Always throws' },
  run: () => {
    throw new Error('boom');
  },
  autocomplete: () => {
    throw new Error('boom');
  },
};

/** An app whose clock only moves when the test moves it. */
function appAt(start = 1_000_000) {
  const clock = { now: start };
  const app = createApp({ ...bot, commands: [...commands, throwing], now: () => clock.now });
  return { app, clock };
}

describe('a command that throws', () => {
  it('gets a private "Something went wrong" with the interaction id as the error code, also handed to the log', () => {
    const { app } = appAt();
    const id = snowflake();
    const handled = app.handle(commandInteraction('broken', {}, { id }));
    expect(handled.outcome).toBe('error');
    expect(handled.error?.code).toBe(id);
    expect((handled.error?.cause as Error).message).toBe('boom');
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    expect(data.embeds?.[0]?.description).toContain(`Something went wrong (error code ${id})`);
  });

  it('even when the user asked for a public reply', () => {
    const { app } = appAt();
    const handled = app.handle(commandInteraction('broken', { private: false }));
    expectMessageInvariants(handled.response, { ephemeral: true });
  });

  it('in autocomplete answers with no choices instead of failing the request', () => {
    const { app } = appAt();
    const handled = app.handle(autocompleteInteraction('broken', 'name', 'x'));
    expect(handled.outcome).toBe('error');
    expect(handled.response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });

  it('leaves the app serving the next interaction', () => {
    const { app } = appAt();
    app.handle(commandInteraction('broken'));
    const next = app.handle(
      commandInteraction('cause', { name: 'sciatica' }, { userId: '1400000000000000999' }),
    );
    expect(next.outcome).toBe('ok');
    expectMessageInvariants(next.response, { ephemeral: false });
  });
});

describe('an unknown command (a stale registration)', () => {
  it('gets a clear private reply', () => {
    const { app } = appAt();
    const handled = app.handle(commandInteraction('no-such-command', { private: false }));
    expect(handled.outcome).toBe('unknown-command');
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    expect(data.embeds?.[0]?.description).toMatch(/no longer has the command/);
  });

  it('gets no choices when autocompleted', () => {
    const { app } = appAt();
    const handled = app.handle(autocompleteInteraction('no-such-command', 'name', 'x'));
    expect(handled.outcome).toBe('unknown-command');
    expect((handled.response as APIApplicationCommandAutocompleteResponse).data.choices).toEqual([]);
  });
});

describe('an unknown value', () => {
  it('gets a private did-you-mean, logged as unknown-value', () => {
    const { app } = appAt();
    const handled = app.handle(commandInteraction('treatment', { name: 'leeches', private: false }));
    expect(handled.outcome).toBe('unknown-value');
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    expect(data.embeds?.[0]?.description).toMatch(/^I don't know 'leeches'\. Did you mean .+\?$/);
  });
});

describe('the per-user cooldown', () => {
  const user = { userId: '1400000000000000042' };

  it('answers the 6th command within 10 s privately: "slow down, try again in N s"', () => {
    const { app, clock } = appAt();
    for (let i = 0; i < 5; i++) {
      const ok = app.handle(commandInteraction('tips', {}, user));
      expect(ok.outcome).toBe('ok');
      clock.now += 1000;
    }
    // The first command was at t=0 and it is now t=5 s: the window frees up in 5 s.
    const sixth = app.handle(commandInteraction('tips', { private: false }, user));
    expect(sixth.outcome).toBe('cooldown');
    const data = expectMessageInvariants(sixth.response, { ephemeral: true });
    expect(data.embeds?.[0]?.description).toContain('slow down, try again in 5 s');
  });

  it('counts button clicks too, and lets the user in again once the window has passed', () => {
    const { app, clock } = appAt();
    for (let i = 0; i < 5; i++) app.handle(componentInteraction({ customId: 'topic:urgent' }, 0, user));
    const blocked = app.handle(componentInteraction({ customId: 'topic:urgent' }, 0, user));
    expect(blocked.outcome).toBe('cooldown');
    expectMessageInvariants(blocked.response, { ephemeral: true });
    clock.now += 10_000;
    expect(app.handle(commandInteraction('urgent', {}, user)).outcome).toBe('ok');
  });

  it('slides: each action leaves the window 10 s after it was taken, oldest first', () => {
    const { app, clock } = appAt();
    const start = clock.now;
    for (let i = 0; i < 5; i++) {
      app.handle(commandInteraction('tips', {}, user));
      clock.now += 1000;
    }
    clock.now = start + 10_000; // the action at t=0 has left the window, the one at t=1 s has not
    expect(app.handle(commandInteraction('tips', {}, user)).outcome).toBe('ok');
    const blocked = app.handle(commandInteraction('tips', {}, user));
    expect(blocked.outcome).toBe('cooldown');
    const data = expectMessageInvariants(blocked.response, { ephemeral: true });
    expect(data.embeds?.[0]?.description).toContain('slow down, try again in 1 s');
  });

  it('does not count autocomplete', () => {
    const { app } = appAt();
    for (let i = 0; i < 50; i++) {
      const typed = app.handle(autocompleteInteraction('cause', 'name', 'disc', user));
      expect(typed.outcome).toBe('ok');
    }
    for (let i = 0; i < 5; i++) expect(app.handle(commandInteraction('cause', {}, user)).outcome).toBe('ok');
  });

  it('is per user', () => {
    const { app } = appAt();
    for (let i = 0; i < 6; i++) app.handle(commandInteraction('help', {}, user));
    expect(app.handle(commandInteraction('help', {}, { userId: '1400000000000000043' })).outcome).toBe('ok');
  });

  it('tells every blocked request its own wait as the window drains: 10 s, 9 s, ... 1 s', () => {
    const { app, clock } = appAt();
    for (let i = 0; i < 5; i++) app.handle(commandInteraction('tips', {}, user));
    const said: string[] = [];
    for (let second = 0; second < 10; second++) {
      const blocked = app.handle(commandInteraction('tips', {}, user));
      expect(blocked.outcome).toBe('cooldown');
      said.push(
        expectMessageInvariants(blocked.response, { ephemeral: true }).embeds?.[0]?.description ?? '',
      );
      clock.now += 1000;
    }
    expect(said.map((text) => /try again in (\d+) s/.exec(text)?.[1])).toEqual([
      '10',
      '9',
      '8',
      '7',
      '6',
      '5',
      '4',
      '3',
      '2',
      '1',
    ]);
  });

  it('never makes the user wait less than 1 s', () => {
    const clock = { now: 0 };
    const app = createApp({ ...bot, cooldown: new Cooldown(1, 10_000), now: () => clock.now });
    app.handle(commandInteraction('help', {}, user));
    clock.now = 9_999;
    const data = expectMessageInvariants(app.handle(commandInteraction('help', {}, user)).response, {
      ephemeral: true,
    });
    expect(data.embeds?.[0]?.description).toContain('try again in 1 s');
  });
});

describe('a malformed interaction', () => {
  it('that still names itself gets a private "could not read" reply, with the field in the log reason', () => {
    const { app } = appAt();
    const raw = { ...commandInteraction('cause'), user: undefined };
    const handled = app.handle(raw);
    expect(handled.outcome).toBe('malformed');
    expect(handled.reason).toBeDefined();
    const data = expectMessageInvariants(handled.response, { ephemeral: true });
    expect(data.embeds?.[0]?.title).toBe('Could not read that request');
  });

  it('a click with an over-long custom_id is answered the same way', () => {
    const { app } = appAt();
    const handled = app.handle(componentInteraction({ customId: 'x'.repeat(101) }));
    expect(handled.outcome).toBe('malformed');
    expectMessageInvariants(handled.response, { ephemeral: true });
  });

  it('that has no id or token cannot be answered and is only reported', () => {
    const { app } = appAt();
    for (const raw of [
      null,
      'text',
      42,
      {},
      { type: 2 },
      { ...commandInteraction('cause'), token: undefined },
    ]) {
      const handled = app.handle(raw);
      expect(handled.outcome).toBe('malformed');
      expect(handled.response).toBeUndefined();
    }
  });

  it('autocomplete without a focused option gets an empty choice list', () => {
    const { app } = appAt();
    const raw = autocompleteInteraction('cause', 'name', 'x');
    const handled = app.handle({ ...raw, data: { ...raw.data, options: [] } });
    expect(handled.outcome).toBe('malformed');
    expect(handled.response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });
});

describe('PING', () => {
  it('is answered with PONG', () => {
    const { app } = appAt();
    expect(app.handle({ type: 1, id: snowflake() }).response).toEqual({ type: InteractionResponseType.Pong });
  });
});
