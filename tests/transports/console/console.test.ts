import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { causes, EMERGENCY_LEAD, PROVIDER_RECOMMENDATION, tips } from '../../../content/index.js';
import { createApp, type App } from '../../../src/core/app.js';
import { bot } from '../../../commands/index.js';
import { consoleApp, runConsole } from '../../../src/transports/console/console.js';
import { commandInteraction, localeFromEnv } from '../../../src/transports/console/parse-line.js';
import { BUILT, runBuilt, workDir } from '../../helpers/run-built.js';

interface Session {
  /** Everything the console printed. */
  readonly output: string;
  /** Each printed reply, as the text between one prompt and the next. */
  readonly replies: readonly string[];
  /** The raw interactions the console sent into the app, as Discord would have sent them. */
  readonly sent: readonly Record<string, unknown>[];
}

/** Types `lines` into the console (then ends the input, as Ctrl-D does) and collects what it printed. */
async function session(
  lines: readonly string[],
  options: { color?: boolean; locale?: string; end?: boolean } = {},
): Promise<Session> {
  const real = consoleApp(bot);
  const sent: Record<string, unknown>[] = [];
  const app: App = {
    ...real,
    handle(raw) {
      sent.push(raw as Record<string, unknown>);
      return real.handle(raw);
    },
  };
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  const done = runConsole({
    app,
    input,
    output,
    color: options.color ?? false,
    locale: options.locale ?? 'en-US',
  });
  input.write(lines.map((l) => `${l}\n`).join(''));
  if (options.end !== false) input.end();
  await done;
  const replies = printed
    .split('> ')
    .slice(1)
    .map((r) => r.trim());
  return { output: printed, replies, sent };
}

