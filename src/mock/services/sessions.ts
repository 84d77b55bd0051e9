/** The request header that names a session; the admin API reads it too. */
export const SESSION_HEADER = 'x-secmock-session';
/** Sessions kept at once; the least recently used goes first. */
export const DEFAULT_MAX_SESSIONS = 200;
/** A session unused this long is forgotten. */
export const DEFAULT_SESSION_IDLE_MS = 30 * 60_000;

const VALID_NAME = /^[A-Za-z0-9._:-]{1,128}$/;
/** What a session name may be, as the mock and the CLI say it when one is refused. */
export const SESSION_NAME_RULE = '1 to 128 letters, digits or . _ : -';

/** Whether a name can name a session. */
export function isSessionName(name: string): boolean {
  return VALID_NAME.test(name);
}

interface Entry<World> {
  world: World;
  lastUsed: number;
}

/**
 * Isolated worlds by name, made on first use and bounded in count and idle time: a CI job, or each of many
 * jobs at once, sees only its own data. Map order is use order, so the least recently used is the first.
 */
export class Sessions<World> {
  private readonly worlds = new Map<string, Entry<World>>();

  constructor(
    private readonly create: (name: string) => World,
    private readonly bounds: { maxSessions: number; idleMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  get(name: string): World {
    const now = this.now();
    this.forgetIdle(now);
    const found = this.worlds.get(name);
    if (found) {
      this.worlds.delete(name);
      found.lastUsed = now;
      this.worlds.set(name, found);
      return found.world;
    }
    while (this.worlds.size >= this.bounds.maxSessions) {
      const oldest = this.worlds.keys().next().value as string;
      this.worlds.delete(oldest);
    }
    const world = this.create(name);
    this.worlds.set(name, { world, lastUsed: now });
    return world;
  }

  /** The sessions held, least recently used first. */
  list(): Array<{ name: string; lastUsed: string }> {
    return [...this.worlds].map(([name, e]) => ({ name, lastUsed: new Date(e.lastUsed).toISOString() }));
  }

  remove(name: string): boolean {
    return this.worlds.delete(name);
  }

  clear(): void {
    this.worlds.clear();
  }

  get size(): number {
    return this.worlds.size;
  }

  private forgetIdle(now: number): void {
    for (const [name, entry] of this.worlds) {
      if (now - entry.lastUsed < this.bounds.idleMs) break;
      this.worlds.delete(name);
    }
  }
}
