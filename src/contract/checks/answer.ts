import { parseDateText, resolvePointer } from '../../openapi';
import type { CaseResponse } from '../types';

/** Reading answers, shared by the checks that compare values across requests. */

/** A 2xx answer: only those carry the data a behavioural check compares. */
export const succeeded = (response: CaseResponse): boolean =>
  !response.transportError && response.status >= 200 && response.status < 300;

/** A refusal or other 4xx/3xx: not a server error (server_error reports those), not a success. */
export const answeredOtherwise = (response: CaseResponse): boolean =>
  !response.transportError && response.status < 500 && !succeeded(response);

/** The items of a list answer, or undefined when the answer has no list where the contract puts it. */
export function itemsOf(
  response: CaseResponse,
  pointer: string[],
): Array<Record<string, unknown>> | undefined {
  const items = resolvePointer(response.body, pointer);
  return Array.isArray(items) ? (items as Array<Record<string, unknown>>) : undefined;
}

export function numberAt(response: CaseResponse, pointer: string[] | undefined): number | undefined {
  if (!pointer) return undefined;
  const value = resolvePointer(response.body, pointer);
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** Every value at an answer path through arrays (`categoryCounts[].count`). */
export function valuesAt(body: unknown, path: readonly string[]): unknown[] {
  let nodes: unknown[] = [body];
  for (const segment of path) {
    const many = segment.endsWith('[]');
    const name = many ? segment.slice(0, -2) : segment;
    nodes = nodes.flatMap((node) => {
      if (node === null || typeof node !== 'object') return [];
      const value = (node as Record<string, unknown>)[name];
      if (!many) return value === undefined ? [] : [value];
      return Array.isArray(value) ? value : [];
    });
  }
  return nodes;
}

/**
 * A value as text for a failure message. Kept whole: the summary masks credentials first and only then
 * shortens, so that no part of a long secret survives in a report.
 */
export const show = (value: unknown): string => (value === undefined ? 'missing' : JSON.stringify(value));

/**
 * Whether an answered value shows what was written: equal JSON, the same number as text, the same instant
 * in another date-time notation; an object shows the written fields it was sent (the implementation may
 * add defaults), a list shows the same items in the same order.
 */
export function shows(written: unknown, answered: unknown): boolean {
  if (written === answered) return true;
  if (written === null || answered === null || written === undefined || answered === undefined) return false;
  if (Array.isArray(written))
    return (
      Array.isArray(answered) &&
      written.length === answered.length &&
      written.every((item, i) => shows(item, answered[i]))
    );
  if (typeof written === 'object')
    return (
      typeof answered === 'object' &&
      !Array.isArray(answered) &&
      Object.entries(written as Record<string, unknown>).every(([key, value]) =>
        shows(value, (answered as Record<string, unknown>)[key]),
      )
    );
  if (typeof written === 'number' || typeof answered === 'number')
    return String(written) === String(answered);
  const instants = [parseDateText(written), parseDateText(answered)];
  return instants[0] !== undefined && instants[0] === instants[1];
}
