import { isTopicId, type TopicId } from '../../content/index.js';
import { ask, type AskResult } from './answer.js';
import type { Classifier } from './classifier.js';

/**
 * Scores /ask on an evaluation file (the eval format of docs/eval.md): a header line, then
 * `question<TAB>expected`, where expected is a topic id, `a|b` for alternatives, or `none` for a
 * question that is not about hip or back pain (right when /ask answers no topic).
 */

export const NONE = 'none';

export interface EvalCase {
  readonly line: number;
  readonly question: string;
  readonly expected: readonly (TopicId | typeof NONE)[];
}

export type ParseResult =
  { readonly ok: true; readonly cases: EvalCase[] } | { readonly ok: false; readonly errors: string[] };

export function parseEvalFile(text: string): ParseResult {
  const cases: EvalCase[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (i === 0 || raw.trim() === '') return;
    const line = i + 1;
    const [question, expected, ...extra] = raw.split('\t');
    if (!question?.trim() || !expected?.trim() || extra.length > 0) {
      errors.push(`line ${line}: expected "question<TAB>expected"`);
      return;
    }
    const labels = expected.trim().split('|');
    const unknown = labels.filter((l) => l !== NONE && !isTopicId(l));
    if (unknown.length > 0) {
      errors.push(`line ${line}: unknown topic id ${unknown.map((u) => `"${u}"`).join(', ')}`);
      return;
    }
    cases.push({ line, question: question.trim(), expected: labels as (TopicId | typeof NONE)[] });
  });
  if (cases.length === 0 && errors.length === 0) errors.push('no questions after the header line');
  return errors.length > 0 ? { ok: false, errors } : { ok: true, cases };
}

export interface CaseOutcome {
  readonly case: EvalCase;
  readonly result: AskResult;
  /** The topic /ask answers with, if it answers one ('none' when it answers none). */
  readonly answered: TopicId | typeof NONE;
  /** The topics /ask shows, answer first, as far as the top three. */
  readonly shown: readonly (TopicId | typeof NONE)[];
  readonly top1: boolean;
  readonly top3: boolean;
}

export interface EvalReport {
  readonly outcomes: readonly CaseOutcome[];
  readonly top1: number;
  readonly top3: number;
  readonly redFlagRecall: number;
  readonly falseAlarm: number;
  readonly counts: {
    readonly total: number;
    readonly top1: number;
    readonly top3: number;
    readonly urgent: number;
    readonly urgentFirst: number;
    readonly notUrgent: number;
    readonly falseAlarms: number;
  };
}

/** What /ask shows for a question, in order; an unsure reply offers topics but answers none. */
function shownTopics(result: AskResult): {
  answered: TopicId | typeof NONE;
  shown: (TopicId | typeof NONE)[];
} {
  if (result.kind === 'off-topic') return { answered: NONE, shown: [NONE] };
  if (result.kind === 'unsure') return { answered: NONE, shown: [NONE, ...result.ranking] };
  const [first] = result.ranking;
  return { answered: first ?? NONE, shown: [...result.ranking] };
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

export function evaluate(cases: readonly EvalCase[], model?: Classifier): EvalReport {
  const outcomes = cases.map((c): CaseOutcome => {
    const result = ask(c.question, model);
    const { answered, shown } = shownTopics(result);
    return {
      case: c,
      result,
      answered,
      shown: shown.slice(0, 3),
      top1: c.expected.includes(answered),
      top3: shown.slice(0, 3).some((t) => c.expected.includes(t)),
    };
  });
  const urgent = outcomes.filter((o) => o.case.expected.includes('urgent'));
  const notUrgent = outcomes.filter((o) => !o.case.expected.includes('urgent'));
  const urgentFirst = urgent.filter((o) => o.answered === 'urgent').length;
  const falseAlarms = notUrgent.filter((o) => o.answered === 'urgent').length;
  const top1 = outcomes.filter((o) => o.top1).length;
  const top3 = outcomes.filter((o) => o.top3).length;
  return {
    outcomes,
    top1: ratio(top1, outcomes.length),
    top3: ratio(top3, outcomes.length),
    redFlagRecall: ratio(urgentFirst, urgent.length),
    falseAlarm: notUrgent.length === 0 ? 0 : falseAlarms / notUrgent.length,
    counts: {
      total: outcomes.length,
      top1,
      top3,
      urgent: urgent.length,
      urgentFirst,
      notUrgent: notUrgent.length,
      falseAlarms,
    },
  };
}

/**
 * Per expected topic: how many /ask answered right first, and what it answered instead. A question
 * with alternatives counts under each of them.
 */
function confusion(report: EvalReport): string[] {
  const rows = new Map<string, { total: number; right: number; instead: Map<string, number> }>();
  for (const o of report.outcomes) {
    for (const label of o.case.expected) {
      let row = rows.get(label);
      if (!row) rows.set(label, (row = { total: 0, right: 0, instead: new Map() }));
      row.total++;
      if (o.top1) row.right++;
      else row.instead.set(o.answered, (row.instead.get(o.answered) ?? 0) + 1);
    }
  }
  const width = Math.max(0, ...[...rows.keys()].map((k) => k.length));
  return [
    'Per topic (answered first right/expected; answered instead):',
    ...[...rows]
      .sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1))
      .map(([label, row]) => {
        const instead = [...row.instead]
          .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
          .map(([t, n]) => `${t} ${n}`)
          .join(', ');
        return `  ${label.padEnd(width)}  ${`${row.right}/${row.total}`.padStart(7)}${instead ? `  ${instead}` : ''}`;
      }),
  ];
}

/** The report as lines; the last one is the machine-readable summary. */
export function formatReport(report: EvalReport): string[] {
  const f = (x: number) => x.toFixed(3);
  const c = report.counts;
  const lines: string[] = [];
  const misses = report.outcomes.filter(
    (o) => !o.top1 || (o.answered === 'urgent') !== o.case.expected.includes('urgent'),
  );
  if (misses.length > 0) lines.push(`Misses (${misses.length}):`);
  for (const o of misses) {
    const tags = [
      o.top1 ? '' : 'top-1',
      o.top3 ? '' : 'top-3',
      o.case.expected.includes('urgent') && o.answered !== 'urgent' ? 'RED FLAG MISSED' : '',
      !o.case.expected.includes('urgent') && o.answered === 'urgent' ? 'FALSE ALARM' : '',
    ].filter(Boolean);
    lines.push(
      `  line ${o.case.line} [${tags.join(', ')}] "${o.case.question}"`,
      `    expected ${o.case.expected.join('|')}; got ${o.shown.join(', ')} (${o.result.kind})`,
    );
  }
  lines.push(...confusion(report));
  lines.push(
    `Questions: ${c.total}`,
    `Top-1 accuracy: ${f(report.top1)} (${c.top1}/${c.total})`,
    `Top-3 accuracy: ${f(report.top3)} (${c.top3}/${c.total})`,
    `Red-flag recall: ${f(report.redFlagRecall)} (${c.urgentFirst}/${c.urgent} labelled urgent answered with urgent first)`,
    `False-alarm rate: ${f(report.falseAlarm)} (${c.falseAlarms}/${c.notUrgent} not labelled urgent answered with urgent first)`,
    `top1=${f(report.top1)} top3=${f(report.top3)} redflag_recall=${f(report.redFlagRecall)} false_alarm=${f(report.falseAlarm)}`,
  );
  return lines;
}
