/**
 * Plain-text handling shared by the /ask matcher and detectors: one normalised form of a question,
 * so patterns and the search index see the same words whatever the user's case, punctuation,
 * apostrophes or spacing.
 */

/**
 * Longest part of a question that /ask reads: Discord's longest string option. A client may send
 * more than the command's max_length; the rest is cut, never rejected.
 */
export const MAX_QUESTION_CHARS = 6000;

/**
 * Lower case, apostrophes dropped ("can't" -> "cant"), every other non-letter/digit a space, except
 * sentence punctuation, which stays as its own token so clause-aware rules can see it.
 */
export function normalizeQuestion(question: string): string {
  // After the non-letters become spaces, only runs of spaces are left to collapse; a lone space (most
  // of them) is not a match, which spares a long question a replacement per word.
  return (
    question
      .slice(0, MAX_QUESTION_CHARS)
      .normalize('NFKC')
      .toLowerCase()
      .replace(/['’‘`´]/g, '')
      // "can t", "don,t": an apostrophe typed as a space or a comma.
      .replace(
        /\b(can|don|didn|doesn|won|isn|wasn|couldn|wouldn|shouldn|haven|hasn|hadn|aren|weren)[ ,]t\b/g,
        '$1t',
      )
      .replace(/([.,;:!?])/g, ' $1 ')
      .replace(/[^\p{L}\p{N}.,;:!? ]+/gu, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

const CLAUSE_BREAK = /^[.,;:!?]$/;

export function isClauseBreak(token: string): boolean {
  return CLAUSE_BREAK.test(token);
}

/** The words of a normalised question, punctuation included as separate tokens. */
export function tokens(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ');
}

/** How many of `tokens` are words, not punctuation. */
export function countWords(words: readonly string[]): number {
  let count = 0;
  for (const word of words) if (!isClauseBreak(word)) count++;
  return count;
}
