/**
 * Plain request/response types shared by the mock and the verifier. No framework types leak past
 * this file: Express is only at the edge (src/server).
 */

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export function isHttpMethod(value: string): value is HttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(value);
}

/** Header names are lower-case; repeated query parameters keep every value. */
export interface PlainRequest {
  /**
   * Lower-case, as the client sent it: any token, not only the methods OpenAPI names (`query`, `propfind`),
   * so that a method no operation has is refused with 405 rather than taken for another.
   */
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The raw body text, or undefined when the request had none. */
  rawBody?: string;
  /** The peer's address, when the edge knows it (the admin API answers loopback peers only). */
  remoteAddress?: string;
  /**
   * Set by the edge when it could not read the body (too large, unsupported charset, cut short): the
   * request still goes through routing, so an unknown path is a 404 whatever its body.
   */
  bodyProblem?: BodyProblem;
}

export interface BodyProblem {
  kind: 'tooLarge' | 'unreadable';
  message: string;
}

/**
 * What a broken network or server does to a connection, which no status can say: reset it, close it without
 * a reply, cut the body short, send a body that is not the JSON it claims, or never answer.
 */
export const NETWORK_FAULTS = ['reset', 'empty', 'truncated', 'malformed', 'timeout'] as const;
export type NetworkFault = (typeof NETWORK_FAULTS)[number];

export interface PlainResponse {
  /** Set when the answer is a network fault: the edge does that to the connection instead of answering. */
  fault?: NetworkFault;
  status: number;
  headers: Record<string, string>;
  /** A JSON value, serialised by the edge; a string is still sent as JSON unless content-type says otherwise. */
  body?: unknown;
  /** The body already serialised (cached answers): sent as it is. */
  text?: string;
  /**
   * `text` as UTF-8, for an answer sent again and again (a kept read): encoded once instead of on every
   * send, which for a 16 KB list page cost more than the rest of answering it.
   */
  bytes?: Uint8Array;
}
