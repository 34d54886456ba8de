import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { InteractionResponseType, type APIInteractionResponse } from 'discord-api-types/v10';
import type { ComponentHandler, MessageCommand, ModalHandler, SlashCommand } from './command.js';
import { Cooldown } from './cooldown.js';
import { dispatch, notice, type Dispatched, type Outcome } from './dispatch.js';
import { normalizeInteraction, type Invocation } from './interaction.js';
import { messageResponse } from './reply.js';
import { ReplyTable } from './reply-table.js';

export interface Handled {
  /** What to send back; undefined when the request cannot be answered at all (no id or token). */
  readonly response: APIInteractionResponse | undefined;
  readonly label: string;
  readonly outcome: Outcome | 'malformed';
  /** What kind of interaction it was; `malformed` when it could not be read. */
  readonly kind: Invocation['kind'] | 'malformed';
  readonly id: string | undefined;
  /** Set for a malformed interaction: which field was wrong (never its value). */
  readonly reason?: string;
  readonly error?: Dispatched['error'];
}

export interface AppOptions {
  readonly commands: readonly SlashCommand[];
  readonly components: readonly ComponentHandler[];
  /** Message context-menu commands (Apps -> name on a message). */
  readonly messageCommands?: readonly MessageCommand[];
  /** Handlers for submitted forms. */
  readonly modals?: readonly ModalHandler[];
  readonly cooldown?: Cooldown;
  readonly now?: () => number;
  /**
   * The reply table: `later`, built by buildReplyTable(), which a server calls once it serves (so
   * that building it does not delay its start); `now`, built inside createApp (tests, benchmarks);
   * absent, none: every reply built per call, as a one-shot use (`ask`, the console) wants.
   */
  readonly replyTable?: 'now' | 'later';
}

/** About how long a slice of buildReplyTable() holds the event loop (one entry more at most). */
const TABLE_SLICE_MS = 2;

/** How long after it starts serving a server begins to build its reply table. */
export const REPLY_TABLE_DELAY_MS = 1_000;

/** The transport-independent core: raw interaction JSON in, interaction response out. */
export function createApp(options: AppOptions) {
  const commands = new Map(options.commands.map((c) => [c.data.name, c]));
  const messageCommands = new Map((options.messageCommands ?? []).map((c) => [c.data.name, c]));
  const table = options.replyTable ? new ReplyTable(options.commands, options.components) : undefined;
  if (options.replyTable === 'now') table?.buildAll();
  const deps = {
    commands,
    messageCommands,
    modals: options.modals ?? [],
    components: options.components,
    cooldown: options.cooldown ?? new Cooldown(),
    now: options.now ?? Date.now,
    table,
  };
  return {
    commands,
    messageCommands,
    /** Every label an interaction can be logged or counted under: commands, component prefixes. */
    labels: [
      ...commands.keys(),
      ...messageCommands.keys(),
      ...options.components.map((c) => c.prefix),
      ...(options.modals ?? []).map((m) => m.prefix),
    ] as readonly string[],
    /**
     * Builds the reply table in slices of about 2 ms between other work, starting after `delayMs`
     * (so the first interactions after a start are not held up by it); resolves when done.
     */
    async buildReplyTable(delayMs = 0): Promise<void> {
      if (delayMs > 0) await sleep(delayMs, undefined, { ref: false });
      while (table?.buildSome(TABLE_SLICE_MS)) await setImmediate();
    },
    handle(raw: unknown): Handled {
      const n = normalizeInteraction(raw);
      if (n.ok) {
        const d = dispatch(n.invocation, deps);
        return {
          response: d.response,
          label: d.label,
          outcome: d.outcome,
          kind: n.invocation.kind,
          id: n.invocation.id,
          error: d.error,
        };
      }
      return {
        ...malformedResponse(raw),
        label: 'malformed',
        outcome: 'malformed',
        kind: 'malformed',
        reason: n.reason,
      };
    },
  };
}
export type App = ReturnType<typeof createApp>;

const COULD_NOT_READ = notice(
  'Could not read that request',
  'Discord sent something this bot could not read. Please try the command again.',
);

/** A malformed interaction that still names itself gets a clear private reply. */
function malformedResponse(raw: unknown): {
  response: APIInteractionResponse | undefined;
  id: string | undefined;
} {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const id = typeof r.id === 'string' ? r.id : undefined;
  if (!id || typeof r.token !== 'string') return { response: undefined, id };
  if (r.type === 4)
    return {
      response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } },
      id,
    };
  if (r.type !== 2 && r.type !== 3 && r.type !== 5) return { response: undefined, id };
  return {
    id,
    response: messageResponse(COULD_NOT_READ),
  };
}