describe('local console (in process)', () => {
  it('answers /cause herniated-disc with the post’s text, ending with the provider sentence', async () => {
    const { replies } = await session(['/cause herniated-disc']);
    const reply = replies[0] ?? '';
    expect(reply).toMatch(/^Cause: Herniated disc\n/);
    expect(reply).toContain(causes['herniated-disc'].text);
    expect(reply).toContain('[1] Ways to relieve pain');
    expect(reply.endsWith(PROVIDER_RECOMMENDATION)).toBe(true);
  });

  it('sends the raw interaction Discord would send: type 2, the option typed by its definition', async () => {
    const { sent } = await session(['/cause slipped disc', '/cause name:"slipped disc" private:true']);
    expect(sent[0]).toMatchObject({
      type: 2,
      locale: 'en-US',
      data: { name: 'cause', type: 1, options: [{ name: 'name', type: 3, value: 'slipped disc' }] },
    });
    expect((sent[0]?.user as { id?: string }).id).toMatch(/^\d{17,20}$/);
    expect(sent[1]).toMatchObject({
      data: {
        options: [
          { name: 'name', type: 3, value: 'slipped disc' },
          { name: 'private', type: 5, value: true },
        ],
      },
    });
    expect(sent[0]?.id).not.toBe(sent[1]?.id);
  });

  it.each([
    '/cause herniated-disc',
    '/cause name:herniated-disc',
    '/cause slipped disc',
    "/cause 'disc bulge'",
  ])('%s opens the herniated disc entry', async (line) => {
    const { replies } = await session([line]);
    expect(replies[0]).toContain(causes['herniated-disc'].text);
  });

  it.each(['/tips heat', '/tips ice', '/tips name:heat or ice', "/tips 'hot water bottle'"])(
    '%s opens the heat-or-ice tip',
    async (line) => {
      const { replies } = await session([line]);
      expect(replies[0]).toContain(tips['heat-ice'].text);
    },
  );

  it('/ask with an apostrophe and private:false: the question keeps its apostrophe and the reply is public', async () => {
    const { replies, sent } = await session(["/ask why doesn't my hip stop hurting private:false"]);
    expect(sent[0]).toMatchObject({
      data: {
        options: [
          { name: 'question', value: "why doesn't my hip stop hurting" },
          { name: 'private', value: false },
        ],
      },
    });
    expect(replies[0]).not.toMatch(/^\(only you can see this\)/);
  });

  it('does not hold its one user to the anti-spam cooldown: ten quick commands, ten answers', async () => {
    const lines = Array.from({ length: 10 }, () => '/urgent');
    const { replies } = await session(lines);
    expect(replies.slice(0, 10)).toHaveLength(10);
    for (const reply of replies.slice(0, 10)) {
      expect(reply).toContain(EMERGENCY_LEAD);
      expect(reply).not.toMatch(/slow down/i);
    }
    // The same ten through the app Discord's users reach: the sixth is told to slow down.
    const discord = createApp(bot);
    const outcomes = lines.map((line) => {
      const parsed = commandInteraction(line, discord.commands, 'en-US');
      if (!parsed.ok) throw new Error(parsed.error);
      return discord.handle(parsed.interaction).outcome;
    });
    expect(outcomes.indexOf('cooldown')).toBe(5);
  });

  it('a number opens that button: a component interaction with its custom_id', async () => {
    const { replies, sent } = await session(['/cause herniated-disc', '3']);
    expect(replies[0]).toContain('[3] Urgent warning signs');
    expect(sent[1]).toMatchObject({ type: 3, data: { custom_id: 'topic:urgent', component_type: 2 } });
    expect(replies[1]).toContain(EMERGENCY_LEAD);
    expect(replies[1]?.endsWith(PROVIDER_RECOMMENDATION)).toBe(true);
  });

  it('a number opens a select menu option with its value', async () => {
    const { replies, sent } = await session(['/tips', '1']);
    expect(replies[0]).toContain(`[1] ${tips.exercise.title}`);
    expect(sent[1]).toMatchObject({
      type: 3,
      data: { custom_id: 'menu:tip', component_type: 3, values: ['tip:exercise'] },
    });
    expect(replies[1]).toContain(tips.exercise.text);
  });

  it('marks private replies, and a click inside one updates it', async () => {
    const { replies, sent } = await session(['/urgent private:true', '/cause private:yes', '1']);
    expect(replies[0]).toMatch(/^\(only you can see this\)\n/);
    expect(replies[1]).toMatch(/^\(only you can see this\)\n/);
    expect(sent[2]).toMatchObject({ type: 3, message: { flags: 64 } });
    // The click answers by updating the private message in place (type 7): it stays private.
    expect(replies[2]).toMatch(/^\(only you can see this\)\n\nCause: /);
  });

  it('explains lines it cannot send, without sending them', async () => {
    const { replies, sent } = await session([
      '/urgent private:maybe',
      '/connection hips',
      '7',
      'cause sciatica',
    ]);
    expect(replies).toEqual([
      '/urgent: private must be true or false',
      '/connection has no value to fill with "hips"; its options are: private:',
      'No buttons to open yet.',
      'Commands start with /, for example /cause herniated-disc. Type help for more.',
      '',
    ]);
    expect(sent).toEqual([]);
  });

  it('an unknown command gets the reply Discord users get for a stale command', async () => {
    const { replies } = await session(['/nonsense']);
    expect(replies[0]).toContain('Unknown command');
    expect(replies[0]?.endsWith(PROVIDER_RECOMMENDATION)).toBe(true);
  });

  it('help lists every command with its options; exit quits before the rest of the input', async () => {
    const app = createApp(bot);
    const { replies, sent } = await session(['help', 'exit', '/tips'], { end: false });
    for (const command of app.commands.values()) expect(replies[0]).toContain(`/${command.data.name} `);
    expect(replies[0]).toContain('/cause [name:...] [private:true]');
    expect(sent).toEqual([]);
  });

  it('/ask-message <text> is Apps -> Ask hip-back-bot on a message with that text: the private /ask answer, with the share button', async () => {
    const text = 'my back hurts and I have lost control of my bladder';
    const { replies, sent } = await session([`/ask-message ${text}`]);
    expect(sent[0]).toMatchObject({ type: 2, data: { name: 'Ask hip-back-bot', type: 3 } });
    const data = sent[0]?.data as {
      target_id: string;
      resolved: { messages: Record<string, { content: string }> };
    };
    expect(data.resolved.messages[data.target_id]?.content).toBe(text);
    const reply = replies[0] ?? '';
    expect(reply).toMatch(
      /^\(only you can see this\)\n\nIf you have any of these, call your local emergency number now/,
    );
    expect(reply).toContain('The message mentions');
    expect(reply).toContain('[1] Share warning signs in this channel');
    expect(reply.endsWith(PROVIDER_RECOMMENDATION)).toBe(true);
  });

  it('/ask with no question opens the question box as a prompt; the typed line is submitted as the form', async () => {
    const { output, sent } = await session(['/ask', 'I think I slipped a disc']);
    expect(output).toContain('Ask hip-back-bot\nYour question about hip or lower back pain (e.g. ');
    expect(sent[1]).toMatchObject({
      type: 5,
      data: {
        custom_id: 'ask:private',
        components: [{ type: 18, component: { custom_id: 'question', value: 'I think I slipped a disc' } }],
      },
    });
    expect(output).toContain('Cause: Herniated disc');
    expect(output).toContain(`${PROVIDER_RECOMMENDATION}\n`);
  });

  it('an empty line cancels the question box', async () => {
    const { output, sent } = await session(['/ask', '', '/tips']);
    expect(output).toContain('Cancelled.');
    expect(sent).toHaveLength(2);
    expect(output).toContain('Alleviating Lower Back Hip Pain');
  });

  it('uses the given locale for the interaction', async () => {
    const { sent } = await session(['/urgent'], { locale: 'en-GB' });
    expect(sent[0]?.locale).toBe('en-GB');
  });

  it('colours only when asked to (a terminal)', async () => {
    const plain = await session(['/cause sciatica']);
    const coloured = await session(['/cause sciatica'], { color: true });
    expect(plain.output).not.toContain('\u001b[');
    expect(coloured.output).toContain('\u001b[1m');
  });
});

