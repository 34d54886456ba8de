import { describe, expect, it } from 'vitest';
import { installLinks } from '../../src/cli/install-links.js';
import { BUILT, runBuilt, workDir } from '../helpers/run-built.js';

const APPLICATION_ID = '1300000000000000001';

describe('installLinks', () => {
  it('gives a server install with applications.commands and bot at permissions 0, and a user install with applications.commands only', () => {
    const links = installLinks(APPLICATION_ID);
    const guild = new URL(links.guild);
    const user = new URL(links.user);
    for (const url of [guild, user]) {
      expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
      expect(url.searchParams.get('client_id')).toBe(APPLICATION_ID);
    }
    expect(guild.searchParams.get('scope')?.split(' ')).toEqual(['applications.commands', 'bot']);
    expect(guild.searchParams.get('permissions')).toBe('0');
    expect(guild.searchParams.get('integration_type')).toBe('0');
    expect(user.searchParams.get('scope')).toBe('applications.commands');
    expect(user.searchParams.has('permissions')).toBe(false);
    expect(user.searchParams.get('integration_type')).toBe('1');
  });
});

describe('npm run invite (the built CLI)', () => {
  it('prints both links for the id in .env', async () => {
    const run = await runBuilt(BUILT.invite, [], {
      cwd: workDir(`DISCORD_APPLICATION_ID=${APPLICATION_ID}\n`),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const links = installLinks(APPLICATION_ID);
    expect(run.stdout).toContain(`  ${links.guild}\n`);
    expect(run.stdout).toContain(`  ${links.user}\n`);
  });

  it('ignores other settings it does not use, even malformed ones', async () => {
    const run = await runBuilt(BUILT.invite, [], {
      env: { DISCORD_APPLICATION_ID: APPLICATION_ID, PORT: 'eighty', DISCORD_PUBLIC_KEY: 'nope' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(installLinks(APPLICATION_ID).user);
  });

  it('says in one line that the id is missing, and exits 1', async () => {
    const run = await runBuilt(BUILT.invite, []);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Configuration error: DISCORD_APPLICATION_ID is not set: copy the Application ID/,
      ),
    ]);
  });

  it('says in one line that a malformed id is not an application id, without echoing it, and exits 1', async () => {
    const run = await runBuilt(BUILT.invite, [], { env: { DISCORD_APPLICATION_ID: 'my-bot 123' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Configuration error: DISCORD_APPLICATION_ID is not an application id \(digits only\)/,
    );
    expect(run.stderr).not.toContain('my-bot');
  });
});
