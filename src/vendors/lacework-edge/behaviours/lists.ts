import type { Entity } from '../../../state';
import { type BehaviourContext, fail, ok, type Outcome } from '../../../mock';
import { STATUS, parseSeconds, resourceOf, rfc3339Millis, splitList, stringList } from '../common';

/**
 * Lacework Edge list queries. Their filters are comma-separated (`status=INIT,ACTIVE`), which the generic
 * list's single-value filters cannot say, and several lists are scoped by a parent (an alert's history, a
 * user's devices, a dataset's items) that must exist.
 *
 * The spec declares the shape of every filter and time (the StatusFilter and DatasourceFilter patterns,
 * InstantText), so a request reaches these behaviours only with values they can read; the checks below
 * name the field and stay as a defence. A missing parent is the one behavioural refusal (404).
 */
type Matcher = (entity: Entity) => boolean;
type MatcherResult = { ok: true; match: Matcher } | { ok: false; message: string };

const STATUS_NAMES = Object.keys(STATUS).join(', ');

/** An EnumStatus name, exactly as the spec spells it (INIT, ACTIVE...), or number. */
function statusValue(value: string): number | undefined {
  if (Object.hasOwn(STATUS, value)) return STATUS[value as keyof typeof STATUS];
  return /^\d+$/.test(value) ? Number(value) : undefined;
}

function statusMatcher(values: string[]): MatcherResult {
  const wanted: number[] = [];
  for (const value of values) {
    const status = statusValue(value);
    if (status === undefined)
      return { ok: false, message: `query.status: '${value}' is not one of ${STATUS_NAMES} or a number` };
    wanted.push(status);
  }
  return { ok: true, match: (e) => wanted.length === 0 || wanted.includes(Number(e.status)) };
}

function datasourceMatcher(values: string[]): MatcherResult {
  const bad = values.find((v) => !/^\d+$/.test(v));
  if (bad !== undefined)
    return { ok: false, message: `query.datasource: '${bad}' is not a DataSource number` };
  const wanted = values.map(Number);
  return { ok: true, match: (e) => wanted.length === 0 || wanted.includes(Number(e.data_source ?? 0)) };
}

function tagMatcher(values: string[]): MatcherResult {
  const wanted = values.map((v) => v.toLowerCase());
  return {
    ok: true,
    match: (e) => wanted.length === 0 || stringList(e.tags).some((t) => wanted.includes(t.toLowerCase())),
  };
}

/** Renders the operation's list template over these entities (secrets masked). */
export function answerItems(ctx: BehaviourContext, items: Entity[]): Outcome {
  const masked = ctx.resource ? items.map((e) => ctx.resource?.mask(e) ?? e) : items;
  return ok(ctx.render(ctx.operation.mock.response ?? '$items', { items: masked }));
}

/** status names -> EnumStatus, datasource -> data_source, tag -> tags (any); absent filters match all. */
function listMatching(ctx: BehaviourContext): Outcome {
  const query = ctx.request.query;
  const matchers = [
    statusMatcher(splitList(query.status)),
    datasourceMatcher(splitList(query.datasource)),
    tagMatcher(splitList(query.tag)),
  ];
  const refused = matchers.flatMap((m) => (m.ok ? [] : [m.message]));
  if (refused.length > 0) return fail('validation', ...refused);
  const tests = matchers.flatMap((m) => (m.ok ? [m.match] : []));
  const items = (ctx.resource?.collection.list() ?? []).filter((e) => tests.every((test) => test(e)));
  return answerItems(ctx, items);
}

/** Epoch milliseconds (the documented form) or RFC 3339 text, as epoch seconds. */
function millisecondsOrDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) : rfc3339Millis(value);
  return ms === undefined ? undefined : ms / 1000;
}

/** Alerts created between start_time and end_time, optionally of some statuses. */
function listAlerts(ctx: BehaviourContext): Outcome {
  const from = millisecondsOrDate(ctx.request.query.start_time);
  const to = millisecondsOrDate(ctx.request.query.end_time);
  if (from === undefined)
    return fail(
      'validation',
      'query.start_time: must be epoch milliseconds or an RFC 3339 date-time or date',
    );
  if (to === undefined)
    return fail('validation', 'query.end_time: must be epoch milliseconds or an RFC 3339 date-time or date');
  const statuses = splitList(ctx.request.query.status_filter);
  const items = resourceOf(ctx, 'alerts')
    .collection.list()
    .filter((a) => Number(a.create_time) >= from && Number(a.create_time) <= to)
    .filter((a) => statuses.length === 0 || statuses.includes(String(a.status)));
  return answerItems(ctx, items);
}

/** Audit events at or after start_time and, when given, before end_time (seconds, milliseconds or RFC 3339). */
function listAuditEvents(ctx: BehaviourContext): Outcome {
  const from = parseSeconds(ctx.request.query.start_time);
  const to = parseSeconds(ctx.request.query.end_time);
  if (from === undefined)
    return fail('validation', 'query.start_time: must be an epoch time or an RFC 3339 date-time or date');
  if (ctx.request.query.end_time !== undefined && to === undefined)
    return fail('validation', 'query.end_time: must be an epoch time or an RFC 3339 date-time or date');
  const items = resourceOf(ctx, 'auditEvents')
    .collection.list()
    .filter((e) => Number(e.create_time) >= from && (to === undefined || Number(e.create_time) < to));
  return answerItems(ctx, items);
}

/** The children of a stored parent (404 when the parent is not stored). */
function listChildren(
  ctx: BehaviourContext,
  parentResource: string,
  belongs: (e: Entity, id: string) => boolean,
) {
  const id = String(ctx.request.path.uuid ?? '');
  const parent = resourceOf(ctx, parentResource).find(id);
  if (!parent) return { parent, items: [], missing: fail('notFound', `${parentResource} '${id}' not found`) };
  const items = (ctx.resource?.collection.list() ?? []).filter((e) => belongs(e, id));
  return { parent, items, missing: undefined };
}

function listUserDevices(ctx: BehaviourContext): Outcome {
  const { items, missing } = listChildren(ctx, 'users', (device, id) => device.user_uuid === id);
  return missing ?? answerItems(ctx, items);
}

function listAlertHistory(ctx: BehaviourContext): Outcome {
  const belongs = (item: Entity, id: string) =>
    String(item.account_and_alert_uuid ?? '')
      .split(':')
      .pop() === id;
  const { items, missing } = listChildren(ctx, 'alerts', belongs);
  if (missing) return missing;
  return answerItems(
    ctx,
    [...items].sort((a, b) => Number(a.timestamp) - Number(b.timestamp)),
  );
}

function listDatasetItems(ctx: BehaviourContext): Outcome {
  const { parent, items, missing } = listChildren(ctx, 'datasets', (item, id) => item.dataset_uuid === id);
  if (missing) return missing;
  return ok({ dataset: parent, customer_dataset_items: items, continuation_token: '' });
}

export const listBehaviours = {
  listMatching,
  listAlerts,
  listAuditEvents,
  listUserDevices,
  listAlertHistory,
  listDatasetItems,
};
