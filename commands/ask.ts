import { KINDS, redFlagTiers, SELF_HARM_REPLY, type RedFlagTierId, type TopicId } from '../content/index.js';
import { ask, type AskResult } from '../src/ask/answer.js';
import {
  COLORS,
  userText,
  type ButtonDraft,
  type EmbedDraft,
  type ModalDraft,
  type ReplyDraft,
} from '../src/core/reply.js';
import type { ModalHandler, SlashCommand } from '../src/core/command.js';
import { baseDefinition, isPrivate, withPrivate } from './definition.js';
import {
  emergencyExamples,
  overviewButton,
  overviewReply,
  topicButton,
  topicReply,
  urgentReply,
  URGENT_BUTTON,
  type ReplyContext,
} from './topics.js';

export const QUESTION_OPTION = 'question';
/** Enough for a question in a sentence or two, far inside Discord's 6000. */
export const QUESTION_MAX_LENGTH = 1000;

/** The bot's own words in /ask replies: navigation only, never a medical statement. */
export const ASK_TEXT = {
  questionField: 'Your question',
  mentionsField: 'Your question mentions',
  unsureTitle: 'Not sure which topic this is',
  unsure:
    'I could not find a topic that answers this well. Try other words, open one of the closest topics below, or see everything the bot covers with /help or the overviews.',
  offTopicTitle: 'Outside what this bot covers',
  offTopic:
    'This bot answers questions about hip and lower back pain: how the lower back and hips are connected, common causes, ways to relieve the pain, treatments, and warning signs that need care now. Use /help, or open an overview below.',
  emptyTitle: 'Ask a question',
  empty:
    'Type a question about hip or lower back pain after /ask, for example: /ask question: what helps sciatica?',
  selfHarmTitle: 'Please reach out now',
  possibleSigns:
    'Some of what you describe can go with the warning signs below. Please read them: if one fits, get help as they say.',
  modalTitle: 'Ask hip-back-bot',
  modalLabel: 'Your question about hip or lower back pain',
  modalPlaceholder: 'e.g. Shooting pain down my leg when I sit. Does heat help?',
} as const;

/** Buttons per reply: two rows, so the answer stays the focus. */
const MAX_BUTTONS = 10;

function uniqueButtons(buttons: readonly ButtonDraft[]): ButtonDraft[] {
  const seen = new Set<string>();
  return buttons
    .filter((b) => {
      if (seen.has(b.customId)) return false;
      seen.add(b.customId);
      return true;
    })
    .slice(0, MAX_BUTTONS);
}

/** How the echoed text and the signs found in it are introduced ("Your question", "From the message"). */
export interface EchoLabels {
  readonly echo: string;
  readonly mentions: string;
}
const QUESTION_LABELS: EchoLabels = { echo: ASK_TEXT.questionField, mentions: ASK_TEXT.mentionsField };

/** The first embed with the user's question shown (escaped, cut short) above its other fields. */
function withQuestion(embeds: readonly EmbedDraft[], question: string, labels: EchoLabels): EmbedDraft[] {
  const [first, ...rest] = embeds;
  if (!first) return [];
  const echo = { name: labels.echo, value: [userText(question)] };
  return [{ ...first, fields: [echo, ...(first.fields ?? [])] }, ...rest];
}

/** The reply leads with warning signs of the emergency or urgent tier (see answerReply). */
export function showsWarningSigns(result: AskResult): boolean {
  return (
    result.kind === 'answer' &&
    result.ranking[0] === 'urgent' &&
    result.tier !== undefined &&
    result.tier !== 'gp'
  );
}

const OVERVIEW_BUTTONS = [...KINDS.map(overviewButton), URGENT_BUTTON];

/**
 * The urgent reply's embeds with the most severe tier found first: for the emergency tier that is
 * the generic "call your local emergency number now" lead. The signs found are named from content.
 */
function redFlagLead(
  result: AskResult,
  ctx: ReplyContext,
  tier: RedFlagTierId,
  labels: EchoLabels,
): EmbedDraft[] {
  const all = urgentReply(ctx).embeds;
  const index = tier === 'emergency' ? 0 : all.findIndex((e) => e.title === redFlagTiers[tier].title);
  const lead = all[index] ?? all[0];
  if (!lead) return [];
  const signs = [
    ...new Set(result.findings.filter((f) => f.tier === tier && f.sign !== '').map((f) => f.sign)),
  ];
  // The learnt safety net names no sign: the reply asks the reader to check the list instead.
  const value = signs.length > 0 ? signs.map((s) => `• ${s}`).join('\n') : ASK_TEXT.possibleSigns;
  const mentions = { name: labels.mentions, value };
  return [{ ...lead, fields: [mentions, ...(lead.fields ?? [])] }, ...all.filter((e) => e !== lead)];
}

