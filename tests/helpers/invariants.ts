import {
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { expect } from 'vitest';
import { PROVIDER_RECOMMENDATION } from '../../content/index.js';
import { limitViolations } from '../../src/core/limits.js';

/**
 * The invariants every message the bot sends must hold (architecture.md), asserted on exactly what
 * Discord would receive. Any test of any transport can import these.
 */

export interface ExpectedMessage {
  /** The user asked for a private reply (or the reply is private by nature: errors, notices). */
  readonly ephemeral: boolean;
}

/** Mention syntax Discord would render as a ping or a chip: none may reach a message unescaped. */
const LIVE_MENTION = /@everyone|@here|<@[!&]?\d+>|<#\d+>/;
/** `[label](url)`: a masked link, unless its bracket is escaped. */
const LIVE_MASKED_LINK = /(?<!\\)\[[^\]]*\]\(\s*<?https?:/i;

/** Every piece of text a user sees in a message: embed texts, then button and select labels. */
export function visibleTexts(data: APIInteractionResponseCallbackData): string[] {
  const out: string[] = [];
  if (data.content) out.push(data.content);
  for (const e of data.embeds ?? []) {
    if (e.title) out.push(e.title);
    if (e.description) out.push(e.description);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
    if (e.footer) out.push(e.footer.text);
  }
  for (const row of data.components ?? []) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const c of row.components) {
      if (c.type === ComponentType.Button && 'label' in c && c.label) out.push(c.label);
      if (c.type === ComponentType.StringSelect) {
        if (c.placeholder) out.push(c.placeholder);
        for (const o of c.options) out.push(o.label, ...(o.description ? [o.description] : []));
      }
    }
  }
  return out;
}

/** The message inside a type 4 (new message) or type 7 (update) response; fails on anything else. */
export function messageData(
  response: APIInteractionResponse | undefined,
): APIInteractionResponseCallbackData {
  expect(response, 'a message reply').toBeDefined();
  const r = response as APIInteractionResponse;
  expect([InteractionResponseType.ChannelMessageWithSource, InteractionResponseType.UpdateMessage]).toContain(
    r.type,
  );
  return (r as { data: APIInteractionResponseCallbackData }).data;
}

/**
 * Invariants 1-3 of architecture.md and the private flag: the provider sentence is the last text
 * (footer of the last embed), no mention can fire, no raw mention or masked link shows, every Discord
 * limit holds, and flags are 64 exactly when private. Returns the message for further checks.
 */
export function expectMessageInvariants(
  response: APIInteractionResponse | undefined,
  expected: ExpectedMessage,
): APIInteractionResponseCallbackData {
  const data = messageData(response);
  const embeds = data.embeds ?? [];
  expect(embeds.length, 'at least one embed').toBeGreaterThan(0);
  expect(embeds.at(-1)?.footer?.text, 'provider sentence as the last embed footer').toBe(
    PROVIDER_RECOMMENDATION,
  );
  expect(data.allowed_mentions, 'allowed_mentions').toEqual({ parse: [] });
  expect(limitViolations(data), 'Discord limit violations').toEqual([]);
  for (const text of visibleTexts(data)) {
    expect(text, 'raw mention syntax').not.toMatch(LIVE_MENTION);
    expect(text, 'masked link').not.toMatch(LIVE_MASKED_LINK);
  }
  if ((response as APIInteractionResponse).type === InteractionResponseType.UpdateMessage) {
    // An update keeps the clicked message's flags; the bot only updates its own private replies.
    expect(expected.ephemeral, 'an update answers a click inside a private reply').toBe(true);
    expect(data.flags, 'update responses carry no flags').toBeUndefined();
  } else {
    expect(data.flags, 'flags').toBe(expected.ephemeral ? MessageFlags.Ephemeral : undefined);
  }
  return data;
}
