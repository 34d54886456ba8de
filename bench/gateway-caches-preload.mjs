/**
 * Loaded into the built bot with `node --import` by bench/gateway-caches.ts, never by the bot
 * itself. BENCH_CACHE_LIMITS (JSON, as for Options.cacheWithLimits) replaces the bot's own cache
 * factory before the Client builds its managers; unset, the bot runs as built. Either way
 * globalThis.benchCacheSizes() counts what each kind of manager holds, read through the inspector.
 */
import process from 'node:process';
import { Client, Options } from 'discord.js';

const limits = process.env.BENCH_CACHE_LIMITS;
/** The bot's one Client, once constructed. */
const clients = [];

// The Client constructor validates its options right before it creates its managers.
const validate = Client.prototype._validateOptions;
Client.prototype._validateOptions = function (options = this.options) {
  if (limits) options.makeCache = Options.cacheWithLimits(JSON.parse(limits));
  clients.push(this);
  return validate.call(this, options);
};

function count(sizes, manager) {
  if (!manager || !(manager.cache instanceof Map)) return;
  const name = manager.constructor.name;
  sizes[name] = (sizes[name] ?? 0) + manager.cache.size;
}

globalThis.benchCacheSizes = () => {
  const sizes = {};
  const client = clients.at(-1);
  if (!client) return sizes;
  count(sizes, client.users);
  count(sizes, client.channels);
  count(sizes, client.guilds);
  // Guilds hold members, roles, emojis ...; channels hold threads, messages and overwrites.
  for (const holder of [...client.guilds.cache.values(), ...client.channels.cache.values()])
    for (const value of Object.values(holder))
      if (value !== client.guilds && value !== client.channels) count(sizes, value);
  return sizes;
};
