import { namedKindCommand } from './named-kind.js';

export const treatmentCommand = namedKindCommand(
  'treatment',
  'treatment',
  'Medical treatments for hip pain, or one of them',
  'A treatment, e.g. injections or "hip replacement"',
);
