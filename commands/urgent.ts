import type { SlashCommand } from '../src/core/command.js';
import {
  baseDefinition,
  EMERGENCY_LOCALES,
  isPrivate,
  prebuiltWithPrivate,
  withPrivate,
} from './definition.js';
import { urgentReply } from './topics.js';

export const urgentCommand: SlashCommand = {
  data: withPrivate(
    baseDefinition('urgent', 'Warning signs: when to call emergency services, when to see a doctor soon'),
  ).toJSON(),
  run: (input) => urgentReply({ locale: input.locale, private: isPrivate(input) }),
  prebuilt: prebuiltWithPrivate([{}], EMERGENCY_LOCALES),
};
