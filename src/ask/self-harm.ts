/**
 * Wording of self-harm or suicidal thoughts. red-flags.md puts these outside the bot: the answer
 * points to emergency services and a crisis line instead of any pain content. "I hurt myself lifting"
 * and "this pain is killing me" are injuries and figures of speech, not this.
 */
export const SELF_HARM_PATTERN = new RegExp(
  [
    '\\bsuicid(?:e|al)\\b',
    '\\bkill(?:ing)? my ?self\\b',
    '\\bend(?:ing)? (?:my (?:own )?life|it all|things|my suffering)\\b',
    '\\btake my (?:own )?life\\b',
    '\\b(?:want|wanting|wanna|wish|wished|going|ready) (?:to )?(?:just )?die\\b',
    '\\bwish i (?:was|were) dead\\b',
    '\\bbetter off dead\\b',
    '\\b(?:dont|do not|no longer) want to (?:live|be alive|be here|go on|wake up)\\b',
    '\\bno (?:reason|point) (?:to|in) (?:live|living|going on)\\b',
    '\\b(?:cant|cannot) go on\\b',
    '\\bself ?harm(?:ing)?\\b',
    '\\b(?:want|wanting|going|thinking|thought|thoughts|tempted|urge|urges) (?:about |of )?(?:to )?(?:hurt|harm|hurting|harming|cut|cutting) my ?self\\b',
    // Not "overdosing on energy drinks".
    '\\boverdos(?:e|ing)\\b(?! on (?:energy|caffeine|coffee|sugar|chocolate|carbs|junk|sweets))',
  ].join('|'),
  'g',
);
