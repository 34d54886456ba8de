import { ALL_TOPIC_IDS } from '../../content/index.js';
import { train, type TrainingExample } from './classifier.js';
import { softmaxData, trainSoftmax } from './softmax.js';
import { topicClassifier, type TopicModel } from './topic-model.js';
import { evaluate, type EvalCase } from './evaluate.js';

/**
 * How /ask's topic classifier is trained and measured, shared by `npm run train:ask` and the tests:
 * on real messages (tests/fixtures/real/dev.tsv) and the team's question sets. Messages labelled
 * `urgent` teach no topic (their answer is the warning signs), so training leaves them out; the
 * scoring keeps them.
 */

/** Every topic except `urgent`, and `none` for messages the bot does not cover. */
export const LABELS: readonly string[] = [...ALL_TOPIC_IDS.filter((t) => t !== 'urgent'), 'none'];
/** The team's sets the model also learns from (tests/fixtures). */
export const TEAM_SETS = [
  'ask-heldout.tsv',
  'ask-unseen.tsv',
  'ask-blind.tsv',
  'ask-blind-2.tsv',
  'ask-blind-3.tsv',
  'ask-blind-4.tsv',
] as const;
export const FOLDS = 5;

function examples(cases: readonly EvalCase[]): TrainingExample[] {
  return cases
    .filter((c) => !c.expected.includes('urgent'))
    .map((c) => ({ text: c.question, labels: c.expected }));
}

/** The labels of the red-flag safety net: every message teaches it, `urgent` or not. */
export const URGENT_LABELS: readonly string[] = ['urgent', 'other'];

function urgentExamples(cases: readonly EvalCase[]): TrainingExample[] {
  return cases.map((c) => ({
    text: c.question,
    labels: [c.expected.includes('urgent') ? 'urgent' : 'other'],
  }));
}

export function trainModel(real: readonly EvalCase[], team: readonly EvalCase[]): TopicModel {
  const all = examples([...real, ...team]);
  return {
    bayes: train(all, LABELS),
    softmax: softmaxData(trainSoftmax(all, LABELS)),
    urgent: softmaxData(trainSoftmax(urgentExamples([...real, ...team]), URGENT_LABELS)),
  };
}

export interface CrossValidation {
  readonly top1: number;
  readonly top3: number;
  readonly redFlagRecall: number;
  readonly falseAlarm: number;
}

/**
 * k-fold cross-validation of the whole /ask ranking on the real messages: message i is in fold
 * i % FOLDS, and each fold is answered by a model trained on the other folds and the team's sets.
 */
export function crossValidate(real: readonly EvalCase[], team: readonly EvalCase[]): CrossValidation {
  let top1 = 0;
  let top3 = 0;
  let urgent = 0;
  let urgentFirst = 0;
  let falseAlarms = 0;
  for (let k = 0; k < FOLDS; k++) {
    const held = real.filter((_, i) => i % FOLDS === k);
    const rest = real.filter((_, i) => i % FOLDS !== k);
    const { counts } = evaluate(held, topicClassifier(trainModel(rest, team)));
    top1 += counts.top1;
    top3 += counts.top3;
    urgent += counts.urgent;
    urgentFirst += counts.urgentFirst;
    falseAlarms += counts.falseAlarms;
  }
  const n = real.length;
  return {
    top1: top1 / n,
    top3: top3 / n,
    redFlagRecall: urgent === 0 ? 1 : urgentFirst / urgent,
    falseAlarm: n === urgent ? 0 : falseAlarms / (n - urgent),
  };
}

/** The contents of TOPIC_MODEL_FILE (src/ask/topic-model.json) for a trained model: one line of JSON. */
export function modelFile(data: TopicModel): string {
  return `${JSON.stringify(data)}\n`;
}
