import { askTerms } from '../../content/ask-terms.js';
import {
  entriesByKind,
  layTerms,
  redFlagTiers,
  TIER_ORDER,
  type Entry,
  type RedFlagTierId,
} from '../../content/index.js';
import { isNegated } from './negation.js';
import {
  BACK_OR_HIP,
  COMBINED_RULES,
  EVERYDAY_WORDS,
  LONG_MESSAGE_WORDS,
  RED_FLAG_RULES,
  SAFETY_WORDS,
  type RedFlagRule,
} from './red-flag-concepts/index.js';
import { SELF_HARM_PATTERN } from './self-harm.js';
import { createSpeller } from './spelling.js';
import { countWords, isClauseBreak, tokens } from './text.js';

/** One red-flag sign a question describes. */
export interface RedFlagFinding {
  readonly tier: RedFlagTierId;
  readonly rule: string;
  /**
   * The sign as content/red-flags.ts words it; empty from the learnt safety net and from a rule that
   * recognises a concept rather than one sign (src/ask/red-flag-concepts/infection.ts).
   */
  readonly sign: string;
  readonly strength: 'strong' | 'weak';
}

export interface SafetyScan {
  readonly selfHarm: boolean;
  /** Every sign found, most severe tier first. */
  readonly findings: readonly RedFlagFinding[];
  /** The most severe tier found, if any. */
  readonly tier: RedFlagTierId | undefined;
}

const ALL_SIGNS: readonly string[] = TIER_ORDER.flatMap((id) =>
  redFlagTiers[id].groups.flatMap((g) => g.signs),
);

/** The rule id of a finding from the safety net learnt from real messages: it names no sign. */
export const LEARNED_RULE = 'learned-from-real-messages';

/** A possible sign of the urgent tier that no concept named (see URGENT_PROBABILITY in answer.ts). */
export function learnedFinding(): RedFlagFinding {
  return { tier: 'urgent', rule: LEARNED_RULE, sign: '', strength: 'weak' };
}

/** The content sign a rule names by its first words; a rule naming none is a bug the tests catch. */
export function contentSign(start: string): string | undefined {
  return start === '' ? undefined : ALL_SIGNS.find((s) => s.startsWith(start));
}

