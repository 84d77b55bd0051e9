import type { CaseResponse, Check, Failure, Probe } from '../types';
import { answeredOtherwise, itemsOf, numberAt, succeeded } from './answer';

type PageProbe = Extract<Probe, { is: 'page' }>;

/**
 * A page holds as many items as its numbers promise, states the same total as the pages before it, and
 * shares no item with them: walking the pages covers the total once. A page larger than the limit asked
 * for is limit_honoured's finding, and makes the rest of the walk meaningless, so it is left to that check.
 */
export const pagingConsistent: Check = {
  id: 'paging_consistent',
  title: 'Paging inconsistent',
  severity: 'major',
  run({ testCase, response, history }) {
    const expect = testCase.expect;
    if (expect.kind !== 'probe' || expect.probe.is !== 'page') return undefined;
    const probe = expect.probe;
    if (answeredOtherwise(response))
      return [
        {
          path: 'status',
          expected: `2xx for the page at offset ${probe.offset}`,
          actual: String(response.status),
        },
      ];
    if (!succeeded(response)) return undefined;
    const items = itemsOf(response, probe.list.itemsPointer);
    if (!items || overLimit(probe, items.length)) return undefined;
    if (probe.earlier.some((page, i) => overLimit(page, pageSize(probe, history[i])))) return undefined;
    const total = numberAt(response, probe.list.total);
    return [
      ...countOnPage(probe, items.length, total),
      ...statedNumbers(probe, response, total, history),
      ...repeated(probe, items, history),
    ];
  },
};

const overLimit = (page: { limit?: number }, count: number | undefined) =>
  page.limit !== undefined && count !== undefined && count > page.limit;

function pageSize(probe: PageProbe, response: CaseResponse | undefined): number | undefined {
  return response ? itemsOf(response, probe.list.itemsPointer)?.length : undefined;
}

/** With a total stated, the page holds min(page size, what is left after its offset). */
function countOnPage(probe: PageProbe, count: number, total: number | undefined): Failure[] {
  const size = probe.limit ?? probe.defaultLimit;
  if (total === undefined || size === undefined) return [];
  const expected = Math.max(0, Math.min(size, total - probe.offset));
  if (count === expected) return [];
  return [
    {
      path: `body.${probe.list.itemsPointer.join('.')}`,
      expected: `${expected} items (total ${total}, offset ${probe.offset}, page size ${size})`,
      actual: `${count} items`,
    },
  ];
}

/** The total is the same on every page, and the page count is the total over the page size. */
function statedNumbers(
  probe: PageProbe,
  response: CaseResponse,
  total: number | undefined,
  history: CaseResponse[],
): Failure[] {
  const failures: Failure[] = [];
  const first = history[0] && numberAt(history[0], probe.list.total);
  if (total !== undefined && first !== undefined && first !== total)
    failures.push({
      path: `body.${probe.list.total?.join('.') ?? ''}`,
      expected: `${first} (the total the first page stated)`,
      actual: String(total),
    });
  const perPage = numberAt(response, probe.list.perPage);
  const pages = numberAt(response, probe.list.pages);
  if (total !== undefined && perPage !== undefined && perPage > 0 && pages !== undefined) {
    const expected = Math.max(1, Math.ceil(total / perPage));
    if (pages !== expected)
      failures.push({
        path: `body.${probe.list.pages?.join('.') ?? ''}`,
        expected: `${expected} pages (${total} items, ${perPage} per page)`,
        actual: String(pages),
      });
  }
  return failures;
}

/** An item already on an earlier page of the walk. */
function repeated(
  probe: PageProbe,
  items: Array<Record<string, unknown>>,
  history: CaseResponse[],
): Failure[] {
  const identity = (item: Record<string, unknown>) =>
    probe.list.keyField && item?.[probe.list.keyField] !== undefined
      ? String(item[probe.list.keyField])
      : JSON.stringify(item);
  const seen = new Set(
    history.flatMap((earlier) => (itemsOf(earlier, probe.list.itemsPointer) ?? []).map(identity)),
  );
  const again = items.map(identity).filter((id) => seen.has(id));
  if (again.length === 0) return [];
  return [
    {
      path: `body.${probe.list.itemsPointer.join('.')}`,
      expected: `no item of an earlier page (offset ${probe.offset})`,
      actual: `${again.length} repeated, first ${again[0].slice(0, 60)}`,
    },
  ];
}
