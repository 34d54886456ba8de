import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { causes, PROVIDER_RECOMMENDATION } from '../../content/index.js';
import { createApp } from '../../src/core/app.js';
import { bot } from '../../commands/index.js';
import { commandInteraction } from '../../src/transports/console/parse-line.js';
import { BUILT, runBuilt, workDir } from '../helpers/run-built.js';

const ask = (...args: string[]) => runBuilt(BUILT.ask, args, { env: { LANG: 'en_US.UTF-8' } });

/** What the app itself answers for a line, to compare the CLI's output with. */
function inProcess(line: string) {
  const app = createApp(bot);
  const request = commandInteraction(line, app.commands, 'en-US');
  if (!request.ok) throw new Error(request.error);
  return app.handle(request.interaction).response;
}

describe('npm run ask (built CLI)', () => {
  it('exits quietly when its reader has gone before it writes (as under `| head -c 10`)', async () => {
    const child = spawn(process.execPath, [BUILT.ask, '--json', '/tips'], {
      cwd: workDir(),
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Closed before node has even started: the one write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('prints the herniated-disc reply as text, ending with the provider sentence, exit 0', async () => {
    const run = await ask('/cause herniated-disc');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Cause: Herniated disc\n/);
    expect(run.stdout).toContain(causes['herniated-disc'].text);
    expect(run.stdout).toContain('[1] Ways to relieve pain');
    expect(run.stdout.endsWith(`\n${PROVIDER_RECOMMENDATION}\n`)).toBe(true);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('/ask-message <text> prints the message command’s private reply; /ask alone prints the question box (type 9)', async () => {
    const run = await ask('/ask-message', 'I think I slipped a disc');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\(only you can see this\)\n\nCause: Herniated disc\n/);
    expect(run.stdout).toContain('From the message\nI think I slipped a disc');
    const form = await ask('--json', '/ask');
    expect(form.code).toBe(0);
    expect(JSON.parse(form.stdout)).toMatchObject({
      type: 9,
      data: { custom_id: 'ask:private', title: 'Ask hip-back-bot' },
    });
    const text = await ask('/ask');
    expect(text.stdout).toMatch(/^Form: Ask hip-back-bot\n {2}Your question about hip or lower back pain/);
  });

  it('takes the command as separate words too, and lay terms', async () => {
    const run = await ask('/cause', 'slipped', 'disc');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(causes['herniated-disc'].text);
  });

  it('--json prints the exact interaction response on one line: type 4, no mentions', async () => {
    const run = await ask('--json', '/cause herniated-disc');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('');
    const response = JSON.parse(lines[0] ?? '') as {
      type: number;
      data: { allowed_mentions: unknown; embeds: { description?: string; footer?: { text: string } }[] };
    };
    expect(response.type).toBe(4);
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
    expect(response.data.embeds[0]?.description).toBe(causes['herniated-disc'].text);
    expect(response.data.embeds.at(-1)?.footer?.text).toBe(PROVIDER_RECOMMENDATION);
    // Byte for byte what the gateway POSTs: the app's response, JSON.stringify'd.
    expect(lines[0]).toBe(JSON.stringify(inProcess('/cause herniated-disc')));
  });

  it('an unknown value prints the private did-you-mean reply Discord users get, exit 2', async () => {
    const run = await ask('/cause wobbly knees');
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(
      /^\(only you can see this\)\n\nNot found\nI don't know 'wobbly knees'\. Did you mean /,
    );
    expect(run.stdout.endsWith(`${PROVIDER_RECOMMENDATION}\n`)).toBe(true);

    const json = await ask('--json', '/cause wobbly knees');
    expect(json.code).toBe(2);
    expect(json.stdout).toBe(`${JSON.stringify(inProcess('/cause wobbly knees'))}\n`);
    expect(JSON.parse(json.stdout)).toMatchObject({ type: 4, data: { flags: 64 } });
  });

  it('an unknown command prints the stale-command reply, exit 2', async () => {
    const run = await ask('/knees');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Unknown command\nThis bot no longer has the command you used');
  });

  it.each([
    [['/urgent private:maybe'], '/urgent: private must be true or false\n'],
    [[], 'Give one slash command, for example "/cause herniated-disc".'],
    [['cause sciatica'], 'Give one slash command, for example "/cause herniated-disc".'],
    [['--jsn', '/tips'], "Unknown option '--jsn'"],
  ])('%j is refused on stderr with exit 2', async (args, message) => {
    const run = await ask(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});
