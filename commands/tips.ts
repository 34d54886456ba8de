import { namedKindCommand } from './named-kind.js';

export const tipsCommand = namedKindCommand(
  'tip',
  'tips',
  'Ways to relieve lower back and hip pain, or one of them',
  'A way to relieve pain, e.g. exercise or "physio"',
);