describe('localeFromEnv', () => {
  it.each([
    [{ LANG: 'en_GB.UTF-8' }, 'en-GB'],
    [{ LANG: 'de_DE.UTF-8' }, 'de'],
    [{ LANG: 'pt_BR' }, 'pt-BR'],
    [{ LANG: 'es_MX.UTF-8' }, 'es-ES'],
    [{ LANG: 'C.UTF-8' }, 'en-US'],
    [{}, 'en-US'],
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'fr_FR.UTF-8' }, 'fr'],
  ])('%j -> %s', (env, locale) => {
    expect(localeFromEnv(env)).toBe(locale);
  });
});

describe('npm start without a token (built entry)', () => {
  it('without a terminal: exit 1 and says why', async () => {
    const run = await runBuilt(BUILT.main, [], { input: '/cause sciatica\n' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^No DISCORD_TOKEN set and no interactive terminal for the local console: set DISCORD_TOKEN in \.env/,
    );
  });

  it('on a real terminal (a pseudo-terminal from script(1)): runs the console and says why', async () => {
    // script gives the bot a pseudo-terminal on stdin and stdout, as a user's terminal would.
    const child = spawn('script', ['-qec', `"${process.execPath}" "${BUILT.main}"`, '/dev/null'], {
      cwd: workDir(),
      env: { PATH: process.env.PATH ?? '', TERM: 'dumb', LANG: 'en_GB.UTF-8' },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdin.end('/cause herniated-disc\n3\nexit\n');
    const code = await new Promise<number | null>((done) => child.on('close', done));
    const text = output.replace(/\r/g, '');
    expect(code).toBe(0);
    expect(text).toContain(
      'No DISCORD_TOKEN set: running the local console (set DISCORD_TOKEN in .env to run the bot on Discord).',
    );
    expect(text).toContain('console (locale en-GB)');
    expect(text).toContain(causes['herniated-disc'].text);
    expect(text).toContain(EMERGENCY_LEAD);
    expect(text.trimEnd().endsWith('>')).toBe(true);
  });

  it('piped into tee from a terminal (stdin still the terminal): runs the console, without colour codes', async () => {
    const dir = workDir();
    const child = spawn(
      'script',
      ['-qec', `"${process.execPath}" "${BUILT.main}" | tee bot.log`, '/dev/null'],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', LANG: 'en_GB.UTF-8' },
      },
    );
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stdin.end('/tips heat\n/cause slipped disc\n/urgent\nexit\n');
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    const log = readFileSync(join(dir, 'bot.log'), 'utf8');
    expect(log).toContain('No DISCORD_TOKEN set: running the local console');
    expect(log).toContain(tips['heat-ice'].text);
    expect(log).toContain(causes['herniated-disc'].text);
    expect(log).toContain(EMERGENCY_LEAD);
    expect(log).not.toContain('\u001b[');
    expect(output.replace(/\r/g, '')).toContain(tips['heat-ice'].text);
  });
});
