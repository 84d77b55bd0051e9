/** The recent requests, newest last, bounded: a long run never grows it past its size. */
export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  path: string;
  spec?: string;
  operationId?: string;
  status: number;
  durationMs: number;
  /** What was wrong with the request (it was refused for these). */
  requestViolations: string[];
  /** What the request did that only the document forbids: the vendor accepts it, so the mock did too. */
  documentDepartures?: string[];
  /** What was wrong with the mock's own response: a mock bug, never silent. */
  responseViolations: string[];
  scenario?: string;
  /** An injected fault (`outage 503`, `reset`): the answer is the fault, not the vendor's. */
  fault?: string;
}

/** A ring buffer: adding is O(1) however full it is (a spliced array was a hot spot under load). */
export class RequestLog {
  private readonly entries: Array<RequestLogEntry | undefined>;
  private seq = 0;

  constructor(private readonly size: number) {
    this.entries = new Array<RequestLogEntry | undefined>(size);
  }

  /** Stores the entry (its messages clipped) and returns it as stored. */
  add(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    this.seq += 1;
    const stored: RequestLogEntry = {
      ...entry,
      path: clip(entry.path),
      requestViolations: clipAll(entry.requestViolations),
      responseViolations: clipAll(entry.responseViolations),
      ...(entry.documentDepartures ? { documentDepartures: clipAll(entry.documentDepartures) } : {}),
      seq: this.seq,
    };
    this.entries[this.seq % this.size] = stored;
    return stored;
  }

  /** The last `limit` entries, oldest first. */
  recent(limit = this.size): RequestLogEntry[] {
    const count = Math.min(limit, this.size, this.seq);
    const result: RequestLogEntry[] = [];
    for (let seq = this.seq - count + 1; seq <= this.seq; seq++)
      result.push(this.entries[seq % this.size] as RequestLogEntry);
    return result;
  }

  clear(): void {
    this.entries.fill(undefined);
    this.seq = 0;
  }
}

/**
 * A message may quote what the client sent (a 300 KB name "already exists"): the log keeps enough to read
 * it, so that its size stays what its entry count says.
 */
const MAX_MESSAGE = 500;
const MAX_MESSAGES = 20;

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${text.length} characters)` : text;
}

function clipAll(messages: string[]): string[] {
  const kept = messages.slice(0, MAX_MESSAGES).map(clip);
  if (messages.length > MAX_MESSAGES) kept.push(`… and ${messages.length - MAX_MESSAGES} more`);
  return kept;
}
