import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/core/metrics.js';

const ROOT = join(import.meta.dirname, '../..');
const privacy = readFileSync(join(ROOT, 'PRIVACY.md'), 'utf8');
const terms = readFileSync(join(ROOT, 'TERMS.md'), 'utf8');

describe('PRIVACY.md and TERMS.md', () => {
  it('leave the operator, a contact, the date and both retention periods to fill in', () => {
    for (const doc of [privacy, terms]) {
      expect(doc).toMatch(/\*\*Operator:\*\* _operator: /);
      expect(doc).toMatch(/\*\*Contact[^*]*:\*\* _operator: /);
      expect(doc).toMatch(/\*\*Last updated:\*\* _operator: /);
    }
    expect(privacy.match(/\*\*Retention:\*\* _operator: /g)).toHaveLength(2);
  });

  it('say what Discord sends, that nothing is stored and that no message text is logged', () => {
    expect(privacy).toContain('## What Discord sends the bot');
    expect(privacy).toMatch(/## What it stores\n\n\*\*Nothing\.\*\*/);
    expect(privacy).toMatch(/The logs \*\*never\*\* contain what you typed/);
    expect(privacy).toContain('No metric holds a user id, a server id or anything anyone typed');
  });

  it('describe every kind of metric the bot exports', async () => {
    const names = (
      await createMetrics({ labels: [], processMetrics: false }).registry.getMetricsAsJSON()
    ).map((m) => m.name);
    const described: Record<string, string> = {
      hip_back_bot_interactions_total: 'how many\ninteractions per command and outcome',
      hip_back_bot_interaction_duration_seconds: 'how long answers took',
      hip_back_bot_cooldown_hits_total: 'anti-spam refusals',
      hip_back_bot_discord_rest_errors_total: 'Discord error codes',
      hip_back_bot_gateway_reconnects_total: 'gateway\nreconnects',
      hip_back_bot_gateway_shard_ready: 'shard status',
    };
    expect(names.sort()).toEqual(Object.keys(described).sort());
    for (const words of Object.values(described))
      expect(privacy.replace(/\s+/g, ' ')).toContain(words.replace(/\s+/g, ' '));
  });

  it('carry the medical disclaimer: not a diagnosis, call the emergency number, see a provider', () => {
    expect(terms).toContain('## Medical disclaimer');
    expect(terms).toMatch(/It is \*\*not\*\* medical advice, a diagnosis/);
    expect(terms).toContain('**In an emergency, call your local emergency number now**');
    expect(terms).toContain('see a healthcare provider for a proper');
    expect(privacy).toContain('It is not a\ndiagnosis and does not replace a clinician');
  });
});
