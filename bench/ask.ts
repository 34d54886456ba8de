import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ask } from '../src/ask/answer.js';
import { buildTopicIndex } from '../src/ask/matcher.js';
import { readTopicModel, topicClassifier } from '../src/ask/topic-model.js';
import { createApp } from '../src/core/app.js';
import { bot } from '../commands/index.js';
import { commandInteraction } from '../tests/helpers/interactions.js';

/**
 * /ask: the time to rank one question (red-flag and self-harm scan, search, ranking), over every
 * question of the project's question sets; the whole /ask reply through createApp(bot).handle for a
 * few kinds of question; and the time to build the search index, which happens once, on the first question.
 */

const FIXTURES = [
  'ask-heldout.tsv',
  'ask-unseen.tsv',
  'ask-blind.tsv',
  'ask-blind-2.tsv',
  'ask-blind-3.tsv',
  'real/dev.tsv',
];
const ROUNDS = 30;
const REPLY_SAMPLES = 5_000;
const BUILDS = 200;

function questions(): string[] {
  return FIXTURES.flatMap((file) =>
    readFileSync(resolve(import.meta.dirname, '../tests/fixtures', file), 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0] ?? '')
      .filter((q) => q.trim() !== ''),
  );
}

function longest(questions: readonly string[]): string {
  return questions.reduce((a, b) => (b.length > a.length ? b : a), '');
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function timeUs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1000;
}

function summary(times: Float64Array): string {
  times.sort();
  return `median ${percentile(times, 0.5).toFixed(1)} µs, p99 ${percentile(times, 0.99).toFixed(1)} µs`;
}

export async function run(): Promise<void> {
  const all = questions();
  console.log(`\n/ask (${all.length} questions from tests/fixtures, ${ROUNDS} rounds)`);

  for (const q of all) ask(q);
  const queryTimes = new Float64Array(all.length * ROUNDS);
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await new Promise((done) => setImmediate(done));
    for (const q of all) queryTimes[n++] = timeUs(() => ask(q));
  }
  console.log(`  rank one question:             ${summary(queryTimes)}`);
  // CPU time is less disturbed than wall time when other processes share the machine.
  const cpuStart = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) for (const q of all) ask(q);
  const cpu = process.cpuUsage(cpuStart);
  const cpuMeanUs = (cpu.user + cpu.system) / (ROUNDS * all.length);
  console.log(`  rank one question, CPU time:   mean ${cpuMeanUs.toFixed(1)} µs`);

  let clock = 0;
  const app = createApp({ ...bot, now: () => (clock += 10_001) });
  const replies: [string, string][] = [
    ['topic answer', 'I think I slipped a disc'],
    ['emergency lead + answer', 'I cannot control my bladder and my back hurts'],
    ['off-topic', 'what is the capital of France'],
    ['6000-char question', 'my hip hurts when I walk up the stairs. '.repeat(150)],
    ['longest real message', longest(all).slice(0, 1000)],
  ];
  for (const [name, question] of replies) {
    await new Promise((done) => setImmediate(done));
    const raw = commandInteraction('ask', { question });
    const times = new Float64Array(REPLY_SAMPLES);
    for (let i = 0; i < 200; i++) app.handle(raw);
    for (let i = 0; i < REPLY_SAMPLES; i++) times[i] = timeUs(() => app.handle(raw));
    console.log(`  whole reply, ${name.padEnd(24)} ${summary(times)}`);
  }

  const loadTimes = new Float64Array(BUILDS);
  for (let i = 0; i < BUILDS; i++) {
    loadTimes[i] = timeUs(() => topicClassifier(readTopicModel()));
  }
  console.log(`  load the topic model (once, on the first question): ${summary(loadTimes)}`);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = topicClassifier(readTopicModel());
  global.gc?.();
  const heapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  console.log(
    `  topic model in memory: ${global.gc ? `${heapMiB.toFixed(1)} MiB of heap` : 'run node with --expose-gc to measure'} (${kept.labels.length} labels)`,
  );

  const buildTimes = new Float64Array(BUILDS);
  for (let i = 0; i < BUILDS; i++) buildTimes[i] = timeUs(() => buildTopicIndex());
  console.log(`  build the index (once, on the first question): ${summary(buildTimes)}`);
}
