import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEvalFile, type EvalCase } from '../ask/evaluate.js';
import { crossValidate, FOLDS, LABELS, modelFile, TEAM_SETS, trainModel } from '../ask/training.js';
import { TOPIC_MODEL_FILE } from '../core/config.js';

/**
 * `npm run train:ask`: trains /ask's topic classifier and red-flag safety net on the real messages
 * of tests/fixtures/real/dev.tsv and the team's question sets, writes its counts to
 * src/ask/topic-model.json (TOPIC_MODEL_FILE), and prints k-fold cross-validation figures on the real messages
 * (each fold answered by a model that never saw it). `npm run eval:ask` then gives the committed
 * model's figures, which on its own training messages are not an honest measure.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const REAL = 'tests/fixtures/real/dev.tsv';

function cases(path: string): EvalCase[] {
  const parsed = parseEvalFile(readFileSync(resolve(ROOT, path), 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.errors.join('; ')}`);
  return parsed.cases;
}

const real = cases(REAL);
const team = TEAM_SETS.flatMap((f) => cases(`tests/fixtures/${f}`));
const f = (x: number) => x.toFixed(3);
const cv = crossValidate(real, team);
process.stdout.write(
  `${FOLDS}-fold cross-validation on ${REAL} (${real.length} messages): top1=${f(cv.top1)} top3=${f(cv.top3)} ` +
    `redflag_recall=${f(cv.redFlagRecall)} false_alarm=${f(cv.falseAlarm)}\n`,
);
const data = trainModel(real, team);
writeFileSync(resolve(ROOT, TOPIC_MODEL_FILE), modelFile(data));
process.stdout.write(
  `Wrote ${TOPIC_MODEL_FILE}: naive Bayes ${Object.keys(data.bayes.counts).length} features, softmax ${data.softmax.vocab.split('\n').length} features, ${LABELS.length} labels.\n`,
);
