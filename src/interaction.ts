import { z } from 'zod';
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

const snowflake = z.string().regex(/^\d{1,20}$/);
const user = z.object({ id: snowflake }).loose();
const optionValue = z.union([z.string(), z.number(), z.boolean()]);
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
function optionAtDepth(depth: number): z.ZodType<RawOption> {
  const nested = depth > 1 ? z.array(optionAtDepth(depth - 1)).max(25) : z.never();
  return z
    .object({
      name: z.string().max(32),
      type: z.number(),
      value: optionValue.optional(),
      focused: z.boolean().optional(),
      options: nested.optional(),
    })
    .loose();
}
const option = optionAtDepth(3);
const base = {
  id: snowflake,
  token: z.string().min(1).max(500),
  locale: z.string().max(10).optional(),
  member: z.object({ user }).loose().optional(),
  user: user.optional(),
};
const schema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(1), id: snowflake }).loose(),
  z
    .object({
      ...base,
      type: z.union([z.literal(2), z.literal(4)]),
      data: z
        .object({ name: z.string().min(1).max(32), options: z.array(option).max(25).optional() })
        .loose(),
    })
    .loose(),
  z
    .object({
      ...base,
      type: z.literal(3),
      data: z
        .object({
          custom_id: z.string().min(1).max(100),
          values: z.array(z.string().max(100)).max(25).optional(),
        })
        .loose(),
      message: z.object({ flags: z.number().optional() }).loose().optional(),
    })
    .loose(),
]);

export type Normalized = { ok: true; invocation: Invocation } | { ok: false; reason: string };

const EPHEMERAL = 64;

/** Validates a raw API interaction (gateway dispatch or HTTP body) and reduces it. */
export function normalizeInteraction(raw: unknown): Normalized {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid' };
  }
  const i = parsed.data;
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
