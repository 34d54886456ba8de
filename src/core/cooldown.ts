/** Per-user sliding window: at most `limit` actions in `windowMs`. State is per process. */
export class Cooldown {
  private readonly hits = new Map<string, number[]>();
  private nextSweep = 0;

  constructor(
    readonly limit = 5,
    readonly windowMs = 10_000,
  ) {}

  /** Records an action; returns 0 when allowed, else the milliseconds until the user may act again. */
  take(userId: string, now: number): number {
    const since = now - this.windowMs;
    const recent = this.hits.get(userId);
    if (recent === undefined) {
      this.hits.set(userId, [now]);
      this.sweepNowAndThen(since, now);
      return 0;
    }
    // Oldest first: drop the times that left the window, in place (this runs on every interaction).
    let expired = 0;
    while (expired < recent.length && (recent[expired] as number) <= since) expired++;
    if (expired > 0) recent.splice(0, expired);
    if (recent.length >= this.limit) return (recent[0] as number) + this.windowMs - now;
    recent.push(now);
    return 0;
  }

  private sweepNowAndThen(since: number, now: number): void {
    if (this.hits.size > 10_000 && now >= this.nextSweep) {
      this.sweep(since);
      // At most once per window: with over 10,000 users active in one window a sweep frees little,
      // and running it on every action would cost O(users) each time.
      this.nextSweep = now + this.windowMs;
    }
  }

  private sweep(since: number): void {
    for (const [user, times] of this.hits) if ((times.at(-1) ?? 0) <= since) this.hits.delete(user);
  }
}
