import * as v from 'valibot';
import type { OptionValue } from '../commands/command.js';

/** An interaction from any transport, reduced to what dispatch needs. No discord.js objects. */
interface Base {
  readonly id: string;
  readonly token: string;
  readonly userId: string;
  readonly locale: string | undefined;
}
export type Invocation =
  | { readonly kind: 'ping'; readonly id: string }
  | (Base & {
      readonly kind: 'command';
      readonly name: string;
      readonly options: Record<string, OptionValue>;
    })
  | (Base & {
      readonly kind: 'autocomplete';
      readonly name: string;
      readonly options: Record<string, OptionValue>;
      readonly focused: { readonly name: string; readonly value: string };
    })
  | (Base & {
      readonly kind: 'component';
      readonly customId: string;
      readonly values: readonly string[];
      /** The clicked message is one of our private replies: answer by updating it in place. */
      readonly onEphemeral: boolean;
    });

const snowflake = v.pipe(v.string(), v.regex(/^\d{1,20}$/));
const user = v.looseObject({ id: snowflake });
const optionValue = v.union([v.string(), v.number(), v.boolean()]);
interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  focused?: boolean | undefined;
  options?: RawOption[] | undefined;
}
/**
 * Discord nests options at most three deep (group, subcommand, value). A bound, not recursion:
 * a body of thousands of nested options would otherwise overflow the stack while parsing.
 */
function optionAtDepth(depth: number): v.GenericSchema<RawOption> {
  const nested = depth > 1 ? v.pipe(v.array(optionAtDepth(depth - 1)), v.maxLength(25)) : v.never();
  return v.looseObject({
    name: v.pipe(v.string(), v.maxLength(32)),
    type: v.number(),
    value: v.optional(optionValue),
    focused: v.optional(v.boolean()),
    options: v.optional(nested),
  });
}
const option = optionAtDepth(3);
const base = {
  id: snowflake,
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  locale: v.optional(v.pipe(v.string(), v.maxLength(10))),
  member: v.optional(v.looseObject({ user })),
  user: v.optional(user),
};
const schema = v.variant('type', [
  v.looseObject({ type: v.literal(1), id: snowflake }),
  v.looseObject({
    ...base,
    type: v.union([v.literal(2), v.literal(4)]),
    data: v.looseObject({
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(32)),
      options: v.optional(v.pipe(v.array(option), v.maxLength(25))),
    }),
  }),
  v.looseObject({
    ...base,
    type: v.literal(3),
    data: v.looseObject({
      custom_id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
      values: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(25))),
    }),
    message: v.optional(v.looseObject({ flags: v.optional(v.number()) })),
  }),
]);

export type Normalized = { ok: true; invocation: Invocation } | { ok: false; reason: string };

const EPHEMERAL = 64;

/** Validates a raw API interaction (gateway dispatch or HTTP body) and reduces it. */
export function normalizeInteraction(raw: unknown): Normalized {
  const parsed = v.safeParse(schema, raw);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') || 'body';
    return { ok: false, reason: `${path}: ${issue.message}` };
  }
  const i = parsed.output;
  if (i.type === 1) return { ok: true, invocation: { kind: 'ping', id: i.id } };
  const userId = i.member?.user.id ?? i.user?.id;
  if (!userId) return { ok: false, reason: 'neither member.user nor user' };
  const b: Base = { id: i.id, token: i.token, userId, locale: i.locale };
  if (i.type === 3) {
    return {
      ok: true,
      invocation: {
        ...b,
        kind: 'component',
        customId: i.data.custom_id,
        values: i.data.values ?? [],
        onEphemeral: ((i.message?.flags ?? 0) & EPHEMERAL) !== 0,
      },
    };
  }
  const options: Record<string, OptionValue> = {};
  let focused: { name: string; value: string } | undefined;
  for (const o of i.data.options ?? []) {
    if (o.value === undefined) continue;
    options[o.name] = o.value;
    if (o.focused) focused = { name: o.name, value: String(o.value) };
  }
  if (i.type === 2) return { ok: true, invocation: { ...b, kind: 'command', name: i.data.name, options } };
  if (!focused) return { ok: false, reason: 'autocomplete without a focused option' };
  return { ok: true, invocation: { ...b, kind: 'autocomplete', name: i.data.name, options, focused } };
}
