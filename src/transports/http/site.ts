import type { APIInteractionResponse } from 'discord-api-types/v10';
import { createApp, type AppOptions } from '../../core/app.js';
import { Cooldown } from '../../core/cooldown.js';
import { lineInteraction } from '../console/parse-line.js';
import { escapeHtml, markdownHtml, responseHtml } from './render-html.js';

/** A group of example commands shown on the page, each typed as in the console. */
export interface ShowcaseSection {
  readonly id: string;
  readonly title: string;
  /** Console lines, e.g. `/cause herniated-disc` or `/ask-message <text>`. */
  readonly lines: readonly string[];
}

export interface SiteContent {
  readonly appName: string;
  /** What the bot is and is not, in its own words (paragraphs). */
  readonly about: readonly string[];
  readonly sections: readonly ShowcaseSection[];
}

export interface SiteOptions {
  /** The commands and handlers the bot runs: the page shows their real responses. */
  readonly bot: AppOptions;
  readonly content: SiteContent;
  /** The links of `npm run invite`; without an application id the page says how to get them. */
  readonly installLinks?: { readonly guild: string; readonly user: string } | undefined;
  /** Links in the page's footer, e.g. the privacy policy and terms. */
  readonly footerLinks?: readonly { readonly label: string; readonly href: string }[];
}

/** One example on the page: the line typed and the exact interaction response the bot sends for it. */
export interface Example {
  readonly id: string;
  readonly line: string;
  readonly response: APIInteractionResponse;
}

/** Each example's response, from the same app and the same raw interaction the console sends. */
export function showcaseExamples(options: SiteOptions): { section: ShowcaseSection; examples: Example[] }[] {
  // One pretend user asks everything: no anti-spam cooldown, as in the console.
  const app = createApp({ ...options.bot, cooldown: new Cooldown(Number.POSITIVE_INFINITY) });
  let n = 0;
  return options.content.sections.map((section) => ({
    section,
    examples: section.lines.map((line) => {
      const parsed = lineInteraction(line, app, 'en-US');
      if (!parsed.ok) throw new Error(`showcase line ${line}: ${parsed.error}`);
      const response = app.handle(parsed.interaction).response;
      if (!response) throw new Error(`showcase line ${line}: no response`);
      n += 1;
      return { id: `example-${n}`, line, response };
    }),
  }));
}

/*
 * Discord's dark theme, with contrast of at least 4.5:1 for every text colour on its background
 * (checked by axe-core in tests/transports/http/page.browser.test.ts). System fonts only.
 */
