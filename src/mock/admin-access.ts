import { isIP } from 'node:net';
import type { PlainRequest } from '../http';

/**
 * Who may use the admin API. Without an admin token: loopback peers only, and of those only requests that
 * no other web page can forge — a browser `Origin` must be the mock's own (its console) or a page served from
 * loopback (the developer's app), and the `Host` must name this machine as the mock knows it, so a site that
 * rebinds its own DNS name to 127.0.0.1 cannot reach the API through it. With a token: whoever sends it.
 */
const LOOPBACK_PEERS = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface AdminAccess {
  adminToken?: string;
  /** Host names the admin API answers besides loopback names and IP literals (the `--host` it listens on). */
  adminHosts?: readonly string[];
}

/** Why an admin request is refused, as the status and message to answer; undefined when it is allowed. */
export function adminRefusal(
  access: AdminAccess,
  request: PlainRequest,
): { status: number; message: string } | undefined {
  if (access.adminToken)
    return request.headers['x-secmock-admin-token'] === access.adminToken
      ? undefined
      : { status: 401, message: 'admin token required (x-secmock-admin-token)' };
  if (request.remoteAddress !== undefined && !LOOPBACK_PEERS.has(request.remoteAddress))
    return {
      status: 403,
      message: 'the admin API answers loopback clients only; start secmock with --admin-token to open it',
    };
  const host = request.headers.host;
  if (host !== undefined && !isAdminHost(host, access.adminHosts ?? []))
    return {
      status: 403,
      message: `the admin API does not answer requests addressed to '${host.slice(0, 100)}' (a DNS name that is not this machine's); use http://127.0.0.1 or http://localhost, or start secmock with --admin-token`,
    };
  const origin = request.headers.origin;
  if (origin !== undefined && !isTrustedAdminOrigin(origin, host))
    return {
      status: 403,
      message: `the admin API does not answer pages from ${origin.slice(0, 100)}: only the mock's console and pages served from loopback may use it`,
    };
  return undefined;
}

/** A Host header the admin API answers: an IP literal, a loopback name, or one the mock was told to answer. */
export function isAdminHost(host: string, extra: readonly string[]): boolean {
  const name = hostName(host);
  if (name === undefined) return false;
  // An IP literal cannot be rebound: the page that uses it is addressing this machine by its address.
  return isIP(name) !== 0 || isLoopbackName(name) || extra.some((h) => h.toLowerCase() === name);
}

/** The mock's own origin (the console page) or any page served from loopback. */
export function isTrustedAdminOrigin(origin: string, host: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    // `Origin: null` (a sandboxed frame, a file:// page) or garbage: not a page we can place.
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (host !== undefined && url.host === host.toLowerCase()) return true;
  const name = url.hostname.replace(/^\[|\]$/g, '');
  return isLoopbackName(name) || isLoopbackAddress(name);
}

function hostName(host: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(host.trim());
  return match?.[1].replace(/^\[|\]$/g, '').toLowerCase();
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost');
}

function isLoopbackAddress(name: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '::1';
}
