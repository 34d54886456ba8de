import { readFileSync } from 'node:fs';
import { evaluate, formatReport, parseEvalFile } from '../ask/evaluate.js';

/**
 * `npm run eval:ask -- <file.tsv>`: how well /ask answers the questions of an evaluation file.
 * Prints every miss with what /ask returned, the four measures, and last a line such as
 * `top1=0.950 top3=0.990 redflag_recall=1.000 false_alarm=0.000`.
 * Exit codes: 0 evaluated; 2 no file, an unreadable file or a malformed line.
 */

const USAGE = 'Usage: npm run eval:ask -- <file.tsv>   (a header line, then question<TAB>expected)';
const EXIT_USAGE = 2;

function main(args: readonly string[]): number {
  const [path, ...rest] = args;
  if (!path || rest.length > 0 || path === '--help' || path === '-h') {
    process.stderr.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    process.stderr.write(`Cannot read ${path} (${code}).\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const parsed = parseEvalFile(text);
  if (!parsed.ok) {
    process.stderr.write(`${path}:\n${parsed.errors.map((e) => `  ${e}`).join('\n')}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  process.stdout.write(`${formatReport(evaluate(parsed.cases)).join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
