import {
  readLocation,
  resolvePointer,
  type Operation,
  type RequestLocation,
  type ResourceSpec,
  type SpecModel,
} from '../../openapi';
import { makeCase, minimalBody, type PlanContext } from '../plan/cases';
import { refusalStatuses } from '../plan/expectations';
import {
  clockValue,
  filterValue,
  listShape,
  schemaOf,
  unknownKey,
  walkSize,
  windowAround,
} from '../plan/probes';
import { validParts, withKey, withValue, type RequestParts } from '../plan/request-parts';
import type { CaseResponse, ListShape, Probe } from '../types';
import type { SchemaCompiler } from '../../schema';
import type { RunSession } from './session';

type Item = Record<string, unknown>;

/**
 * The behavioural probes of one operation, after its positive cases: a list is walked page by page and
 * asked with each declared filter and its time window; a by-id operation is asked for an id that does not
 * exist. Each probe is a valid request whose check compares its answer with what the contract declares.
 */
export async function runProbes(
  session: RunSession,
  spec: SpecModel,
  operation: Operation,
  { readOnly, answers }: { readOnly: boolean; answers: CaseResponse[] },
): Promise<void> {
  const ctx = session.context(spec, operation.operationId, 'probes');
  const resource = spec.resources.find((r) => r.name === operation.mock.resource);
  // A list none of whose valid requests succeeded (scoped by an entity the run could not find) has no
  // data to probe: its positive cases said what there is to say.
  const listed = answers.some((a) => !a.transportError && a.status >= 200 && a.status < 300);
  if (operation.mock.action === 'list' && listed) await probeList(session, ctx, operation, resource);
  const action = operation.mock.action;
  if (operation.mock.answersAnyId) return;
  if (action === 'read' || (!readOnly && (action === 'update' || action === 'delete')))
    await probeUnknownId(session, ctx, operation, resource);
}

function baseParts(ctx: PlanContext, operation: Operation): RequestParts {
  return validParts(operation, ctx.faker, ctx.now, minimalBody(operation, ctx));
}

const probeCase = (
  ctx: PlanContext,
  operation: Operation,
  label: string,
  parts: RequestParts,
  probe: Probe,
) => makeCase(operation, ctx, 'probe', label, parts, { kind: 'probe', probe });

async function probeList(
  session: RunSession,
  ctx: PlanContext,
  operation: Operation,
  resource: ResourceSpec | undefined,
): Promise<void> {
  const list = listShape(operation, resource);
  if (!list) return;
  // A list scoped by another entity (a user's devices) is asked about one that exists; a window, all time.
  const keyed = withKey(operation, baseParts(ctx, operation), ctx.knownKey(operation));
  const base = allTime(session.validators, operation, resource, keyed);
  const first = await probePages(session, ctx, operation, list, base);
  const items = first ? itemsIn(first, list) : [];
  // Filters and windows are asked from the first item, on the largest page, as the first page was.
  const page = operation.mock.page;
  const whole = pageAt(operation, base, 0, page?.maxLimit ?? page?.defaultLimit);
  for (const filter of operation.mock.filters) {
    const value = filterValue(operation, filter, items, session.validators);
    if (value === undefined) continue;
    const param = `${filter.param.in}.${filter.param.path.join('.')}`;
    const parts = withValue(whole, filter.param, value);
    const probe: Probe = { is: 'filter', list, param, field: filter.field, match: filter.match, value };
    await session.execute(probeCase(ctx, operation, `filter ${param}`, parts, probe));
  }
  await probeWindow(session, ctx, operation, resource, list, whole, items);
}

/** The request for the page at `offset` (counted from 0, whatever the API's base) of `limit` items. */
function pageAt(
  operation: Operation,
  base: RequestParts,
  offset: number,
  limit: number | undefined,
): RequestParts {
  const page = operation.mock.page;
  let parts = withoutPaging(operation, base);
  if (page?.offset) parts = withValue(parts, page.offset, offset + (page.base ?? 0));
  if (page?.limit && limit !== undefined) parts = withValue(parts, page.limit, limit);
  return parts;
}

/**
 * A declared window opened as wide as its schema allows (2000 to 2100, or to 2038 where the end is a 32-bit
 * number of seconds), so that the list answers everything it holds.
 */
function allTime(
  validators: SchemaCompiler,
  operation: Operation,
  resource: ResourceSpec | undefined,
  parts: RequestParts,
): RequestParts {
  const window = operation.mock.window;
  if (!window || !resource) return parts;
  const fits = (place: RequestLocation, value: unknown) => {
    const schema = schemaOf(operation, place);
    // The schema layer reads `int32` as a description; a vendor's 32-bit field still cannot hold more.
    const int32 = (schema as { format?: unknown } | undefined)?.format === 'int32';
    if (int32 && typeof value === 'number' && Math.abs(value) > 2 ** 31 - 1) return false;
    return !schema || validators.compile(schema, 'window')(value).length === 0;
  };
  const from = clockValue(Date.UTC(2000, 0, 1), resource.clock, 'from');
  const to = [Date.UTC(2100, 0, 1), Date.UTC(2038, 0, 19)]
    .map((end) => clockValue(end, resource.clock, 'to'))
    .find((end) => fits(window.to, end));
  if (to === undefined || !fits(window.from, from)) return parts;
  return withValue(withValue(parts, window.from, from), window.to, to);
}

