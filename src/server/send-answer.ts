import type { IncomingMessage, ServerResponse } from 'node:http';
import { format as formatContentType, parse as parseContentType } from 'content-type';
import fresh from 'fresh';
import type { PlainResponse } from '../http';

/**
 * Writes the engine's answer as Express's `res.send` would (secmock answered through it before, and clients
 * and tests rely on those headers): a string body gets `charset=utf-8` in its content type (`text/html`
 * without one), bytes get `application/octet-stream` without one, Content-Length is set, a fresh conditional
 * GET becomes 304, and 204/205/304 and HEAD answers carry no body. Written against node:http only, so the
 * same code answers a request whether or not it walked Express.
 */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, response: PlainResponse): void {
  setStatusAndHeaders(res, response);
  if (response.bytes !== undefined) {
    const { buffer, byteOffset, byteLength } = response.bytes;
    sendBody(req, res, Buffer.from(buffer, byteOffset, byteLength));
  } else if (response.text !== undefined) sendBody(req, res, response.text);
  else if (response.body !== undefined) sendBody(req, res, serialised(response));
  else res.end();
}

/** The answer's status and own headers, not yet sent (a network fault sends its own kind of body). */
export function setStatusAndHeaders(res: ServerResponse, response: PlainResponse): void {
  res.statusCode = response.status;
  const headers = response.headers;
  for (const name in headers) res.setHeader(name, headers[name]);
}

/** A JSON value as JSON; a string as it is when the content type says it is not JSON. */
function serialised(response: PlainResponse): string {
  const contentType = response.headers['content-type'] ?? 'application/json';
  const isJson = /json/.test(contentType);
  return isJson || typeof response.body !== 'string' ? JSON.stringify(response.body) : response.body;
}

/** The body with the headers `res.send` adds, on a response whose status and own headers are set. */
export function sendBody(req: IncomingMessage, res: ServerResponse, body: string | Buffer): void {
  const given = res.getHeader('content-type');
  const type = typeof given === 'string' && given !== '' ? given : undefined;
  if (typeof body === 'string') res.setHeader('content-type', withUtf8Charset(type ?? 'text/html'));
  // secmock's bytes are a kept text's encoding: the same charset as when that text was sent.
  else res.setHeader('content-type', type === undefined ? 'application/octet-stream' : withUtf8Charset(type));
  res.setHeader('content-length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
  let chunk = body;
  if (isFresh(req, res)) res.statusCode = 304;
  const status = res.statusCode;
  if (status === 204 || status === 304) {
    res.removeHeader('content-type');
    res.removeHeader('content-length');
    res.removeHeader('transfer-encoding');
    chunk = '';
  } else if (status === 205) {
    res.setHeader('content-length', '0');
    res.removeHeader('transfer-encoding');
    chunk = '';
  }
  if (req.method === 'HEAD') res.end();
  else res.end(chunk);
}

/** Express's `req.fresh`: a GET or HEAD whose validators match what the answer carries. */
function isFresh(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const status = res.statusCode;
  if ((status < 200 || status >= 300) && status !== 304) return false;
  // Cheap first: without a conditional header nothing can be fresh.
  if (req.headers['if-none-match'] === undefined && req.headers['if-modified-since'] === undefined)
    return false;
  return fresh(req.headers, {
    etag: res.getHeader('etag') as string | undefined,
    'last-modified': res.getHeader('last-modified') as string | undefined,
  });
}

/** Content types with `charset=utf-8` by type: the few the specs declare, each parsed once. */
const utf8ContentTypes = new Map<string, string>();

/** A content type with `charset=utf-8`, as Express writes it for a string body. */
function withUtf8Charset(type: string): string {
  let typed = utf8ContentTypes.get(type);
  if (typed === undefined) {
    const parsed = parseContentType(type);
    parsed.parameters.charset = 'utf-8';
    typed = formatContentType(parsed);
    if (utf8ContentTypes.size < 100) utf8ContentTypes.set(type, typed);
  }
  return typed;
}
