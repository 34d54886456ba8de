import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { OptionValue, SlashCommand } from '../../src/core/command.js';

/** One invocation: the option values sent through the gateway and the same command as an `ask` line. */
export interface Invocation {
  readonly command: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly line: string;
}

/** A question typed into a free-text option (such as /ask's) that has no list of values. */
const SAMPLE_TEXT = 'why does my lower back hurt after sitting';

/**
 * The values a user can pick for each non-boolean option: the choices offered for empty input
 * (autocomplete) or the fixed choices; a sample sentence for free text.
 */
function valuesOf(command: SlashCommand): Record<string, readonly string[]> {
  const values: Record<string, readonly string[]> = {};
  for (const option of command.data.options ?? []) {
    if (option.type !== ApplicationCommandOptionType.String) continue;
    if ('autocomplete' in option && option.autocomplete && command.autocomplete) {
      values[option.name] = command
        .autocomplete({ options: {}, locale: 'en-US', focused: { name: option.name, value: '' } })
        .map((c) => c.value);
    } else if ('choices' in option && option.choices) {
      values[option.name] = option.choices.map((c) => String(c.value));
    } else {
      values[option.name] = [SAMPLE_TEXT];
    }
  }
  return values;
}

function line(command: string, options: Readonly<Record<string, OptionValue>>): string {
  const parts = Object.entries(options).map(([name, value]) =>
    typeof value === 'string' && /\s/.test(value) ? `${name}:"${value}"` : `${name}:${String(value)}`,
  );
  return [`/${command}`, ...parts].join(' ');
}

/**
 * Every command with: no value and each value of its option (a required option always gets a
 * value), each crossed with `private` unset, true and false.
 */
export function invocationsOf(command: SlashCommand): Invocation[] {
  const name = command.data.name;
  const booleans = (command.data.options ?? []).filter(
    (o) => o.type === ApplicationCommandOptionType.Boolean,
  );
  const required = new Set(
    (command.data.options ?? []).filter((o) => 'required' in o && o.required).map((o) => o.name),
  );
  let bases: Record<string, OptionValue>[] = [{}];
  for (const [option, values] of Object.entries(valuesOf(command))) {
    const picked = values.map((v) => ({ [option]: v }));
    // A command with a form (/ask) opens it when its text option is left out: tests/e2e/talk.test.ts.
    const mayBeLeftOut = !required.has(option) && !command.modal;
    bases = bases.flatMap((b) => [...(mayBeLeftOut ? [b] : []), ...picked.map((p) => ({ ...b, ...p }))]);
  }
  let all = bases;
  for (const flag of booleans) {
    all = all.flatMap((b) => [b, { ...b, [flag.name]: true }, { ...b, [flag.name]: false }]);
  }
  return all.map((options) => ({ command: name, options, line: line(name, options) }));
}
