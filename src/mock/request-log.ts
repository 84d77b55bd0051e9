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
  /** What was wrong with the mock's own response: a mock bug, never silent. */
  responseViolations: string[];
  scenario?: string;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private seq = 0;

  constructor(private readonly size: number) {}

  add(entry: Omit<RequestLogEntry, 'seq'>): void {
    this.entries.push({ ...entry, seq: ++this.seq });
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  recent(limit = this.size): RequestLogEntry[] {
    return this.entries.slice(-limit);
  }

  clear(): void {
    this.entries = [];
  }
}
