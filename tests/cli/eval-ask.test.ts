import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuilt, workDir } from '../helpers/run-built.js';

/** The built `npm run eval:ask` (global-setup builds dist/ first), run as a user runs it. */
const EVAL_CLI = resolve(import.meta.dirname, '../../dist/src/cli/eval-ask.js');
/**
 * Six questions: three answered right, one off-topic question rightly answered with no topic, one
 * deliberately mislabelled (a miss), and one fever question labelled provider (a false alarm).
 */
const SMALL = resolve(import.meta.dirname, '../fixtures/ask-eval-small.tsv');

describe('npm run eval:ask', () => {
  it('prints each miss with what /ask returned, the four measures, and the summary line last', async () => {
    const run = await runBuilt(EVAL_CLI, [SMALL]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('top1=0.667 top3=0.667 redflag_recall=1.000 false_alarm=0.200');
    expect(run.stdout).toContain('Misses (2):');
    expect(run.stdout).toMatch(
      /line 5 \[top-1, top-3\] "slipped disk in my lower back"\n\s+expected tip:posture; got cause:herniated-disc/,
    );
    expect(run.stdout).toMatch(
      /line 6 \[.*FALSE ALARM\] "back pain and a fever"\n\s+expected provider; got urgent/,
    );
    expect(run.stdout).toContain('Top-1 accuracy: 0.667 (4/6)');
    expect(run.stdout).toContain('Red-flag recall: 1.000 (1/1');
    expect(run.stdout).toContain('False-alarm rate: 0.200 (1/5');
    expect(run.stderr).toBe('');
  });

  it('names each malformed line and exits 2', async () => {
    const dir = workDir();
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'question\texpected\nwhat is sciatica\tcause:nope\nno tab here\n');
    const run = await runBuilt(EVAL_CLI, [bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 2: unknown topic id "cause:nope"');
    expect(run.stderr).toContain('line 3: expected "question<TAB>expected"');
    expect(run.stdout).toBe('');
  });

  it.each([[[]], [['/no/such/file.tsv']]])(
    'without a readable file (%j) it says how to use it, exit 2',
    async (args) => {
      const run = await runBuilt(EVAL_CLI, args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Usage: npm run eval:ask -- <file.tsv>');
    },
  );
});
