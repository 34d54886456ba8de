import { describe, expect, it } from 'vitest';
import { createBot } from '../../commands/index.js';
import { HELP_TEXT } from '../../commands/help.js';
import { createApp } from '../../src/core/app.js';
import { parseConfig } from '../../src/core/config.js';
import { commandInteraction } from '../helpers/interactions.js';
import { expectMessageInvariants } from '../helpers/invariants.js';

const PRIVACY = 'https://bot.example.com/privacy';
const TERMS = 'https://bot.example.com/terms';

/** The /help reply's "Privacy and terms" field, as Discord users see it. */
function privacyField(links?: { privacy?: string; terms?: string }): string {
  const app = createApp(createBot(links ? { links } : {}));
  const response = app.handle(commandInteraction('help', {}));
  expect(response.response?.type).toBe(4);
  const data = expectMessageInvariants(response.response, { ephemeral: false });
  const field = data.embeds?.flatMap((e) => e.fields ?? []).find((f) => f.name === HELP_TEXT.privacyField);
  expect(field).toBeDefined();
  return field?.value ?? '';
}

describe('/help links to the privacy policy and terms', () => {
  it('links to both, with full URLs, when PRIVACY_URL and TERMS_URL are set', () => {
    const value = privacyField({ privacy: PRIVACY, terms: TERMS });
    expect(value).toContain(HELP_TEXT.privacy);
    expect(value).toBe(`${HELP_TEXT.privacy}\nPrivacy policy: ${PRIVACY}\nTerms of use: ${TERMS}`);
  });

  it('links to the one that is set', () => {
    const value = privacyField({ terms: TERMS });
    expect(value).toBe(`${HELP_TEXT.privacy}\nTerms of use: ${TERMS}`);
  });

  it('without links, names the two documents and who to ask', () => {
    const value = privacyField();
    expect(value).toBe(`${HELP_TEXT.privacy}\n${HELP_TEXT.noPolicyLinks}`);
    expect(value).toContain('PRIVACY.md and TERMS.md');
  });

  it('keeps within Discord’s field limit with the longest URLs the config accepts', () => {
    const long = `https://bot.example.com/${'p'.repeat(400 - 'https://bot.example.com/'.length)}`;
    expect(parseConfig({ PRIVACY_URL: long, TERMS_URL: long }).ok).toBe(true);
    expect(privacyField({ privacy: long, terms: long })).toContain(`Terms of use: ${long}`);
    expect(parseConfig({ TERMS_URL: `${long}x` }).ok).toBe(false);
  });
});

describe('PRIVACY_URL and TERMS_URL', () => {
  it('are read when set', () => {
    expect(parseConfig({ PRIVACY_URL: PRIVACY, TERMS_URL: TERMS })).toMatchObject({
      ok: true,
      config: { privacyUrl: PRIVACY, termsUrl: TERMS },
    });
  });

  it.each([
    ['PRIVACY_URL', 'bot.example.com/privacy'],
    ['PRIVACY_URL', 'ftp://bot.example.com/privacy'],
    ['TERMS_URL', 'https://bot.example.com/terms (v2)'],
    ['TERMS_URL', `https://bot.example.com/${'t'.repeat(600)}`],
  ])('%s=%s is refused with one line naming it and the fix', (name, value) => {
    const result = parseConfig({ [name]: value });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${name} must be a full http\\(s\\) URL`));
  });
});