function wordsOf(texts: Iterable<string>): string[] {
  return [...texts].flatMap((t) =>
    t
      .toLowerCase()
      .replace(/['’]/g, '')
      .split(/[^a-z]+/),
  );
}

/** Every word the bot's own content uses is known, so only true slips get repaired. */
const speller = createSpeller(SAFETY_WORDS, [
  ...EVERYDAY_WORDS,
  ...wordsOf(Object.values(entriesByKind).flatMap((kind) => Object.values<Entry>(kind).map((e) => e.text))),
  ...wordsOf(Object.values(layTerms).flat()),
  ...wordsOf(Object.values(askTerms).flat()),
]);

/** The words with slips in safety words repaired: `words` itself when none had a slip. */
function repairWords(words: readonly string[]): readonly string[] {
  let repaired: string[] | undefined;
  words.forEach((word, i) => {
    const meant = speller.correct(word);
    if (meant !== word) (repaired ??= [...words])[i] = meant;
  });
  return repaired ?? words;
}

/** The normalised question with slips in safety words repaired. */
export function repairSafetyWords(normalized: string): string {
  return repairWords(tokens(normalized)).join(' ');
}

/** The clause text before token `start` (back to the last punctuation). */
function clauseBefore(words: readonly string[], start: number): string {
  let from = start;
  while (from > 0 && !isClauseBreak(words[from - 1] ?? '')) from--;
  return words.slice(from, start).join(' ');
}

function tokenIndex(text: string, charIndex: number): number {
  let count = 0;
  for (let i = 0; i < charIndex; i++) if (text.charCodeAt(i) === 32) count++;
  return count;
}

/** The sentence around tokens [start, end) (between sentence ends), at most `reach` words either side. */
function sentenceAround(words: readonly string[], start: number, end: number, reach = Infinity): string {
  let from = start;
  while (from > 0 && start - from < reach && !SENTENCE_END.test(words[from - 1] ?? '')) from--;
  let to = end;
  while (to < words.length && to - end < reach && !SENTENCE_END.test(words[to] ?? '')) to++;
  return words.slice(from, to).join(' ');
}
/** How far from a finding RedFlagRule.unlessNear looks, in words. */
const NEAR_WORDS = 8;
const SENTENCE_END = /^[.;!?]$/;

/** Whether the message is about the subject a rule's sign goes with (see RedFlagRule.context). */
function inContext(rule: RedFlagRule, text: string, wordCount: number): boolean {
  if (rule.unlessMessage?.test(text)) return false;
  if (rule.context === undefined) return true;
  if (rule.context === 'long' && wordCount <= LONG_MESSAGE_WORDS) return true;
  return BACK_OR_HIP.test(text) || (rule.about?.test(text) ?? false);
}

/** Where the token after the one at `charIndex` starts, or -1 at the last token. */
function nextToken(text: string, charIndex: number): number {
  const space = text.indexOf(' ', charIndex);
  return space < 0 ? -1 : space + 1;
}

/**
 * Whether any match of the rule stands: not negated, not excused by its clause or sentence. After an
 * excused match the search goes on from its second word, not its end, so a sign inside it still
 * counts ("not my bum, my groin and inner thighs have gone numb").
 */
function ruleFires(rule: RedFlagRule, text: string, words: readonly string[], wordCount: number): boolean {
  if (rule.anchors && !rule.anchors.some((a) => text.includes(a))) return false;
  const { pattern } = rule;
  pattern.lastIndex = 0;
  let fires = false;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = tokenIndex(text, m.index);
    const end = start + m[0].split(' ').length;
    const excused =
      isNegated(words, start, end) ||
      (rule.unlessBefore?.test(clauseBefore(words, start)) ?? false) ||
      (rule.unlessSentence?.test(sentenceAround(words, start, end)) ?? false) ||
      (rule.unlessNear?.test(sentenceAround(words, start, end, NEAR_WORDS)) ?? false);
    if (!excused) {
      fires = inContext(rule, text, wordCount);
      break;
    }
    const next = nextToken(text, m.index);
    if (next < 0) break;
    pattern.lastIndex = next;
  }
  pattern.lastIndex = 0;
  return fires;
}

/**
 * Self-harm wording and red-flag signs in a normalised question (src/ask/text.ts), given with its
 * tokens when the caller has them already.
 */
export function scanSafety(normalized: string, normalizedWords = tokens(normalized)): SafetyScan {
  const words = repairWords(normalizedWords);
  const text = words === normalizedWords ? normalized : words.join(' ');
  const selfHarm = [...text.matchAll(SELF_HARM_PATTERN)].some((m) => {
    const start = tokenIndex(text, m.index);
    return !isNegated(words, start, start + m[0].split(' ').length);
  });
  const fired = new Set<string>();
  const findings: RedFlagFinding[] = [];
  const add = (id: string, tier: RedFlagTierId, signStart: string, strength: 'strong' | 'weak') => {
    fired.add(id);
    findings.push({
      tier,
      rule: id,
      sign: contentSign(signStart) ?? signStart,
      strength,
    });
  };
  const wordCount = countWords(words);
  for (const rule of RED_FLAG_RULES) {
    if (ruleFires(rule, text, words, wordCount))
      add(rule.id, rule.tier, rule.sign, rule.strength ?? 'strong');
  }
  for (const combo of COMBINED_RULES) {
    if (combo.allOf.every((id) => fired.has(id))) add(combo.id, combo.tier, combo.sign, 'strong');
  }
  findings.sort((a, b) => TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier));
  return { selfHarm, findings, tier: findings[0]?.tier };
}
