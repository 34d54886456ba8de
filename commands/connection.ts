import type { SlashCommand } from '../src/core/command.js';
import { baseDefinition, isPrivate, prebuiltWithPrivate, withPrivate } from './definition.js';
import { connectionReply } from './topics.js';

export const connectionCommand: SlashCommand = {
  data: withPrivate(baseDefinition('connection', 'How the lower back and hips are connected')).toJSON(),
  run: (input) => connectionReply({ locale: input.locale, private: isPrivate(input) }),
  prebuilt: prebuiltWithPrivate([{}]),
};