const CSS = `
:root{color-scheme:dark;--bg:#313338;--embed:#2b2d31;--text:#dbdee1;--muted:#b5bac1;--link:#00a8fc}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--link)}
header,main,footer{max-width:960px;margin:0 auto;padding:16px}
h1{color:#fff;margin:.2em 0}
h2{color:#fff;border-bottom:1px solid #4e5058;padding-bottom:.2em;margin-top:2em}
h3{font-size:1rem;margin:1.5em 0 .5em}
code{background:#1e1f22;color:#f2f3f5;padding:.1em .35em;border-radius:4px;font-size:.95em;overflow-wrap:anywhere}
.install{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.install a{display:inline-block;background:#4752c4;color:#fff;text-decoration:none;font-weight:600;padding:10px 16px;border-radius:4px}
.install a:focus,.install a:hover{background:#3c45a5;outline:2px solid #fff;outline-offset:2px}
nav.contents ul{display:flex;flex-wrap:wrap;gap:8px 16px;padding:0;list-style:none}
.message{display:flex;gap:12px;align-items:flex-start}
.avatar{flex:0 0 40px;height:40px;border-radius:50%;background:#4752c4;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700}
.message-body{flex:1;min-width:0}
.author{color:#fff;font-weight:600}
.app-tag{background:#4752c4;color:#fff;font-size:.65rem;padding:1px 4px;border-radius:3px;vertical-align:middle}
.embed{background:var(--embed);border-left:4px solid;border-radius:4px;padding:8px 16px 12px 12px;margin:6px 0;max-width:520px;overflow-wrap:anywhere}
.embed-title{color:#fff;margin:4px 0;font-size:1rem}
.embed-description,.field-value{white-space:pre-line;font-size:.9rem}
.field{margin-top:8px}
.field-name{color:#fff;font-weight:600;font-size:.9rem}
.embed-footer{color:var(--muted);font-size:.75rem;margin-top:8px;white-space:pre-line}
.row{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.button{display:inline-block;padding:6px 14px;border-radius:4px;color:#fff;font-size:.875rem;font-weight:500}
.button.primary{background:#4752c4}.button.secondary{background:#4e5058}.button.success{background:#1f7a3c}.button.danger{background:#a12d2f}
.select{background:#1e1f22;border-radius:4px;padding:8px 12px;max-width:520px;width:100%}
.select-placeholder{color:var(--muted)}
.select-options{list-style:none;padding:0;margin:6px 0 0}
.select-options li{padding:4px 0;border-top:1px solid #3f4147}
.option-label{display:block;color:#fff}
.option-description{display:block;color:var(--muted);font-size:.8rem}
.only-you{color:var(--muted);font-size:.75rem}
.modal{background:var(--bg);border:1px solid #4e5058;border-radius:8px;padding:16px;max-width:440px}
.modal-title{color:#fff;font-weight:700;font-size:1.2rem;margin-bottom:12px}
.modal-label{display:block;color:var(--muted);font-size:.8rem;font-weight:700;text-transform:uppercase;margin-bottom:6px}
.modal-input{width:100%;background:#1e1f22;color:var(--text);border:0;border-radius:4px;padding:10px;font:inherit;resize:none}
.modal-input::placeholder{color:#949ba4}
@media (max-width:600px){header,main,footer{padding:12px}.avatar{flex-basis:32px;height:32px}}
`;

/**
 * The home page: what the bot is and is not, its install links, and every showcase example rendered
 * from the response the bot sends. Plain HTML and inline CSS: no script, no font or file from
 * elsewhere, readable without JavaScript (the Content-Security-Policy says so to the browser).
 */
export function homePage(options: SiteOptions): string {
  const { content } = options;
  const name = escapeHtml(content.appName);
  const groups = showcaseExamples(options);
  const install = options.installLinks
    ? `<nav class="install" aria-label="Install"><a href="${escapeHtml(options.installLinks.guild)}">Add to a server</a><a href="${escapeHtml(options.installLinks.user)}">Add to your Discord account</a></nav>`
    : '<p>Install links appear here when the server has <code>DISCORD_APPLICATION_ID</code> set (or run <code>npm run invite</code>).</p>';
  const contents = groups
    .map(({ section }) => `<li><a href="#${section.id}">${escapeHtml(section.title)}</a></li>`)
    .join('');
  const sections = groups
    .map(
      ({ section, examples }) =>
        `<section id="${section.id}" aria-labelledby="${section.id}-h"><h2 id="${section.id}-h">${escapeHtml(section.title)}</h2>${examples
          .map(
            (e) =>
              `<div class="example" id="${e.id}" data-line="${escapeHtml(e.line)}"><h3><code>${escapeHtml(e.line)}</code></h3>${responseHtml(e.response, content.appName, e.id)}</div>`,
          )
          .join('')}</section>`,
    )
    .join('');
  const footer = (options.footerLinks ?? [])
    .map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`)
    .join(' · ');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    `<title>${name}: every reply</title><style>${CSS}</style></head><body>`,
    `<header><h1>${name}</h1>${content.about.map((p) => `<p>${markdownHtml(p)}</p>`).join('')}${install}`,
    `<nav class="contents" aria-label="Replies"><ul>${contents}</ul></nav></header>`,
    `<main>${sections}</main>`,
    footer ? `<footer><p>${footer}</p></footer>` : '',
    '</body></html>',
  ].join('');
}