/** The paging places cleared: a probe sends only the page numbers it means to. */
function withoutPaging(operation: Operation, parts: RequestParts): RequestParts {
  const { offset, limit } = operation.mock.page ?? {};
  let next = parts;
  for (const place of [offset, limit])
    if (place && readLocation(next, place) !== undefined) next = withValue(next, place, undefined);
  return next;
}

/**
 * The first page at the largest size the contract allows, then a walk at about a third of the total, then
 * the page that holds only the last item the total promises (a total off by one shows there). The first
 * page's answer is also the data the filter and window probes take their values from.
 */
async function probePages(
  session: RunSession,
  ctx: PlanContext,
  operation: Operation,
  list: ListShape,
  base: RequestParts,
): Promise<CaseResponse | undefined> {
  const page = operation.mock.page;
  const pageParts = (offset: number, limit: number | undefined) => pageAt(operation, base, offset, limit);
  const size = page?.maxLimit ?? page?.defaultLimit;
  const head = { is: 'page' as const, list, offset: 0, defaultLimit: page?.defaultLimit, earlier: [] };
  const firstProbe: Probe = page?.limit && size !== undefined ? { ...head, limit: size } : head;
  const first = await session.execute(
    probeCase(ctx, operation, 'first page', pageParts(0, firstProbe.limit), firstProbe),
  );
  if (!page?.limit || first.status < 200 || first.status >= 300) return first;
  const stated = list.total ? Number(resolvePointer(first.body, list.total)) : NaN;
  const total = Number.isFinite(stated) ? stated : itemsIn(first, list).length;
  if (total < 2) return first;
  const limit = walkSize(total);
  const walked: Array<{ offset: number; limit: number }> = [];
  const history: CaseResponse[] = [];
  for (let offset = 0; walked.length < (page.offset ? 3 : 1) && offset < total; offset += limit) {
    const probe: Probe = { is: 'page', list, offset, limit, earlier: [...walked] };
    const label = `page at offset ${offset}, ${limit} per page`;
    history.push(
      await session.execute(probeCase(ctx, operation, label, pageParts(offset, limit), probe), [...history]),
    );
    walked.push({ offset, limit });
  }
  if (page.offset && Number.isFinite(stated) && total - 1 >= walked.length * limit) {
    const probe: Probe = { is: 'page', list, offset: total - 1, limit, earlier: [] };
    const label = `last item, at offset ${total - 1}`;
    await session.execute(probeCase(ctx, operation, label, pageParts(total - 1, limit), probe));
  }
  return first;
}

function itemsIn(response: CaseResponse, list: ListShape): Item[] {
  const items = resolvePointer(response.body, list.itemsPointer);
  return Array.isArray(items) ? (items as Item[]) : [];
}

async function probeWindow(
  session: RunSession,
  ctx: PlanContext,
  operation: Operation,
  resource: ResourceSpec | undefined,
  list: ListShape,
  base: RequestParts,
  items: Item[],
): Promise<void> {
  const window = operation.mock.window;
  if (!window || !resource) return;
  const range = windowAround(items, window.field, resource.clock);
  if (!range) return;
  let parts = withValue(base, window.from, clockValue(range.from, resource.clock, 'from'));
  parts = withValue(parts, window.to, clockValue(range.to, resource.clock, 'to'));
  const probe: Probe = {
    is: 'window',
    list,
    field: window.field,
    from: range.from,
    to: range.to,
    clock: resource.clock,
  };
  await session.execute(probeCase(ctx, operation, 'time window', parts, probe));
}

async function probeUnknownId(
  session: RunSession,
  ctx: PlanContext,
  operation: Operation,
  resource: ResourceSpec | undefined,
): Promise<void> {
  const location = operation.mock.id;
  if (!location || !resource || resource.singleton || !resource.key) return;
  const schema = schemaOf(operation, location);
  const keySchema = location.many
    ? ((schema as { items?: typeof schema } | undefined)?.items ?? undefined)
    : schema;
  const key = unknownKey(
    ctx.knownKey(operation),
    keySchema,
    ctx.faker,
    session.options.token,
    session.validators,
  );
  if (key === undefined) return;
  const parts = withKey(operation, baseParts(ctx, operation), key);
  const statuses = refusalStatuses(ctx.spec, operation, 'notFound');
  // Without a documented refusal there is nothing to expect: the contract says nothing about unknown ids.
  if (statuses.length === 0) return;
  const probe: Probe = { is: 'unknown_id', key, statuses };
  await session.execute(probeCase(ctx, operation, 'unknown id', parts, probe));
}
