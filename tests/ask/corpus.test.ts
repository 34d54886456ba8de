import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ask } from '../../src/ask/answer.js';
import { evaluate, parseEvalFile, type EvalCase } from '../../src/ask/evaluate.js';
import { crossValidate, modelFile, TEAM_SETS, trainModel } from '../../src/ask/training.js';
import { TOPIC_MODEL_FILE } from '../../src/core/config.js';

/**
 * /ask on real messages people wrote about their hip or back pain (tests/fixtures/real/dev.tsv, each
 * with its source in dev.sources.tsv). Thresholds sit a little under what the matcher reaches, so
 * a regression fails here; the figures themselves are in the README and the commit messages.
 */

const FIXTURES = resolve(import.meta.dirname, '../fixtures');

function cases(file: string): EvalCase[] {
  const parsed = parseEvalFile(readFileSync(resolve(FIXTURES, file), 'utf8'));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  return parsed.cases;
}

/** The lines of a `*.sources.tsv` file after its header, blank lines left out. */
function sourceLines(file: string): string[] {
  return readFileSync(resolve(FIXTURES, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '');
}

const real = cases('real/dev.tsv');
const team = TEAM_SETS.flatMap(cases);

describe('/ask on real messages (tests/fixtures/real/dev.tsv)', () => {
  it('every message has its source', () => {
    const sources = sourceLines('real/dev.sources.tsv');
    expect(real.length).toBeGreaterThanOrEqual(2070);
    expect(sources).toHaveLength(real.length);
    for (const line of sources) expect(line.split('\t')[1]?.trim(), line).toBeTruthy();
  });

  // The red-flag concepts were written with these messages in view, and the safety net learnt from
  // them: in-sample recall says little (tests/fixtures/real/README.md has the honest figures).
  it('leads with the warning signs for the red flags it learnt from, and rarely raises a false one', () => {
    const report = evaluate(real);
    expect(report.redFlagRecall).toBeGreaterThanOrEqual(0.98);
    expect(report.falseAlarm).toBeLessThanOrEqual(0.1);
  });

  it('answers the messages it learnt from', () => {
    const report = evaluate(real);
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.top3).toBeGreaterThanOrEqual(0.955);
  });

  it('answers messages it did not learn from (5-fold cross-validation)', () => {
    const cv = crossValidate(real, team);
    expect(cv.top1).toBeGreaterThanOrEqual(0.625);
    expect(cv.top3).toBeGreaterThanOrEqual(0.82);
    expect(cv.redFlagRecall).toBeGreaterThanOrEqual(0.94);
    expect(cv.falseAlarm).toBeLessThanOrEqual(0.16);
  }, 600_000);

  it('the committed model is what `npm run train:ask` builds from the files in tests/fixtures', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../..', TOPIC_MODEL_FILE), 'utf8');
    expect(committed).toBe(modelFile(trainModel(real, team)));
  }, 300_000);

  it('reads a whole 1,000-character story: a question at its end still counts', () => {
    const story =
      'I have had lower back pain for about three years, on and off, mostly after long days at my desk. ' +
      'Some weeks it is fine and then it comes back when I have been sitting a lot or carrying my daughter. '.repeat(
        4,
      );
    const question = `${story.slice(0, 900)} Now I am getting numb down below and I cannot pee properly.`;
    expect(question.length).toBeLessThanOrEqual(1000);
    expect(ask(question).ranking[0]).toBe('urgent');
  });

  it('a long story about something else is not answered with a topic', () => {
    const result = ask(
      'My son is nineteen months old and does not say any words at all. He jabbers a lot but you cannot ' +
        'understand any of it. He seems very normal otherwise, he plays and laughs and smiles. Should I be ' +
        'concerned that he may be autistic? I am a nervous wreck over this.',
    );
    expect(['off-topic', 'unsure']).toContain(result.kind);
  });
});

describe('/ask on the sealed split (tests/fixtures/real/test.tsv: never tuned on)', () => {
  const sealed = cases('real/test.tsv');

  it('every message has its source, and none is also in the development split', () => {
    const sources = sourceLines('real/test.sources.tsv');
    expect(sealed.length).toBeGreaterThanOrEqual(921);
    expect(sources).toHaveLength(sealed.length);
    const dev = new Set(real.map((c) => c.question.toLowerCase()));
    for (const c of sealed) expect(dev.has(c.question.toLowerCase()), c.question).toBe(false);
  });

  // A little under the figures measured once the matcher was done (tests/fixtures/real/README.md):
  // a regression fails here. They are far from the goals (recall 1.00, false alarms 0.03).
  it('holds its measured figures', () => {
    const report = evaluate(sealed);
    expect(report.top1).toBeGreaterThanOrEqual(0.6);
    expect(report.top3).toBeGreaterThanOrEqual(0.82);
    expect(report.redFlagRecall).toBeGreaterThanOrEqual(0.86);
    expect(report.falseAlarm).toBeLessThanOrEqual(0.2);
  });
});
