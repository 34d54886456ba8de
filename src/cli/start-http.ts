/**
 * `npm run start:http`: the HTTP interactions endpoint. Deliberately never imports discord.js (about
 * 250 ms and 75 MiB): cold start to the first answer is what serverless and autoscaled replicas pay.
 *
 * `npm run build` bundles this file and saves a V8 startup snapshot of it (dist/http.blob) taken
 * after the app is built, so a start deserialises the commands, content and search indexes instead
 * of loading and building them. Run directly (tsx, or the bundle without the blob) it starts as usual.
 */
import { startupSnapshot } from 'node:v8';
import { createApp } from '../core/app.js';
import { bot } from '../../commands/index.js';

// Built at module load: this is the work the snapshot saves. It holds no per-run state but the cooldown, empty here.
const app = createApp(bot);

// Imported only when run: config, logger and node:http must come from the running process, not the build.
async function main(): Promise<void> {
  const { runHttpEndpoint } = await import('./http-endpoint.js');
  runHttpEndpoint(app);
}

if (startupSnapshot.isBuildingSnapshot()) startupSnapshot.setDeserializeMainFunction(() => void main());
else void main();
