/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bot } from '../../../commands/index.js';
import { createApp } from '../../../src/core/app.js';
import { Cooldown } from '../../../src/core/cooldown.js';
import { lineInteraction } from '../../../src/transports/console/parse-line.js';
import { newSigningKeys, startServer, type ServerProcess } from '../../helpers/http-server.js';

/**
 * GET / in a real browser: Debian's Chromium (/usr/bin/chromium; .ci/run installs it) driven by
 * playwright-core, which downloads no browser. The page must show every reply exactly as the JSON
 * the bot sends, carry the install links, load nothing from elsewhere, pass axe-core, and fit a phone.
 */

const CHROMIUM = '/usr/bin/chromium';
const APPLICATION_ID = '1300000000000000042';
const SCREENSHOTS = resolve(import.meta.dirname, '../../screenshots');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let server: ServerProcess;
let context: BrowserContext;

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `${CHROMIUM} (apt-get install -y chromium)`).toBe(true);
  server = await startServer({ keys: newSigningKeys(), env: { DISCORD_APPLICATION_ID: APPLICATION_ID } });
  // A fresh profile per run (launchPersistentContext's folder is the --user-data-dir).
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hip-back-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await server?.stop();
});

/** Text as the Discord client shows Discord markdown: bold without stars, <url> as the url, escapes undone. */
function shown(text: string | undefined): string {
  return (text ?? '')
    .replace(/\*\*(.+?)\*\*/gs, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\\([^\w\s])/g, '$1')
    .replace(/\u200b/g, '');
}

interface Seen {
  line: string;
  embeds: { title: string; description: string; fields: { name: string; value: string }[]; footer: string }[];
  buttons: string[];
  placeholders: string[];
  options: string[];
  onlyYou: boolean;
  modal: { title: string; label: string; placeholder: string } | null;
}

/** What the page should show for a response, from the JSON alone. */
function expected(line: string, response: APIInteractionResponse): Seen {
  if (response.type === InteractionResponseType.Modal) {
    const [label] = response.data.components;
    const input = label?.type === ComponentType.Label ? label : undefined;
    return {
      line,
      embeds: [],
      buttons: [],
      placeholders: [],
      options: [],
      onlyYou: false,
      modal: {
        title: response.data.title,
        label: input?.label ?? '',
        placeholder:
          input?.component.type === ComponentType.TextInput ? (input.component.placeholder ?? '') : '',
      },
    };
  }
  const data = (response as { data: APIInteractionResponseCallbackData }).data;
  const parts = (data.components ?? []).flatMap((r) =>
    r.type === ComponentType.ActionRow ? r.components : [],
  );
  return {
    line,
    embeds: (data.embeds ?? []).map((e) => ({
      title: shown(e.title),
      description: shown(e.description),
      fields: (e.fields ?? []).map((f) => ({ name: shown(f.name), value: shown(f.value) })),
      footer: shown(e.footer?.text),
    })),
    buttons: parts.flatMap((c) => (c.type === ComponentType.Button && 'label' in c ? [c.label ?? ''] : [])),
    placeholders: parts.flatMap((c) => (c.type === ComponentType.StringSelect ? [c.placeholder ?? ''] : [])),
    options: parts.flatMap((c) =>
      c.type === ComponentType.StringSelect
        ? c.options.flatMap((o) => [o.label, ...(o.description ? [o.description] : [])])
        : [],
    ),
    onlyYou: ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    modal: null,
  };
}

