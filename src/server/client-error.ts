import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { MockEngine } from '../mock';

/**
 * Node's HTTP parser refuses some requests before Express sees them: headers or a URL over its 16 KB
 * limit (431), a request line or header it cannot parse (400), a client too slow to send its headers
 * (408). By default Node answers those with a bare status and no body; this answers them in the vendor's
 * envelope (of the spec the path belongs to, read from the raw request line), as every other refusal.
 */
export function answerClientError(engine: MockEngine, error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = statusOf(error.code);
  const path = requestPath((error as { rawPacket?: Buffer }).rawPacket);
  const message = `the request could not be read (${error.message.replace(/[^\x20-\x7e]/g, '?')})`;
  const { body } = engine.refuseUnparsed(path, status === 431 ? 'tooLarge' : 'validation', message);
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}

function statusOf(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

/** The path of the request line (`GET /api/v1/users?x HTTP/1.1`), when the parser got that far. */
function requestPath(raw: Buffer | undefined): string {
  const line = raw?.subarray(0, 2048).toString('latin1') ?? '';
  return /^[A-Z]+ (\/[^ ?]*)/.exec(line)?.[1] ?? '/';
}
