import { describe, expect, it, vi } from 'vitest';

// A long message read exactly (a story) is the first thing a fresh process may rank.
const STORY =
  'I have had lower back pain for three weeks since I started a new job where I sit all day at a desk, and now my sciatica shoots down my left leg. Would a heat pad or stretching help?';

describe('the topic search', () => {
  it('ranks the first story of a fresh process as it ranks the same story later', async () => {
    vi.resetModules();
    const { scoreTopics } = await import('../../src/ask/matcher.js');
    const { analyze } = await import('../../src/ask/analyze.js');
    const first = scoreTopics(analyze(STORY), true);
    const again = scoreTopics(analyze(STORY), true);
    expect(first.length).toBeGreaterThan(0);
    expect(first).toEqual(again);
  });
});
