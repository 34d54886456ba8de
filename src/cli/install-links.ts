/**
 * The two install links of Discord's OAuth2 authorize URL: `integration_type` 0 installs the app to
 * a server, 1 to a user's account (Discord's "installation context"). A user install only takes
 * `applications.commands`; `bot` exists only for a server install.
 */

const AUTHORIZE = 'https://discord.com/oauth2/authorize';

/**
 * permissions=0: the bot only answers interactions, and an interaction reply is sent with the
 * interaction's own token, which needs no channel permission (not even Send Messages).
 */
export const BOT_PERMISSIONS = '0';

export interface InstallLinks {
  readonly guild: string;
  readonly user: string;
}

export function installLinks(applicationId: string): InstallLinks {
  const url = (params: Record<string, string>) =>
    `${AUTHORIZE}?${new URLSearchParams({ client_id: applicationId, ...params }).toString()}`;
  return {
    guild: url({ scope: 'applications.commands bot', permissions: BOT_PERMISSIONS, integration_type: '0' }),
    user: url({ scope: 'applications.commands', integration_type: '1' }),
  };
}
