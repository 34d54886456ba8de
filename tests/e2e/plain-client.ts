/**
 * Test-only entry: a discord.js Client as the discord.js guide writes one, with nothing of the bot's.
 * It shows what an unpatched client does with an INTERACTION_CREATE it cannot build an object from.
 */
import { Client, Events, GatewayIntentBits } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  rest: { api: process.env.DISCORD_API_BASE ?? '' },
});
client.once(Events.ClientReady, () => console.log(JSON.stringify({ level: 30, msg: 'ready' })));
client.on(Events.InteractionCreate, (interaction) =>
  console.log(JSON.stringify({ level: 30, msg: 'interaction', id: interaction.id })),
);
await client.login(process.env.DISCORD_TOKEN);
