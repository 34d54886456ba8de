import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { bot } from '../../../commands/index.js';
import { createApp } from '../../../src/core/app.js';
import { commandInteraction, splitOptions } from '../../../src/transports/console/parse-line.js';

const app = createApp(bot);

type Sent = { name: string; type: number; value: unknown };

/** The options a typed line sends, or the error line the console prints instead. */
function parse(line: string): Sent[] | string {
  const parsed = commandInteraction(line, app.commands, 'en-US');
  if (!parsed.ok) return parsed.error;
  return ((parsed.interaction.data as { options?: Sent[] }).options ?? []).map((o) => ({ ...o }));
}

/** A text with spaces, a colon and an apostrophe: what a person might type into any text option. */
const TEXT = "why doesn't my hip stop hurting at 5:30 am";

const everyCommand = [...app.commands.values()].map((command) => {
  const options = (command.data.options ?? []) as APIApplicationCommandBasicOption[];
  const strings = options.filter((o) => o.type === ApplicationCommandOptionType.String);
  const booleans = options.filter((o) => o.type === ApplicationCommandOptionType.Boolean);
  return { name: command.data.name, strings, booleans };
});

describe('every command, every option, as a person types it', () => {
  it('covers every command with a private option', () => {
    expect(everyCommand.map((c) => c.name).sort()).toEqual(
      ['ask', 'cause', 'connection', 'help', 'tips', 'treatment', 'urgent'].sort(),
    );
    for (const command of everyCommand) expect(command.booleans.map((o) => o.name)).toEqual(['private']);
  });

  describe.each(everyCommand)('/$name: private', ({ name, strings }) => {
    // The text option, when the command requires one, is given so the line can be sent.
    const needed = strings.find((o) => o.required);
    const prefix = needed ? `${needed.name}:x ` : '';

    it.each([
      ['true', true],
      ['false', false],
      ['yes', true],
      ['no', false],
      ['"true"', true],
      ["'false'", false],
    ])('private:%s', (typed, value) => {
      expect(parse(`/${name} ${prefix}private:${typed}`)).toContainEqual({ name: 'private', type: 5, value });
    });

    it('refuses anything but true or false, saying which option', () => {
      expect(parse(`/${name} ${prefix}private:maybe`)).toBe(`/${name}: private must be true or false`);
    });

    it('refuses an option given twice', () => {
      expect(parse(`/${name} ${prefix}private:true private:false`)).toBe(`/${name}: private is given twice`);
    });
  });

  const withText = everyCommand.filter((c) => c.strings.length === 1);
  it('the commands with a text option', () => {
    expect(withText.map((c) => `${c.name} ${c.strings[0]?.name}`).sort()).toEqual([
      'ask question',
      'cause name',
      'tips name',
      'treatment name',
    ]);
  });

  describe.each(withText)('/$name: its text option', ({ name, strings }) => {
    const option = (strings[0] as APIApplicationCommandBasicOption).name;
    const value = { name: option, type: 3, value: TEXT };

    it.each([
      ['unquoted', `${option}:${TEXT}`],
      ['double-quoted', `${option}:"${TEXT}"`],
      ['single-quoted', `${option}:'${TEXT}'`],
      ['without its name', TEXT],
      ['without its name, double-quoted', `"${TEXT}"`],
      ['without its name, single-quoted', `'${TEXT}'`],
    ])('%s, with spaces, a colon and an apostrophe, before private:', (_form, typed) => {
      expect(parse(`/${name} ${typed} private:false`)).toEqual([
        value,
        { name: 'private', type: 5, value: false },
      ]);
      expect(parse(`/${name} ${typed}`)).toEqual([value]);
    });

    it.each([
      ['unquoted', `${option}:${TEXT}`],
      ['double-quoted', `${option}:"${TEXT}"`],
      ['single-quoted', `${option}:'${TEXT}'`],
    ])('%s, after private:', (_form, typed) => {
      expect(parse(`/${name} private:true ${typed}`)).toEqual([
        { name: 'private', type: 5, value: true },
        value,
      ]);
    });

    it('unnamed text after private: belongs to private, as in Discord', () => {
      expect(parse(`/${name} private:true ${TEXT}`)).toBe(`/${name}: private must be true or false`);
    });
  });

  const withoutText = everyCommand.filter((c) => c.strings.length === 0);
  describe.each(withoutText)('/$name: no text option', ({ name }) => {
    it('says which options it has for loose text', () => {
      expect(parse(`/${name} hips`)).toBe(
        `/${name} has no value to fill with "hips"; its options are: private:`,
      );
    });
  });
});

describe('option values as in Discord', () => {
  it.each([
    ['/cause name:slipped disc', [{ name: 'name', type: 3, value: 'slipped disc' }]],
    ['/cause slipped disc', [{ name: 'name', type: 3, value: 'slipped disc' }]],
    ['/tips name:heat or ice', [{ name: 'name', type: 3, value: 'heat or ice' }]],
    [
      '/ask question:my back hurts when I sit',
      [{ name: 'question', type: 3, value: 'my back hurts when I sit' }],
    ],
    [
      "/ask why doesn't my hip stop hurting private:false",
      [
        { name: 'question', type: 3, value: "why doesn't my hip stop hurting" },
        { name: 'private', type: 5, value: false },
      ],
    ],
    // A quoted value is one value: nothing inside it is read as an option.
    ['/ask question:"is it private:true"', [{ name: 'question', type: 3, value: 'is it private:true' }]],
    // An apostrophe that opens no quoted value is text.
    [
      "/ask 'cause it hurts private:true",
      [
        { name: 'question', type: 3, value: "'cause it hurts" },
        { name: 'private', type: 5, value: true },
      ],
    ],
    [
      "/ask question:'don't know' PRIVATE:yes",
      [
        { name: 'question', type: 3, value: "don't know" },
        { name: 'private', type: 5, value: true },
      ],
    ],
    // A word: that is no option of the command is text.
    ['/ask question:note: it hurts', [{ name: 'question', type: 3, value: 'note: it hurts' }]],
  ])('%s', (line, options) => {
    expect(parse(line)).toEqual(options);
  });

  it.each([
    ['/cause slipped disc name:sciatica', '/cause: name is given twice ("slipped disc")'],
    ['/ask question:', '/ask: question: has no value'],
  ])('%s is refused: %s', (line, error) => {
    expect(parse(line)).toBe(error);
  });

  it('splitOptions keeps the text before the first option apart', () => {
    expect(splitOptions(' slipped disc  private:yes name: x ', new Set(['name', 'private']))).toEqual({
      loose: 'slipped disc',
      named: [
        ['private', 'yes'],
        ['name', 'x'],
      ],
    });
  });
});
