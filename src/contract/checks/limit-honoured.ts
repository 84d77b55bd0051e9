import type { Check, Failure } from '../types';
import { itemsOf, numberAt, succeeded } from './answer';

/** A list asked for at most n items answers at most n, and says n where it states its page size. */
export const limitHonoured: Check = {
  id: 'limit_honoured',
  title: 'Limit not honoured',
  severity: 'major',
  run({ testCase, response }) {
    const expect = testCase.expect;
    if (expect.kind !== 'probe' || expect.probe.is !== 'page' || expect.probe.limit === undefined)
      return undefined;
    if (!succeeded(response)) return undefined;
    const { list, limit } = expect.probe;
    const items = itemsOf(response, list.itemsPointer);
    if (!items) return undefined;
    const failures: Failure[] = [];
    if (items.length > limit)
      failures.push({
        path: `body.${list.itemsPointer.join('.')}`,
        expected: `at most ${limit} items (the limit sent)`,
        actual: `${items.length} items`,
      });
    const perPage = numberAt(response, list.perPage);
    if (perPage !== undefined && perPage !== limit)
      failures.push({
        path: `body.${list.perPage?.join('.') ?? ''}`,
        expected: `${limit} (the limit sent)`,
        actual: String(perPage),
      });
    return failures;
  },
};
