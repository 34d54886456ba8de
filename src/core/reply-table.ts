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
 * The replies to the inputs the commands and component handlers list as `prebuilt`, built once
 * when the app is created. In a live process, code and data go cold between interactions and a
 * reply built per call costs several times what it costs in a warm loop: enough to miss the
 * gateway's throughput goal (README, "The reply table"). Keys are the whole input (command or
 * prefix, options or custom_id and values, locale), so a reply from the table is byte for byte the
 * reply built per call (tests/core/reply-table.test.ts).
 */
export class ReplyTable {
  readonly #commands = new Map<string, TableReply>();
  readonly #clicks = new Map<string, TableClick>();
  /** One builder per reply still to build, in order. */
  readonly #todo: (() => void)[] = [];

  /** Lists the replies to build; buildAll() or buildSome() builds them. */
  constructor(commands: Iterable<SlashCommand>, components: Iterable<ComponentHandler>) {
    for (const command of commands) {
      for (const entry of command.prebuilt ?? []) {
        for (const locale of localesOf(entry)) {
          this.#todo.push(() => {
            const draft = command.run({ options: entry.input, locale });
            const reply: TableReply = { response: messageResponse(draft), outcome: draft.outcome ?? 'ok' };
            this.#commands.set(commandKey(command.data.name, entry.input, locale), deepFreeze(reply));
          });
        }
      }
    }
    for (const handler of components) {
      for (const entry of handler.prebuilt ?? []) {
        for (const locale of localesOf(entry)) {
          this.#todo.push(() => {
            const draft = handler.run({ ...entry.input, locale });
            const outcome = draft.outcome ?? 'ok';
            const click: TableClick = {
              message: { response: messageResponse(draft), outcome },
              update: { response: updateResponse(draft), outcome },
            };
            this.#clicks.set(clickKey(handler.prefix, entry.input, locale), deepFreeze(click));
          });
        }
      }
    }
  }

  buildAll(): this {
    while (this.buildSome(Number.POSITIVE_INFINITY));
    return this;
  }

  /**
   * Builds replies for about `budgetMs` (at least one); returns whether some remain. Until a reply
   * is built, its input is answered per call, with the same bytes.
   */
  buildSome(budgetMs: number): boolean {
    const until = performance.now() + budgetMs;
    do this.#todo.shift()?.();
    while (this.#todo.length > 0 && performance.now() < until);
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

/** The no-locale reply first, then one per locale whose reply differs. */
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
