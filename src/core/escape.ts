import { escapeMarkdown } from '@discordjs/builders';

/** Longest piece of echoed user text shown back, before escaping. */
export const MAX_ECHO = 100;

/**
 * Makes user text safe to show back: no markdown, no mention (even with allowed_mentions off, a
 * rendered <@id> would show as a ping-looking chip), no clickable or masked link.
 */
export function escapeUserText(text: string, max = MAX_ECHO): string {
  // Every run of white space becomes one space; a lone space (most of them) is left as it is rather
  // than replaced, which spares a long question a replacement per word.
  const flat = text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return escapeMarkdown(short, { maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/@/g, '@\u200b')
    .replace(/</g, '\\<')
    .replace(/:\/\//g, ':\\/\\/');
}
