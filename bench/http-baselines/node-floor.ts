/**
 * Baseline (c) of `npm run bench:http`, the floor: bare node:http that verifies the Ed25519 signature
 * with node:crypto (KeyObject made once) on its event loop and answers a constant, pre-serialised
 * reply. No routing, no parsing, no limits: the least an endpoint that verifies in line costs.
 * Run by bench/http.ts in its own process: DISCORD_PUBLIC_KEY, PORT, RESPONSE_FILE.
 */
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const key = createPublicKey({
  key: Buffer.concat([
    Buffer.from('302a300506032b6570032100', 'hex'),
    Buffer.from(process.env.DISCORD_PUBLIC_KEY ?? '', 'hex'),
  ]),
  format: 'der',
  type: 'spki',
});
const reply = Buffer.from(readFileSync(process.env.RESPONSE_FILE ?? '', 'utf8'));
const replyHeaders = { 'content-type': 'application/json', 'content-length': reply.length };

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    const valid =
      typeof signature === 'string' &&
      typeof timestamp === 'string' &&
      verify(null, Buffer.concat([Buffer.from(timestamp), ...chunks]), key, Buffer.from(signature, 'hex'));
    if (!valid) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, replyHeaders).end(reply);
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'listening' }));
});
