import {
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  type APIEmbed,
  type APIInteractionResponse,
  type APIMessageTopLevelComponent,
  type APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';

/**
 * The one renderer from an interaction response (the JSON the bot sends Discord) to HTML that looks
 * like Discord shows it. Every word of a reply comes from that JSON; this file adds only Discord's
 * own chrome (the app's name, "Only you can see this").
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Discord markdown as the client shows it: **bold**, `<url>` (a link without preview) as a link,
 * backslash escapes as the character, the zero-width space that defuses mentions dropped, new lines
 * kept. Anything else is text.
 */
export function markdownHtml(text: string): string {
  const out: string[] = [];
  const pattern = /\*\*(.+?)\*\*|<(https?:\/\/[^>\s]+)>|\\([^\w\s])|\u200b/gs;
  let at = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(escapeHtml(text.slice(at, m.index)));
    if (m[1] !== undefined) out.push(`<strong>${markdownHtml(m[1])}</strong>`);
    else if (m[2] !== undefined) {
      const url = escapeHtml(m[2]);
      out.push(`<a href="${url}" rel="noopener noreferrer">${url}</a>`);
    } else if (m[3] !== undefined) out.push(escapeHtml(m[3]));
    at = m.index + m[0].length;
  }
  out.push(escapeHtml(text.slice(at)));
  return out.join('');
}

function hex(color: number | undefined): string {
  return `#${(color ?? 0x4e5058).toString(16).padStart(6, '0')}`;
}

function embedHtml(embed: APIEmbed): string {
  const parts: string[] = [];
  if (embed.title) parts.push(`<h4 class="embed-title">${markdownHtml(embed.title)}</h4>`);
  if (embed.description)
    parts.push(`<div class="embed-description">${markdownHtml(embed.description)}</div>`);
  for (const field of embed.fields ?? [])
    parts.push(
      `<div class="field"><div class="field-name">${markdownHtml(field.name)}</div><div class="field-value">${markdownHtml(field.value)}</div></div>`,
    );
  if (embed.footer?.text) parts.push(`<div class="embed-footer">${markdownHtml(embed.footer.text)}</div>`);
  return `<section class="embed" style="border-left-color:${hex(embed.color)}">${parts.join('')}</section>`;
}

const BUTTON_CLASS: Partial<Record<ButtonStyle, string>> = {
  [ButtonStyle.Primary]: 'primary',
  [ButtonStyle.Secondary]: 'secondary',
  [ButtonStyle.Success]: 'success',
  [ButtonStyle.Danger]: 'danger',
  [ButtonStyle.Link]: 'secondary',
};

function componentsHtml(rows: readonly APIMessageTopLevelComponent[]): string {
  const out: string[] = [];
  for (const row of rows) {
    if (row.type !== ComponentType.ActionRow) continue;
    const items: string[] = [];
    for (const c of row.components) {
      if (c.type === ComponentType.Button && 'label' in c && c.label)
        items.push(
          `<span class="button ${BUTTON_CLASS[c.style] ?? 'secondary'}">${escapeHtml(c.label)}</span>`,
        );
      if (c.type === ComponentType.StringSelect) {
        const options = c.options
          .map(
            (o) =>
              `<li><span class="option-label">${escapeHtml(o.label)}</span>${
                o.description ? `<span class="option-description">${escapeHtml(o.description)}</span>` : ''
              }</li>`,
          )
          .join('');
        items.push(
          `<div class="select"><div class="select-placeholder">${escapeHtml(c.placeholder ?? '')}</div><ul class="select-options">${options}</ul></div>`,
        );
      }
    }
    out.push(`<div class="row">${items.join('')}</div>`);
  }
  return out.join('');
}

function modalHtml(data: APIModalInteractionResponseCallbackData, idPrefix: string): string {
  const inputs: string[] = [];
  data.components.forEach((c, n) => {
    if (c.type !== ComponentType.Label || c.component.type !== ComponentType.TextInput) return;
    const t = c.component;
    const id = `${idPrefix}-input-${n}`;
    inputs.push(
      `<label class="modal-label" for="${id}">${escapeHtml(c.label)}</label><textarea class="modal-input" id="${id}" rows="4" disabled${
        t.max_length ? ` maxlength="${t.max_length}"` : ''
      }${t.placeholder ? ` placeholder="${escapeHtml(t.placeholder)}"` : ''}></textarea>`,
    );
  });
  return `<div class="modal"><div class="modal-title">${escapeHtml(data.title)}</div>${inputs.join('')}</div>`;
}

/**
 * One interaction response as Discord would show it: a message from the app (with "Only you can
 * see this" when private), or the form a modal opens. `idPrefix` keeps element ids unique on a page.
 */
export function responseHtml(response: APIInteractionResponse, appName: string, idPrefix: string): string {
  if (response.type === InteractionResponseType.Modal) return modalHtml(response.data, idPrefix);
  if (
    response.type !== InteractionResponseType.ChannelMessageWithSource &&
    response.type !== InteractionResponseType.UpdateMessage
  )
    return '';
  const data = response.data ?? {};
  const ephemeral = ((data.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  return [
    '<div class="message">',
    `<div class="avatar" aria-hidden="true">${escapeHtml(appName.slice(0, 1).toUpperCase())}</div>`,
    '<div class="message-body">',
    `<div class="author">${escapeHtml(appName)} <span class="app-tag">APP</span></div>`,
    data.content ? `<div class="content">${markdownHtml(data.content)}</div>` : '',
    ...(data.embeds ?? []).map(embedHtml),
    componentsHtml(data.components ?? []),
    ephemeral ? '<div class="only-you">Only you can see this</div>' : '',
    '</div></div>',
  ].join('');
}
