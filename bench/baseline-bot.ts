/**
 * The benchmark's baseline: a minimal discord.js bot written as the discord.js guide writes one
 * (Client with the Guilds intent, a ClientReady log, interaction.reply in InteractionCreate),
 * answering every slash command with one constant embed. DISCORD_API_BASE points it at the fake.
 */
import { Client, EmbedBuilder, Events, GatewayIntentBits } from 'discord.js';

const token = process.env.DISCORD_TOKEN;
const api = process.env.DISCORD_API_BASE;

const embed = new EmbedBuilder()
  .setTitle('Hip and lower back pain')
  .setDescription('The lower back and the hips are connected through muscles, bones and nerves.')
  .setFooter({ text: 'Consult a healthcare provider for a proper diagnosis.' });

const client = new Client({ intents: [GatewayIntentBits.Guilds], ...(api ? { rest: { api } } : {}) });

client.once(Events.ClientReady, (readyClient) => {
  console.log(`Ready! Logged in as ${readyClient.user.tag}`);
});

client.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  interaction.reply({ embeds: [embed] }).catch(console.error);
});

await client.login(token);
