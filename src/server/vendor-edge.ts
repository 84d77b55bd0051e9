import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import bodyParser from 'body-parser';
import type { BodyProblem, PlainRequest, PlainResponse } from '../http';
import { handleAndRecord, type MockEngine } from '../mock';
import type { RequestLogger } from './request-logger';
import { pathOf, queryOf } from './request-url';
import { sendAnswer, sendBody, setStatusAndHeaders } from './send-answer';

/** A Connect-style handler on node:http's own request and response: Express can mount it, a server can call it. */
export type NodeMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

export interface VendorEdgeOptions {
  bodyLimit: number | string;
  logger?: RequestLogger;
}

/**
 * The part of the edge every vendor request goes through: read the body, hand a plain request to the engine,
 * send its answer or do its network fault, log the line. It uses node:http only (no Express getters or
 * `res.send`), so it answers the same bytes whether the request walked Express or not.
 */
export interface VendorEdge {
  answer(req: IncomingMessage, res: ServerResponse): void;
  /** The answer when secmock itself failed: the vendor's 500 envelope, never a stack trace. */
  answerInternalError(req: IncomingMessage, res: ServerResponse, error: unknown): void;
  /** Ends the connections a `timeout` fault is holding open (a server that closes must not wait for them). */
  releaseHeld(): void;
}

/** `engineOf`, not an engine: `serve --watch` swaps in a new one when the specs change. */
export function createVendorEdge(engineOf: () => MockEngine, options: VendorEdgeOptions): VendorEdge {
  const { bodyLimit, logger } = options;
  const held = new Set<ServerResponse>();
  const readText = bodyParser.text({ type: () => true, limit: bodyLimit, defaultCharset: 'utf-8' });

  const answerInternalError = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    const engine = engineOf();
    engine.warnOnce(
      `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (res.headersSent) {
      // Part of an answer is out: only a broken connection tells the client it is not the whole one.
      res.destroy();
      return;
    }
    const response = engine.refuseUnparsed(pathOf(req), 'internal', 'secmock failed to answer this request');
    sendAnswer(req, res, response);
    logger?.(toPlainRequest(req, undefined), { response }, 0, engine);
  };

  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    // A body that cannot be read is not an edge error: the pipeline routes the request first and refuses it
    // in the envelope of the operation it reaches (or 404/405), like any other refusal.
    readText(req, res, (error?: unknown) => {
      try {
        const problem = error === undefined ? undefined : bodyProblemOf(error, bodyLimit);
        const engine = engineOf();
        const request = toPlainRequest(req, problem);
        const started = performance.now();
        handleAndRecord(engine, request)
          .then((handled) => {
            const { response } = handled;
            if (response.fault) breakConnection(req, res, response, held);
            else sendAnswer(req, res, response);
            logger?.(request, handled, performance.now() - started, engine);
          })
          .catch((failure: unknown) => answerInternalError(req, res, failure));
      } catch (failure) {
        answerInternalError(req, res, failure);
      }
    });
  };

  return {
    answer,
    answerInternalError,
    releaseHeld: () => {
      for (const res of held) res.socket?.destroy();
      held.clear();
    },
  };
}

function bodyProblemOf(error: unknown, limit: number | string): BodyProblem {
  if ((error as { type?: string }).type === 'entity.too.large')
    return { kind: 'tooLarge', message: `request body is larger than the limit (${String(limit)})` };
  return { kind: 'unreadable', message: (error as Error).message };
}

function toPlainRequest(req: IncomingMessage, bodyProblem: BodyProblem | undefined): PlainRequest {
  const headers: Record<string, string> = {};
  const given = req.headers;
  for (const name in given) {
    const value = given[name];
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // body-parser leaves the text on the request, as it does under Express.
  const body = (req as IncomingMessage & { body?: unknown }).body;
  return {
    method: (req.method ?? 'GET').toLowerCase(),
    path: pathOf(req),
    query: queryOf(req),
    headers,
    rawBody: typeof body === 'string' && body.length > 0 ? body : undefined,
    remoteAddress: req.socket.remoteAddress,
    bodyProblem,
  };
}

/** How long a `timeout` fault holds a connection when the client never gives up. */
const MAX_HOLD_MS = 10 * 60_000;

/**
 * A network fault, done to the connection as a broken network or server would: a reset (RST), a close
 * with no reply, a body cut short of its Content-Length, a body that is not the JSON it claims, or no
 * answer at all until the client gives up.
 */
function breakConnection(
  req: IncomingMessage,
  res: ServerResponse,
  response: PlainResponse,
  held: Set<ServerResponse>,
): void {
  const text = bodyText(response);
  switch (response.fault) {
    case 'reset':
      res.socket?.resetAndDestroy();
      return;
    case 'empty':
      res.socket?.end();
      return;
    case 'truncated':
      setStatusAndHeaders(res, response);
      res.setHeader('content-length', Buffer.byteLength(text));
      res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
      return;
    case 'malformed':
      setStatusAndHeaders(res, response);
      res.setHeader('content-type', 'application/json');
      sendBody(req, res, text.slice(0, Math.floor(text.length / 2)) || '{');
      return;
    default: {
      held.add(res);
      const timer = setTimeout(() => res.socket?.destroy(), MAX_HOLD_MS).unref();
      res.on('close', () => {
        clearTimeout(timer);
        held.delete(res);
      });
    }
  }
}

function bodyText(response: PlainResponse): string {
  if (response.text !== undefined) return response.text;
  if (response.body === undefined) return '';
  return typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
}