describe('the page at GET / in Chromium', () => {
  it('shows every reply with exactly the JSON’s text, the install links, no console error, nothing from elsewhere, no serious axe violation, and fits a phone', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(`http://127.0.0.1:${server.port}/`)) elsewhere.push(r.url());
    });
    const response = await page.goto(`http://127.0.0.1:${server.port}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toBe('text/html; charset=utf-8');

    // Every example on the page, read from the DOM.
    const seen = await page.$$eval('.example', (nodes) =>
      nodes.map((n) => {
        const text = (el: Element | null) => el?.textContent ?? '';
        const modal = n.querySelector('.modal');
        return {
          line: n.getAttribute('data-line') ?? '',
          embeds: [...n.querySelectorAll('.embed')].map((e) => ({
            title: text(e.querySelector('.embed-title')),
            description: text(e.querySelector('.embed-description')),
            fields: [...e.querySelectorAll('.field')].map((f) => ({
              name: text(f.querySelector('.field-name')),
              value: text(f.querySelector('.field-value')),
            })),
            footer: text(e.querySelector('.embed-footer')),
          })),
          buttons: [...n.querySelectorAll('.button')].map(text),
          placeholders: [...n.querySelectorAll('.select-placeholder')].map(text),
          options: [...n.querySelectorAll('.select-options li span')].map(text),
          onlyYou: n.querySelector('.only-you') !== null,
          modal: modal
            ? {
                title: text(modal.querySelector('.modal-title')),
                label: text(modal.querySelector('label')),
                placeholder: modal.querySelector('textarea')?.getAttribute('placeholder') ?? '',
              }
            : null,
        };
      }),
    );
    // The JSON the bot sends for each line, as `npm run ask -- --json <line>` prints it.
    const app = createApp({ ...bot, cooldown: new Cooldown(Number.POSITIVE_INFINITY) });
    const json = seen.map((s) => {
      const parsed = lineInteraction(s.line, app, 'en-US');
      if (!parsed.ok) throw new Error(parsed.error);
      return expected(s.line, app.handle(parsed.interaction).response as APIInteractionResponse);
    });
    expect(seen).toEqual(json);
    // Every cause, tip and treatment, the overviews, /connection, /urgent, /help, /ask (two and the box), the message command.
    expect(seen.length).toBeGreaterThanOrEqual(5 + 5 + 4 + 3 + 2 + 3 + 1 + 1);
    expect(seen.some((s) => s.embeds[0]?.title.startsWith('If you have any of these'))).toBe(true);
    expect(seen.filter((s) => s.line.startsWith('/ask ')).length).toBeGreaterThanOrEqual(2);

    const links = await page.$$eval('.install a', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toHaveLength(2);
    for (const link of links) expect(new URL(link).searchParams.get('client_id')).toBe(APPLICATION_ID);
    expect(links.map((l) => new URL(l).searchParams.get('integration_type'))).toEqual(['0', '1']);

    // axe-core from npm, evaluated in the page (the page's CSP allows no script of its own).
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const result = await (
        globalThis as unknown as {
          axe: {
            run(): Promise<{
              passes: unknown[];
              violations: { id: string; impact: string | null; nodes: unknown[] }[];
            }>;
          };
        }
      ).axe.run();
      return {
        passes: result.passes.length,
        all: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
      };
    });
    // axe really ran its rules (colour contrast, labels, landmarks, ...), and none serious failed.
    expect(violations.passes).toBeGreaterThan(10);
    console.info(`axe-core: ${violations.passes} rules passed; violations ${JSON.stringify(violations.all)}`);
    expect(violations.all.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'page-desktop.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.screenshot({ path: join(SCREENSHOTS, 'page-phone.png'), fullPage: true });

    expect(errors).toEqual([]);
    expect(elsewhere).toEqual([]);
    await page.close();
  }, 180_000);

  it('is readable without JavaScript: the same replies are there with scripts off', async () => {
    const noScript = await chromium.launchPersistentContext(
      mkdtempSync(join(tmpdir(), 'hip-back-chromium-')),
      {
        executablePath: CHROMIUM,
        headless: true,
        args: ARGS,
        javaScriptEnabled: false,
      },
    );
    try {
      const page = await noScript.newPage();
      await page.goto(`http://127.0.0.1:${server.port}/`);
      const count = await page.locator('.example').count();
      expect(count).toBeGreaterThan(20);
      await expect(page.locator('#causes h2').textContent()).resolves.toBe('All causes');
    } finally {
      await noScript.close();
    }
  }, 60_000);
});
