import { InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/v10';
import type { ComponentHandler, MessageCommand, ModalHandler, SlashCommand } from './command.js';
import { Cooldown } from './cooldown.js';
import type { Invocation } from './interaction.js';
import type { ReplyTable } from './reply-table.js';
import { COLORS, messageResponse, modalResponse, updateResponse, type ReplyDraft } from './reply.js';

export const OUTCOMES = ['ok', 'unknown-command', 'unknown-value', 'cooldown', 'error', 'pong'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Dispatched {
  readonly response: APIInteractionResponse;
  /**
   * What was asked for, for the log: a known command name, a known component prefix, or
   * `unknown`. Never text from the wire, which anyone can fill with anything.
   */
  readonly label: string;
  readonly outcome: Outcome;
  /** Set when a handler threw: the error, and the code the user was shown. */
  readonly error?: { readonly code: string; readonly cause: unknown };
}

export interface DispatchDeps {
  readonly commands: ReadonlyMap<string, SlashCommand>;
  readonly components: readonly ComponentHandler[];
  readonly messageCommands: ReadonlyMap<string, MessageCommand>;
  readonly modals: readonly ModalHandler[];
  readonly cooldown: Cooldown;
  readonly now: () => number;
  /** Replies built at start; undefined: every reply is built per call. */
  readonly table?: ReplyTable | undefined;
}

/** The log label of anything the app does not know (a stale or forged command or custom_id). */
export const UNKNOWN_LABEL = 'unknown';

export function notice(title: string, description: string): ReplyDraft {
  return { private: true, embeds: [{ title, description, color: COLORS.notice }] };
}

const UNKNOWN_COMMAND = notice(
  'Unknown command',
  `This bot no longer has the command you used: its command list may be out of date. Type / to see the current commands, or use /help.`,
);
const UNKNOWN_BUTTON = notice(
  'Unknown button',
  'This button is from an older version of the bot. Use /help to start again.',
);
const UNKNOWN_FORM = notice(
  'Unknown form',
  'This form is from an older version of the bot. Use /help to start again.',
);

function cooldownNotice(seconds: number): ReplyDraft {
  return notice('Slow down', `You're sending commands quickly: slow down, try again in ${seconds} s.`);
}

/** The private reply for a handler that threw. The code is the interaction id, also in the log. */
export function errorReply(code: string): ReplyDraft {
  return notice(
    'Something went wrong',
    `Something went wrong (error code ${code}). Please try again in a moment; if it keeps happening, tell the server's admins and quote the code.`,
  );
}

/**
 * Runs one interaction through the commands and always answers: a throwing handler, an unknown
 * command, a stale button or a user over the cooldown each get a clear private reply.
 */
export function dispatch(inv: Invocation, deps: DispatchDeps): Dispatched {
  if (inv.kind === 'ping')
    return { response: { type: InteractionResponseType.Pong }, label: 'ping', outcome: 'pong' };

  if (inv.kind === 'autocomplete') {
    const command = deps.commands.get(inv.name);
    const label = command ? inv.name : UNKNOWN_LABEL;
    try {
      const choices = command?.autocomplete?.(inv) ?? [];
      return {
        response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } },
        label,
        outcome: command ? 'ok' : 'unknown-command',
      };
    } catch (cause) {
      return {
        response: {
          type: InteractionResponseType.ApplicationCommandAutocompleteResult,
          data: { choices: [] },
        },
        label,
        outcome: 'error',
        error: { code: inv.id, cause },
      };
    }
  }

  const command = inv.kind === 'command' ? deps.commands.get(inv.name) : undefined;
  const messageCommand = inv.kind === 'message-command' ? deps.messageCommands.get(inv.name) : undefined;
  const handler =
    inv.kind === 'component'
      ? deps.components.find((h) => inv.customId.startsWith(`${h.prefix}:`))
      : undefined;
  const form =
    inv.kind === 'modal-submit'
      ? deps.modals.find((h) => inv.customId.startsWith(`${h.prefix}:`))
      : undefined;
  const label =
    command?.data.name ?? messageCommand?.data.name ?? handler?.prefix ?? form?.prefix ?? UNKNOWN_LABEL;
  const answer = (draft: ReplyDraft) =>
    inv.kind === 'component' && inv.onEphemeral && !handler?.newMessage
      ? updateResponse(draft)
      : messageResponse(draft);

  const waitMs = deps.cooldown.take(inv.userId, deps.now());
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return {
      response: messageResponse(cooldownNotice(seconds)),
      label,
      outcome: 'cooldown',
    };
  }

  try {
    if (inv.kind === 'command') {
      if (!command) {
        return {
          response: messageResponse(UNKNOWN_COMMAND),
          label,
          outcome: 'unknown-command',
        };
      }
      const tabled = deps.table?.command(command, inv.options, inv.locale);
      if (tabled) return { response: tabled.response, label, outcome: tabled.outcome };
      const modal = command.modal?.(inv);
      if (modal) return { response: modalResponse(modal), label, outcome: 'ok' };
      const draft = command.run(inv);
      return { response: messageResponse(draft), label, outcome: draft.outcome ?? 'ok' };
    }
    if (inv.kind === 'message-command') {
      if (!messageCommand) {
        return { response: messageResponse(UNKNOWN_COMMAND), label, outcome: 'unknown-command' };
      }
      const draft = messageCommand.run({ text: inv.text, locale: inv.locale });
      return { response: messageResponse(draft), label, outcome: draft.outcome ?? 'ok' };
    }
    if (inv.kind === 'modal-submit') {
      if (!form) return { response: messageResponse(UNKNOWN_FORM), label, outcome: 'unknown-command' };
      const draft = form.run({
        rest: inv.customId.slice(form.prefix.length + 1),
        fields: inv.fields,
        locale: inv.locale,
      });
      return { response: messageResponse(draft), label, outcome: draft.outcome ?? 'ok' };
    }
    if (!handler) {
      return {
        response: messageResponse(UNKNOWN_BUTTON),
        label,
        outcome: 'unknown-command',
      };
    }
    const input = { rest: inv.customId.slice(handler.prefix.length + 1), values: inv.values };
    const click = deps.table?.click(handler, input, inv.locale);
    if (click) {
      const tabled = inv.onEphemeral && !handler.newMessage ? click.update : click.message;
      return { response: tabled.response, label, outcome: tabled.outcome };
    }
    const draft = handler.run({ ...input, locale: inv.locale });
    return { response: answer(draft), label, outcome: draft.outcome ?? 'ok' };
  } catch (cause) {
    return {
      response: messageResponse(errorReply(inv.id)),
      label,
      outcome: 'error',
      error: { code: inv.id, cause },
    };
  }
}
