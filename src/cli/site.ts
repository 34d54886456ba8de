import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bot } from '../../commands/index.js';
import { SITE_CONTENT } from '../../commands/showcase.js';
import { loadConfig, parseConfig } from '../core/config.js';
import { homePage } from '../transports/http/site.js';
import { installLinks } from './install-links.js';

/**
 * `npm run site [-- folder]`: writes the pages the HTTP endpoint serves at GET / as static files
 * (index.html) to a folder, default `site/`, for any static host. The install links use
 * DISCORD_APPLICATION_ID when it is set (as `npm run invite` does).
 * Exit codes: 0 written, 2 bad arguments.
 */

const USAGE = 'Usage: npm run site [-- <folder>]   (default: site)';

function main(): number {
  let folder: string;
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h', default: false } },
    });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new Error('give at most one folder');
    folder = resolve(positionals[0] ?? 'site');
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  loadConfig(); // reads .env into process.env
  // Only DISCORD_APPLICATION_ID matters here, as for `npm run invite`; unset or malformed: no links.
  const config = parseConfig({ DISCORD_APPLICATION_ID: process.env.DISCORD_APPLICATION_ID }, []);
  const applicationId = config.ok ? config.config.applicationId : undefined;
  const html = homePage({
    bot,
    content: SITE_CONTENT,
    installLinks: applicationId ? installLinks(applicationId) : undefined,
  });
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'index.html');
  writeFileSync(file, html);
  process.stdout.write(
    `Wrote ${file} (${Buffer.byteLength(html)} bytes)${applicationId ? '' : '; set DISCORD_APPLICATION_ID for the install links'}\n`,
  );
  return 0;
}

process.exitCode = main();
