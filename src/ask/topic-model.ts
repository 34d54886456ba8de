import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot, TOPIC_MODEL_FILE } from '../core/config.js';
import { classifier, type Classifier, type TopicModelData } from './classifier.js';
import { familyScores, readFeatures, softmaxFamily, softmaxFromData, type SoftmaxData } from './softmax.js';

/**
 * /ask's learnt topic model for long messages: the softmax regression (src/ask/softmax.ts) with a
 * little of the naive Bayes counts (src/ask/classifier.ts) beside it. Each part alone reaches less
 * on held-out real messages than the two together (figures in the README); the weights, the lift
 * for `none` and the search weight were chosen by repeated 5-fold cross-validation.
 */
export interface TopicModel {
  readonly bayes: TopicModelData;
  readonly softmax: SoftmaxData;
  /** A softmax regression over the same features with two labels: `urgent` and `other`. */
  readonly urgent: SoftmaxData;
}

/** The committed model, as `npm run train:ask` wrote it (TOPIC_MODEL_FILE). */
export function readTopicModel(): TopicModel {
  return JSON.parse(readFileSync(join(repositoryRoot(), TOPIC_MODEL_FILE), 'utf8')) as TopicModel;
}

const SOFTMAX_WEIGHT = 0.5;
const BAYES_WEIGHT = 0.1;
/** Added to `none`: without it, stories that mention the subject only in passing get a topic. */
const NONE_LIFT = 1;
const SEARCH_WEIGHT = 1.5;

export function topicClassifier(model: TopicModel): Classifier {
  const bayes = classifier(model.bayes);
  const softmax = softmaxFromData(model.softmax);
  const urgent = softmaxFromData(model.urgent);
  const both = softmaxFamily([softmax, urgent]);
  const none = bayes.labels.indexOf('none');

  const urgentLabel = urgent.labels.indexOf('urgent');

  return {
    labels: bayes.labels,
    searchWeight: SEARCH_WEIGHT,
    read(words) {
      // Both softmax models read the same features (DEFAULT_FEATURES): the story is read once.
      const features = readFeatures(words, both, softmax.features);
      const b = bayes.logScores(words);
      const [s = new Float64Array(0), u = new Float64Array(0)] = familyScores(both, features);
      const logScores = s.map((x, i) => SOFTMAX_WEIGHT * x + BAYES_WEIGHT * (b[i] ?? 0));
      if (none >= 0) logScores[none] = (logScores[none] ?? 0) + NONE_LIFT;
      const urgentProbability = Math.exp(u[urgentLabel] ?? -Infinity);
      return { logScores, urgentProbability };
    },
  };
}
