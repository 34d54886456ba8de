import { namedKindCommand } from './named-kind.js';

export const causeCommand = namedKindCommand(
  'cause',
  'cause',
  'Common causes of hip and lower back pain, or one of them in depth',
  'A cause, e.g. sciatica or "slipped disc"',
);
