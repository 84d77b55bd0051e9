import type { SpecModel } from '../openapi';
import type { VendorModule } from './plugin';

/** How a mock is built: its specs, the vendor modules, the seed, and the bounds that keep it small. */
export interface MockOptions {
  specs: SpecModel[];
  /** Vendor modules; each binds to the served spec whose id is its id. None by default: see server/. */
  modules?: readonly VendorModule[];
  /** Seeds fixtures and generated values; same seed, same answers. Default 1. */
  seed?: number;
  /** Start of the virtual clock (ms since epoch). Default 2025-09-09T18:00:00Z. */
  clockStart?: number;
  /** Added to every response. */
  latencyMs?: number;
  /**
   * Refuse what only the document forbids (the vendor accepts it): hold a client to the document. Default
   * false: accept it like the vendor and report it. `Prefer: strict=true|false` decides per request.
   */
  strict?: boolean;
  /**
   * Enforce the rate limits the specs declare (root `x-secmock.rateLimit`), per credential on the mock's
   * clock. Default false: a frontend developer is not throttled unless asked.
   */
  rateLimits?: boolean;
  /**
   * The session of requests that name none (`--session`): for tools that cannot set `x-secmock-session`.
   * Default: none, the shared world.
   */
  session?: string;
  /** Sessions kept at once (least recently used evicted first). Default 200. */
  maxSessions?: number;
  /** A session unused this long (ms) is forgotten. Default 30 minutes. */
  sessionIdleMs?: number;
  /** Replaces the default credentials of a security scheme, by scheme name. */
  credentials?: Record<string, Array<{ value: string; scopes?: string[] }>>;
  /**
   * Where `<spec-id>.yaml` seed files are (several: the first that has a spec's file wins); false for an
   * empty store. Default: the bundled fixtures/seed/.
   */
  seedDir?: string | readonly string[] | false;
  requestLogSize?: number;
  /**
   * Start from the world the build prepared for these specs, seed files and seed (dist/prepared), if there is
   * one. Only for the shipped vendor modules, which the build used: a replaced module may seed otherwise.
   */
  preparedWorlds?: boolean;
  /** When set, the admin API requires it (header x-secmock-admin-token) and answers any peer. */
  adminToken?: string;
  /** Host names the admin API answers besides loopback names and IP literals (the host it listens on). */
  adminHosts?: string[];
  /** Bounds that keep a long run's memory flat; each is refused with a clear 4xx when exceeded. */
  limits?: Partial<MockLimits>;
  warn?: (message: string) => void;
}

export interface MockLimits {
  /** Largest array accepted anywhere in a JSON body. */
  maxArrayItems: number;
  /** Deepest nesting accepted in a JSON body. */
  maxDepth: number;
  /** Entities one collection may hold; a create beyond it is refused. */
  maxCollectionSize: number;
  /** Credentials minted by logins that stay valid at once, per scheme (the oldest expire first). */
  maxIssuedCredentials: number;
  /**
   * Items a list inside a stored entity may hold (notes, history, activity a write appends to); a write
   * that would pass it is refused whole.
   */
  maxListItems: number;
  /**
   * Bytes (as JSON) that requests may add to the store beyond the seeded data; with the entity bounds it
   * keeps a long run, or a fuzzer storing megabyte strings, within a known memory.
   */
  maxWrittenBytes: number;
}

export const DEFAULT_LIMITS: MockLimits = {
  maxArrayItems: 10_000,
  maxDepth: 64,
  maxCollectionSize: 50_000,
  maxIssuedCredentials: 1_000,
  maxListItems: 10_000,
  maxWrittenBytes: 32 * 1_048_576,
};

/** Options that cannot work together, found when the mock is built rather than by a user mid-run. */
export class MockOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MockOptionsError';
  }
}

/**
 * Every limit a positive whole number, and those that depend on each other in order. `issuesCredentials`:
 * a served spec mints credentials at login (they are stored, so the collection bound must leave room).
 */
export function checkLimits(limits: MockLimits, issuesCredentials: boolean): MockLimits {
  for (const [name, value] of Object.entries(limits))
    if (!Number.isInteger(value) || value < 1)
      throw new MockOptionsError(`limits.${name} must be a whole number of at least 1, not ${String(value)}`);
  // Issued credentials live in a collection: a full one would refuse logins before old credentials expire.
  if (issuesCredentials && limits.maxCollectionSize <= limits.maxIssuedCredentials)
    throw new MockOptionsError(
      `limits.maxCollectionSize (${limits.maxCollectionSize}) must be larger than limits.maxIssuedCredentials ` +
        `(${limits.maxIssuedCredentials}): issued credentials are stored in a collection, and a full one ` +
        'would refuse logins',
    );
  return limits;
}
