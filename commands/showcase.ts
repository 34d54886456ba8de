import { causeSlugs, NOT_A_DIAGNOSIS, tipSlugs, treatmentSlugs } from '../content/index.js';
import { ASK_MESSAGE_NAME } from './ask-message.js';
import { HELP_TEXT } from './help.js';
import { NAVIGATION } from './topics.js';

/**
 * What the web page (GET / and `npm run site`) shows: the bot's own words about itself and, for each
 * command, the console lines whose real replies it renders. Every cause, tip and treatment, the
 * overviews, /connection, /urgent, /help, /ask (a plain question, one with warning signs, and the
 * question box), and the message command.
 */
export const SITE_CONTENT = {
  appName: 'hip-back-bot',
  about: [HELP_TEXT.about, NOT_A_DIAGNOSIS, HELP_TEXT.privacy],
  sections: [
    {
      id: 'causes',
      title: NAVIGATION.overviewButton.cause,
      lines: ['/cause', ...causeSlugs.map((s) => `/cause ${s}`)],
    },
    {
      id: 'tips',
      title: NAVIGATION.overviewButton.tip,
      lines: ['/tips', ...tipSlugs.map((s) => `/tips ${s}`)],
    },
    {
      id: 'treatments',
      title: NAVIGATION.overviewButton.treatment,
      lines: ['/treatment', ...treatmentSlugs.map((s) => `/treatment ${s}`)],
    },
    { id: 'connection', title: '/connection', lines: ['/connection'] },
    { id: 'urgent', title: NAVIGATION.urgentTitle, lines: ['/urgent'] },
    {
      id: 'ask',
      title: '/ask',
      lines: [
        '/ask I think I slipped a disc',
        '/ask my back hurts and I have lost control of my bladder',
        '/ask',
      ],
    },
    {
      id: 'ask-message',
      title: `Apps → ${ASK_MESSAGE_NAME}`,
      lines: ["/ask-message my back's killing me and I've lost control of my bladder"],
    },
    { id: 'help', title: '/help', lines: ['/help'] },
  ],
} as const;
