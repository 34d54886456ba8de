/**
 * Baseline (b) of `npm run bench:http`: Discord's own example stack (discord-example-app): express 4
 * with discord-interactions' verifyKeyMiddleware, answering every command with one constant embed.
 * Run by bench/http.ts in its own process: DISCORD_PUBLIC_KEY, PORT, RESPONSE_FILE (the reply
 * JSON to send, the same bytes this bot sends for the benchmarked command).
 */
import { readFileSync } from 'node:fs';
import { InteractionResponseType, InteractionType, verifyKeyMiddleware } from 'discord-interactions';
import express from 'express';

const publicKey = process.env.DISCORD_PUBLIC_KEY ?? '';
const reply = JSON.parse(readFileSync(process.env.RESPONSE_FILE ?? '', 'utf8')) as unknown;

const app = express();
// As in the example app: the middleware answers PING itself and hands on the parsed body.
app.post('/interactions', verifyKeyMiddleware(publicKey), (req, res) => {
  const { type } = req.body as { type: InteractionType };
  if (type === InteractionType.APPLICATION_COMMAND) {
    res.send(reply);
    return;
  }
  res.status(400).json({ error: 'unknown interaction type' });
});
app.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(
    JSON.stringify({ msg: 'listening', response: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE }),
  );
});
