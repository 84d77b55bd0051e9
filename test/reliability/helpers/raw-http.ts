import { Agent, request } from 'node:http';

/** A request exactly as it goes on the wire: the path is not re-encoded or normalised. */
export interface RawRequest {
  method: string;
  /** Path and query, sent verbatim (`/a/..%2F..%2Fetc?x=1&x=2`). */
  target: string;
  headers: Record<string, string>;
  body?: string;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
}

// One keep-alive agent: a fuzz run of thousands of requests does not exhaust ephemeral ports.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * Sends one request with Node's own client (fetch would normalise `..` and re-encode the path) and
 * rejects when no complete answer arrives within the timeout: a hang is a failure, never a wait.
 */
export function sendRaw(baseUrl: string, raw: RawRequest, timeoutMs = 5_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const headers = { ...raw.headers };
  if (raw.body !== undefined) headers['content-length'] = String(Buffer.byteLength(raw.body));
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: raw.method, path: raw.target, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers, text, json: parseJson(text) });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms: ${raw.method} ${raw.target.slice(0, 200)}`));
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(raw.body);
  });
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Closes the idle keep-alive sockets so that jest can exit. */
export function closeRawAgent(): void {
  agent.destroy();
}
