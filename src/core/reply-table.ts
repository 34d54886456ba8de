import { performance } from 'node:perf_hooks';
import type { APIInteractionResponse } from 'discord-api-types/v10';
import type { CommandInput, ComponentHandler, ComponentInput, Prebuilt, SlashCommand } from './command.js';
import type { Outcome } from './dispatch.js';
import { messageResponse, updateResponse } from './reply.js';

/** A reply of the table: what to send, and the outcome to log. Frozen: every request shares it. */
export interface TableReply {
  readonly response: APIInteractionResponse;
  readonly outcome: Outcome;
}

/** A click's reply both ways: as a new message, and as an update of the private reply clicked in. */
export interface TableClick {
  readonly message: TableReply;
  readonly update: TableReply;
}

/**
 * The replies to the inputs the commands and component handlers list as `prebuilt`, built once by
 * a server soon after it starts (or at once, for a test). In a live process, code and data go cold
 * between interactions and a reply built per call costs several times what it costs in a warm
 * loop: enough to miss the gateway's throughput goal (README, "The reply table"). Keys are the
 * whole input (command or prefix, options or custom_id and values, locale), so a reply from the
 * table is byte for byte the reply built per call (tests/core/reply-table.test.ts).
 */
export class ReplyTable {
  readonly #commands = new Map<string, TableReply>();
  readonly #clicks = new Map<string, TableClick>();
  /**
   * One builder per entry still to build, in order. An entry's replies in every locale it lists
   * are stored together, so a lookup never falls back to the no-locale reply of an entry whose
   * own locale's reply is still missing.
   */
  readonly #todo: (() => void)[] = [];

  /** Lists the replies to build; buildAll() or buildSome() builds them. */
  constructor(commands: Iterable<SlashCommand>, components: Iterable<ComponentHandler>) {
    for (const command of commands) {
      // A command that may open a form is asked first whether it does: only the per-call path asks.
      if (command.modal) continue;
      for (const entry of command.prebuilt ?? []) {
        this.#todo.push(() => {
          const replies = localesOf(entry).map((locale): [string, TableReply] => {
            const draft = command.run({ options: entry.input, locale });
            const reply = { response: messageResponse(draft), outcome: draft.outcome ?? 'ok' } as const;
            return [commandKey(command.data.name, entry.input, locale), reply];
          });
          for (const [key, reply] of replies) this.#commands.set(key, deepFreeze(reply));
        });
      }
    }
    for (const handler of components) {
      for (const entry of handler.prebuilt ?? []) {
        this.#todo.push(() => {
          const clicks = localesOf(entry).map((locale): [string, TableClick] => {
            const draft = handler.run({ ...entry.input, locale });
            const outcome: Outcome = draft.outcome ?? 'ok';
            const click = {
              message: { response: messageResponse(draft), outcome },
              update: { response: updateResponse(draft), outcome },
            };
            return [clickKey(handler.prefix, entry.input, locale), click];
          });
          for (const [key, click] of clicks) this.#clicks.set(key, deepFreeze(click));
        });
      }
    }
  }

  buildAll(): this {
    while (this.buildSome(Number.POSITIVE_INFINITY));
    return this;
  }

  /**
   * Builds entries for about `budgetMs` (at least one); returns whether some remain. Until an entry
   * is built, its inputs are answered per call, with the same bytes. An entry whose reply throws is
   * left out: per call, its users get the error reply they got before there was a table.
   */
  buildSome(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    do {
      try {
        this.#todo.shift()?.();
      } catch {
        // Left to the per-call path, which answers and logs it.
      }
    } while (this.#todo.length > 0 && performance.now() < until);
    return this.#todo.length > 0;
  }

  /** How many replies are built. */
  get size(): number {
    return this.#commands.size + this.#clicks.size;
  }

  command(
    command: SlashCommand,
    options: CommandInput['options'],
    locale: string | undefined,
  ): TableReply | undefined {
    // No key for a command without entries: /ask's would hold the whole question.
    if (!command.prebuilt?.length) return undefined;
    const name = command.data.name;
    const canonical = command.canonical?.(options) ?? options;
    return (
      this.#commands.get(commandKey(name, canonical, locale)) ??
      this.#commands.get(commandKey(name, canonical, undefined))
    );
  }

  click(
    handler: ComponentHandler,
    input: ComponentInput,
    locale: string | undefined,
  ): TableClick | undefined {
    if (!handler.prebuilt?.length) return undefined;
    const prefix = handler.prefix;
    return (
      this.#clicks.get(clickKey(prefix, input, locale)) ??
      this.#clicks.get(clickKey(prefix, input, undefined))
    );
  }
}

/** The no-locale reply and one per locale whose reply differs. */
function localesOf(entry: Prebuilt<unknown>): (string | undefined)[] {
  return [undefined, ...entry.locales];
}

/** Options in name order: Discord sends them in the order the user filled them in. */
function commandKey(name: string, options: CommandInput['options'], locale: string | undefined): string {
  const sorted = Object.keys(options)
    .sort()
    .map((key) => [key, options[key]]);
  return JSON.stringify([name, sorted, locale ?? null]);
}

function clickKey(prefix: string, input: ComponentInput, locale: string | undefined): string {
  return JSON.stringify([prefix, input.rest, input.values, locale ?? null]);
}

/** Frozen all the way down, so a transport that changed a shared reply would throw, not corrupt it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
