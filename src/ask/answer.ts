import { ALL_TOPIC_IDS, kindOf, type Kind, type RedFlagTierId, type TopicId } from '../../content/index.js';
import { analyze } from './analyze.js';
import { scoreTopics, type TopicScore } from './matcher.js';
import { scanSafety, type RedFlagFinding } from './red-flags.js';
import { LONG_MESSAGE_WORDS } from './red-flag-concepts/index.js';
import { isClauseBreak, normalizeQuestion, tokens } from './text.js';

function wordCount(question: string): number {
  return tokens(normalizeQuestion(question)).filter((t) => !isClauseBreak(t)).length;
}

/**
 * What /ask does with a question, before any rendering: the single place that decides the order of
 * topics /ask shows, so the evaluation command measures exactly what users see.
 *
 * - `self-harm`: only the crisis reply (its ranking is `urgent`: it leads with emergency services).
 * - `answer`: the first topic's content, the next ones as buttons. A sign of the emergency or urgent
 *   tier puts `urgent` first. A see-a-GP sign favours `provider`: a strong one (not better after
 *   weeks, stops daily life, struggling to cope) puts it first; a weak one (severe, getting worse,
 *   worried) puts it first only when nothing else matches well, else second. It never puts
 *   `urgent` first.
 * - `overview`: the question asks for a kind (causes, relief, treatments) but names no entry.
 * - `unsure`: about hip or back pain, but no topic matches well: the closest ones are offered.
 * - `off-topic`: not about hip or back pain at all.
 */
export type AskKind = 'answer' | 'overview' | 'unsure' | 'off-topic' | 'self-harm';

export interface AskResult {
  readonly kind: AskKind;
  /** Topics in the order /ask shows them: the answer (if any) first, then the buttons. */
  readonly ranking: readonly TopicId[];
  /** The most severe red-flag tier the question describes, if any. */
  readonly tier: RedFlagTierId | undefined;
  readonly findings: readonly RedFlagFinding[];
  /** For `overview`: the kind asked for. */
  readonly overview?: Kind;
}

/** A topic matched through its own words at least this well is an answer, not a guess. */
export const CONFIDENT_SCORE = 4;
/**
 * A topic reached only by near misses (typos, word starts) in a question that does not mention hip,
 * back or pain needs more to be an answer ("football scores" is no slip for any topic).
 */
export const CONFIDENT_NEAR_MISS_SCORE = 5;
/** Below this, a match is noise (a fuzzy hit on a common word). */
export const MIN_SCORE = 1.5;
/**
 * How much of a question the topic search reads: twice the command's max_length. Red flags are
 * looked for in all of it; what a question is about shows at its start.
 */
export const MATCHED_CHARS = 600;
/** Topics /ask shows: the answer and up to three more as buttons. */
export const SHOWN_TOPICS = 4;

function withFirst(first: TopicId, rest: readonly TopicId[]): TopicId[] {
  return [first, ...rest.filter((t) => t !== first)];
}

export function ask(question: string): AskResult {
  const scan = scanSafety(normalizeQuestion(question));
  const base = { tier: scan.tier, findings: scan.findings };
  if (scan.selfHarm) return { ...base, kind: 'self-harm', ranking: ['urgent'] };

  const analysis = analyze(question.slice(0, MATCHED_CHARS));
  const scores = withoutIncidentalUrgent(
    scoreTopics(analysis).filter((s) => s.kindOnly || s.score >= MIN_SCORE),
    scan.tier,
    question,
  );
  const specific = scores.filter((s) => !s.kindOnly);
  // Naming both the hip and the back, and nothing more specific, is asking how they are connected.
  const top = specific[0];
  const aboutPain = analysis.mentions.hip || analysis.mentions.back || analysis.mentions.pain;
  const confident =
    top !== undefined &&
    (top.topic === 'connection' ||
      top.score >= (top.exact || aboutPain ? CONFIDENT_SCORE : CONFIDENT_NEAR_MISS_SCORE));
  let ranking = scores.map((s) => s.topic);

  if (scan.tier === 'emergency' || scan.tier === 'urgent') {
    ranking = withFirst('urgent', ranking);
  } else if (scan.tier === 'gp') {
    const strong = scan.findings.some((f) => f.strength === 'strong');
    ranking =
      strong || !confident || !top || top.topic === 'provider'
        ? withFirst('provider', ranking)
        : [
            top.topic,
            ...withFirst(
              'provider',
              ranking.filter((t) => t !== top.topic),
            ),
          ];
  } else if (!confident) {
    return unconfident(scores, analysis.mentions, base);
  }
  return { ...base, kind: 'answer', ranking: ranking.slice(0, SHOWN_TOPICS) };
}

/**
 * A story that mentions the ER or an ambulance but describes no warning sign is not asking about
 * warning signs: the urgent topic stays among the topics offered, never first.
 */
function withoutIncidentalUrgent(
  scores: TopicScore[],
  tier: RedFlagTierId | undefined,
  question: string,
): TopicScore[] {
  if (tier === 'emergency' || tier === 'urgent' || scores[0]?.topic !== 'urgent') return scores;
  if (wordCount(question) <= LONG_MESSAGE_WORDS || scores.length < 2) return scores;
  const [urgent, next, ...rest] = scores as [TopicScore, TopicScore, ...TopicScore[]];
  return [next, urgent, ...rest];
}

function unconfident(
  scores: readonly TopicScore[],
  mentions: { hip: boolean; back: boolean; pain: boolean },
  base: Pick<AskResult, 'tier' | 'findings'>,
): AskResult {
  const top = scores[0];
  const about = mentions.hip || mentions.back || mentions.pain;
  if (top?.kindOnly && about) {
    const kind = kindOf(top.topic);
    if (kind) {
      const ofKind = ALL_TOPIC_IDS.filter((t) => kindOf(t) === kind);
      return { ...base, kind: 'overview', overview: kind, ranking: ofKind.slice(0, SHOWN_TOPICS) };
    }
  }
  return {
    ...base,
    kind: about ? 'unsure' : 'off-topic',
    ranking: about ? scores.slice(0, SHOWN_TOPICS - 1).map((s) => s.topic) : [],
  };
}
