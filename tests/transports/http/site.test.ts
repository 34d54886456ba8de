import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_CONTENT } from '../../../commands/showcase.js';
import { escapeHtml, markdownHtml } from '../../../src/transports/http/render-html.js';
import { newSigningKeys, send, startServer, type ServerProcess } from '../../helpers/http-server.js';

const APPLICATION_ID = '1300000000000000042';
const ROOT = resolve(import.meta.dirname, '../../..');
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ keys: newSigningKeys(), env: { DISCORD_APPLICATION_ID: APPLICATION_ID } });
});
afterAll(async () => {
  await server.stop();
});

describe('GET / on the HTTP endpoint and npm run site', () => {
  it('serves the page as HTML with a CSP that allows no script, every showcase line on it; POST gets 405', async () => {
    const page = await send(server.port, { method: 'GET', path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(page.text).not.toMatch(/<script|<link|@import|url\(/i);
    for (const section of SITE_CONTENT.sections)
      for (const line of section.lines) expect(page.text).toContain(`data-line="${escapeHtml(line)}"`);
    expect(page.text).toContain(`client_id=${APPLICATION_ID}`);
    const head = await send(server.port, { method: 'HEAD', path: '/' });
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect((await send(server.port, { method: 'POST', path: '/', body: '' })).status).toBe(405);
  });

  it('npm run site writes the very same page to a folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hip-back-site-'));
    const out = await new Promise<string>((done, fail) =>
      execFile(
        process.execPath,
        [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/cli/site.ts'), folder],
        { cwd: folder, env: { PATH: process.env.PATH ?? '', DISCORD_APPLICATION_ID: APPLICATION_ID } },
        (error, stdout) => (error ? fail(new Error(error.message)) : done(stdout)),
      ),
    );
    expect(out).toMatch(/^Wrote .*index\.html \(\d+ bytes\)\n$/);
    const page = await send(server.port, { method: 'GET', path: '/' });
    expect(readFileSync(join(folder, 'index.html'), 'utf8')).toBe(page.text);
  }, 60_000);

  it('renders Discord markdown as the client shows it, escaping everything else', () => {
    expect(markdownHtml('**bold** \\*not\\* <https://nhs.uk/a> @\u200beveryone <b>')).toBe(
      '<strong>bold</strong> *not* <a href="https://nhs.uk/a" rel="noopener noreferrer">https://nhs.uk/a</a> @everyone &lt;b&gt;',
    );
  });
});