function answerReply(result: AskResult, question: string, ctx: ReplyContext, labels: EchoLabels): ReplyDraft {
  const echoed = (embeds: readonly EmbedDraft[]) => withQuestion(embeds, question, labels);
  const urgentFirst = showsWarningSigns(result);
  const topics = urgentFirst ? result.ranking.slice(1) : result.ranking;
  const [best, ...others] = topics;
  const otherButtons = others.map((t: TopicId) => topicButton(t, 'primary'));
  if (!urgentFirst) {
    const answer = topicReply(best ?? 'urgent', ctx);
    return {
      ...answer,
      embeds: echoed(answer.embeds),
      buttons: uniqueButtons([...otherButtons, ...(answer.buttons ?? [])]),
    };
  }
  const tier = result.tier as RedFlagTierId;
  const lead = redFlagLead(result, ctx, tier, labels);
  if (!best) {
    return {
      private: ctx.private,
      embeds: [...lead.slice(0, 1), ...echoed(lead.slice(1))],
      buttons: uniqueButtons(OVERVIEW_BUTTONS),
    };
  }
  const answer = topicReply(best, ctx);
  return {
    ...answer,
    embeds: [...lead.slice(0, 1), ...echoed(answer.embeds)],
    buttons: uniqueButtons([URGENT_BUTTON, ...otherButtons, ...(answer.buttons ?? [])]),
  };
}

function noticeReply(
  title: string,
  description: EmbedDraft['description'],
  ctx: ReplyContext,
  buttons: readonly ButtonDraft[],
): ReplyDraft {
  return {
    private: ctx.private,
    outcome: 'unknown-value',
    embeds: [{ title, description, color: COLORS.notice }],
    buttons: uniqueButtons(buttons),
  };
}

/** /ask's reply for a question: what `ask` decided, drawn with the shared topic renderers. */
export function askReply(question: string, ctx: ReplyContext): ReplyDraft {
  if (question.trim() === '') return noticeReply(ASK_TEXT.emptyTitle, ASK_TEXT.empty, ctx, OVERVIEW_BUTTONS);
  return askResultReply(ask(question), question, ctx, QUESTION_LABELS);
}

/** The reply for what `ask` decided about `question`; `labels` introduce the echoed excerpt. */
export function askResultReply(
  result: AskResult,
  question: string,
  ctx: ReplyContext,
  labels: EchoLabels,
): ReplyDraft {
  switch (result.kind) {
    case 'self-harm':
      // Always private, and nothing else: no pain content, no buttons.
      return {
        private: true,
        embeds: [
          {
            title: ASK_TEXT.selfHarmTitle,
            description: `${SELF_HARM_REPLY}\n\n${emergencyExamples(ctx.locale)}`,
            color: COLORS.emergency,
          },
        ],
      };
    case 'answer':
      return answerReply(result, question, ctx, labels);
    case 'overview': {
      const overview = overviewReply(result.overview ?? 'tip', ctx);
      return { ...overview, embeds: withQuestion(overview.embeds, question, labels) };
    }
    case 'unsure':
      return noticeReply(ASK_TEXT.unsureTitle, [`"`, userText(question), `"\n\n${ASK_TEXT.unsure}`], ctx, [
        ...result.ranking.map((t) => topicButton(t, 'primary')),
        ...OVERVIEW_BUTTONS,
      ]);
    case 'off-topic':
      return noticeReply(
        ASK_TEXT.offTopicTitle,
        [`"`, userText(question), `"\n\n${ASK_TEXT.offTopic}`],
        ctx,
        OVERVIEW_BUTTONS,
      );
  }
}

/** The form's custom_id: `ask:private` or `ask:public`, so the submit needs no stored state. */
const ASK_FORM_PREFIX = 'ask';

/** The question box /ask opens when no question is given (easier than an option on a phone). */
export function askModal(privately: boolean): ModalDraft {
  return {
    customId: `${ASK_FORM_PREFIX}:${privately ? 'private' : 'public'}`,
    title: ASK_TEXT.modalTitle,
    inputs: [
      {
        customId: QUESTION_OPTION,
        label: ASK_TEXT.modalLabel,
        placeholder: ASK_TEXT.modalPlaceholder,
        maxLength: QUESTION_MAX_LENGTH,
      },
    ],
  };
}

export const askCommand: SlashCommand = {
  data: withPrivate(
    baseDefinition('ask', 'Ask about hip or lower back pain in your own words').addStringOption((o) =>
      o
        .setName(QUESTION_OPTION)
        .setDescription('Your question, e.g. "shooting pain down my leg"; leave it out for a question box')
        .setRequired(false)
        .setMaxLength(QUESTION_MAX_LENGTH),
    ),
    'true',
  ).toJSON(),
  modal(input) {
    return typeof input.options[QUESTION_OPTION] === 'string' ? undefined : askModal(isPrivate(input, true));
  },
  run(input) {
    const value = input.options[QUESTION_OPTION];
    const question = typeof value === 'string' ? value : '';
    return askReply(question, { locale: input.locale, private: isPrivate(input, true) });
  },
};

/** The submitted question box: answered exactly as /ask question:<text>. */
export const askForm: ModalHandler = {
  prefix: ASK_FORM_PREFIX,
  run({ rest, fields, locale }) {
    return askReply(fields[QUESTION_OPTION] ?? '', { locale, private: rest !== 'public' });
  },
};
