/**
 * JSON Schemas of the `x-secmock` extension (documented in docs/annotations.md). Lint validates every
 * annotation against them so that a typo fails loudly instead of silently doing nothing.
 */

import { ACTIONS, ERROR_KINDS } from './model';

const location = { type: 'string', pattern: '^(path|query|body|headers)(\\.[^.\\[\\]]+)*(\\[\\])?$' };
const errorTemplate = {
  type: 'object',
  required: ['status', 'body'],
  additionalProperties: false,
  properties: { status: { type: 'integer', minimum: 100, maximum: 599 }, body: {} },
};
const errorKinds = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(ERROR_KINDS.map((kind) => [kind, errorTemplate])),
};

const idStrategy = {
  oneOf: [
    { enum: ['uuid', 'client'] },
    {
      type: 'object',
      additionalProperties: false,
      required: ['sequence'],
      properties: {
        sequence: {
          type: 'object',
          additionalProperties: false,
          properties: { start: { type: 'integer' }, step: { type: 'integer', minimum: 1 } },
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['pattern'],
      properties: { pattern: { type: 'string', pattern: '\\{n(:\\d+)?\\}' }, start: { type: 'integer' } },
    },
  ],
};

const resource = {
  type: 'object',
  additionalProperties: false,
  properties: {
    key: { type: 'string' },
    id: idStrategy,
    singleton: { type: 'boolean' },
    schema: { type: 'object' },
    created: { type: 'string' },
    updated: { type: 'string' },
    clock: { enum: ['epoch-s', 'epoch-ms', 'iso', 'sql'] },
    secrets: { type: 'array', items: { type: 'string' } },
    times: { type: 'array', items: { type: 'string' } },
    computed: { type: 'array', items: { type: 'string' } },
    defaults: { type: 'object' },
  },
};

/** A place in an answer, through arrays: `categoryCounts[].count`. */
const answerPath = { type: 'string', pattern: '^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$' };
const aggregateTerm = {
  type: 'object',
  additionalProperties: false,
  required: ['operation', 'at'],
  properties: { operation: { type: 'string' }, at: answerPath },
};
const aggregate = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'total', 'parts'],
  properties: {
    name: { type: 'string' },
    body: {},
    total: aggregateTerm,
    parts: { type: 'array', minItems: 1, items: aggregateTerm },
  },
};

export const rootAnnotationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['errors'],
  properties: {
    responses: { enum: ['example', 'generated'] },
    errors: { ...errorKinds, required: ['validation', 'unauthorized'] },
    resources: { type: 'object', additionalProperties: resource },
    aggregates: { type: 'array', items: aggregate },
    rateLimit: {
      type: 'object',
      additionalProperties: false,
      required: ['requests', 'seconds'],
      properties: {
        requests: { type: 'integer', minimum: 1 },
        seconds: { type: 'integer', minimum: 1 },
        description: { type: 'string' },
      },
    },
  },
};

export const schemeAnnotationSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    credentials: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value'],
        properties: {
          value: { type: 'string', minLength: 1 },
          scopes: { type: 'array', items: { type: 'string' } },
          label: { type: 'string' },
        },
      },
    },
    issuedBy: {
      type: 'object',
      additionalProperties: false,
      required: ['operationId', 'field'],
      properties: { operationId: { type: 'string' }, field: { type: 'string' } },
    },
  },
};

/** A place in a request, through arrays (`[]`) and maps (`*`): `body.projectMappings.*.statuses[]`. */
const requestPath = {
  type: 'string',
  pattern: '^(path|query|body|headers)(\\[\\])?(\\.(\\*|[^.\\[\\]*]+)(\\[\\])?)*$',
};

/** What the vendor accepts beyond the document (docs/annotations.md, "Two levels of truth"). */
const accepts = {
  type: 'object',
  additionalProperties: false,
  properties: {
    source: { type: 'string' },
    optional: { type: 'array', items: requestPath },
    nullable: { type: 'array', items: requestPath },
    values: {
      type: 'object',
      propertyNames: requestPath,
      additionalProperties: { type: 'array', minItems: 1 },
    },
    aliases: {
      type: 'object',
      propertyNames: requestPath,
      additionalProperties: { type: 'object', minProperties: 1 },
    },
    bodies: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['schema'],
        properties: { schema: { type: 'object' }, as: {} },
      },
    },
  },
};

export const operationAnnotationSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    resource: { type: 'string' },
    action: { enum: [...ACTIONS] },
    id: location,
    by: { type: 'string' },
    entity: { oneOf: [location, { type: 'object' }] },
    unset: location,
    filters: {
      type: 'object',
      propertyNames: location,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['field'],
        properties: { field: { type: 'string' }, match: { enum: ['equals', 'prefix', 'contains', 'in'] } },
      },
    },
    page: {
      type: 'object',
      additionalProperties: false,
      properties: {
        offset: location,
        limit: location,
        default: { type: 'integer', minimum: 1 },
        max: { type: 'integer', minimum: 1 },
        base: { enum: [0, 1] },
      },
    },
    sort: {
      type: 'object',
      additionalProperties: false,
      required: ['by'],
      properties: {
        by: { type: 'string' },
        order: { enum: ['asc', 'desc'] },
        unless: { type: 'array', items: location },
      },
    },
    window: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'field'],
      properties: { from: location, to: location, field: { type: 'string' } },
    },
    unique: { type: 'array', items: location },
    requires: { type: 'array', items: { type: 'string' } },
    query: { type: 'boolean' },
    answersAnyId: { type: 'boolean' },
    behaviour: { type: 'string', pattern: '^[a-zA-Z][\\w-]*$' },
    response: {},
    status: { type: 'integer', minimum: 200, maximum: 299 },
    errors: errorKinds,
    accepts,
  },
};
