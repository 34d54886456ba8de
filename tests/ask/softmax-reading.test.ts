import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  familyScores,
  readFeatures,
  softmaxFamily,
  softmaxFromData,
  vectorize,
  type SoftmaxModel,
} from '../../src/ask/softmax.js';
import { normalizeQuestion, tokens } from '../../src/ask/text.js';
import { readTopicModel } from '../../src/ask/topic-model.js';

const model = readTopicModel();
const topics = softmaxFromData(model.softmax);
const urgent = softmaxFromData(model.urgent);

/** Log-probabilities as training sees a text: its whole feature vector (vectorize), summed row by row. */
function fromVector(m: SoftmaxModel, text: string): number[] {
  const L = m.labels.length;
  const z = Array.from(m.bias);
  for (const [feature, x] of vectorize(text, m.features)) {
    const row = m.rows.get(feature);
    if (row === undefined) continue;
    for (let k = 0; k < L; k++) z[k] = (z[k] ?? 0) + (m.weights[row * L + k] ?? 0) * x;
  }
  const max = Math.max(...z);
  const log = max + Math.log(z.reduce((sum, s) => sum + Math.exp(s - max), 0));
  return z.map((s) => s - log);
}

const messages = readFileSync(join(import.meta.dirname, '../fixtures/real/dev.tsv'), 'utf8')
  .split('\n')
  .slice(1, 401)
  .map((line) => line.split('\t')[0] ?? '')
  .filter((text) => text.trim() !== '');

describe('reading a message for the learnt models', () => {
  it('gives the scores that the features training uses give, also for words it has kept from earlier messages', () => {
    const family = softmaxFamily([topics, urgent]);
    for (const round of [1, 2]) {
      for (const text of messages) {
        const [s, u] = familyScores(family, readFeatures(tokens(normalizeQuestion(text)), family));
        const expected = [fromVector(topics, text), fromVector(urgent, text)];
        [s, u].forEach((scores, m) => {
          const want = expected[m] ?? [];
          expect(scores?.length, `round ${round}`).toBe(want.length);
          want.forEach((w, k) => expect(scores?.[k]).toBeCloseTo(w, 9));
        });
      }
    }
    expect(messages.length).toBeGreaterThan(300);
  });
});
